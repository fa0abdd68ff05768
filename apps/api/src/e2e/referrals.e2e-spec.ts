import { randomUUID } from 'node:crypto';
import {
  demoUser,
  expectNothingWritten,
  expectOnlyDenied,
  type GraphqlResponse,
  type TestHub,
  type Watermark,
} from '@hub/testing';
import { DEMO_TASK_FORCE } from '@hub/demo-data';
import { startHub } from './hub';
import {
  ADD_MESSAGE,
  auditAction,
  auditContent,
  auditSince,
  changes,
  codes,
  CREATE_REFERRAL,
  createReferral,
  deidentified,
  extraInput,
  FEDERAL,
  HARBOR,
  InboxPage,
  move,
  MUTATION,
  pastDeadline,
  POLICE,
  REFERRAL_BY_ID,
  referralAt,
  ReferralNode,
  REFERRALS,
  SAFE_PASSAGE,
  snapshot,
  Snapshot,
  TA_CENTER,
  TF_OFFICE,
  transition,
  Transition,
} from './referrals-lifecycle-support';
import {
  consentInput,
  createSurvivor,
  DAY,
  expectError,
  NOTIFICATIONS,
  NotificationFeed,
  ok,
  personalData,
  recordConsent,
  REVOKE_CONSENT,
  tag,
} from './survivor-support';

type Row = Record<string, unknown>;

/** Users whose agency is party to no referral here, or who have no case role at all. */
const NO_CASE_ROLE = ['tf.coordinator', 'tf.auditor', 'fed.liaison', 'ta.provider'];
const SENDER_STAFF = ['ngo.caseworker', 'ngo.lead'];
const THIRD_AGENCY = ['pd.investigator', 'pd.supervisor'];

const purposeOf = (agencyId: string) => (agencyId === POLICE ? 'INVESTIGATION' : 'SERVICE');

describe('referrals (e2e)', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const read = (id: string, user: string, selection?: string) =>
    hub.gql<{ referral: ReferralNode & Row }>(REFERRAL_BY_ID(selection), { id }, { user });

  /** Asserts exactly one error with the code, no data, and that nothing at all was written. */
  async function expectRefusedWithoutTrace(
    response: { body: GraphqlResponse['body'] },
    code: string,
    before: Watermark,
  ): Promise<void> {
    expectError(response, code);
    await expectNothingWritten(hub, before);
  }

  /** A refusal told as NOT_FOUND: one DENIED audit row with reason NOT_FOUND (auditors only), nothing else. */
  async function expectNotFoundAudited(
    before: Watermark,
    user: string,
    action: string,
    subjectId: string | null,
  ): Promise<void> {
    await expectOnlyDenied(hub, before, {
      user,
      action,
      subjectType: 'Referral',
      subjectId,
      reason: 'NOT_FOUND',
    });
  }

  async function inbox(user: string, args: Record<string, unknown>): Promise<InboxPage['referrals']> {
    return ok(await hub.gql<InboxPage>(REFERRALS, args, { user })).referrals;
  }

  /**
   * A successful transition wrote exactly: the referral row (status, version + 1), one event
   * (actor, time, reason), one ALLOWED audit row and — unless the referral was a draft — one
   * notification to the other agency with its outbox row, all in one transaction.
   */
  async function expectTransitionWritten(
    before: Snapshot,
    expected: {
      referral: ReferralNode;
      user: string;
      step: Transition;
      from: string;
      to: string;
      reason: string | null;
      notify: string | null;
      startedAt: number;
      secrets?: string[];
    },
  ): Promise<void> {
    const after = await snapshot(hub);
    const diff = changes(before, after);
    const { sub, agencyId } = demoUser(expected.user);
    const id = expected.referral.id;

    expect(diff.referral.added).toEqual([]);
    expect(diff.referral.removed).toEqual([]);
    expect(diff.referral.changed).toHaveLength(1);
    const row = diff.referral.changed[0].after;
    expect(row).toMatchObject({ id, status: expected.to, version: expected.referral.version + 1 });

    expect(diff.record_event.changed).toEqual([]);
    expect(diff.record_event.added).toHaveLength(1);
    const event = diff.record_event.added[0];
    expect(event).toMatchObject({
      subject_type: 'Referral',
      subject_id: id,
      from_status: expected.from,
      to_status: expected.to,
      actor_user_id: sub,
      actor_agency_id: agencyId,
      reason: expected.reason,
    });
    const at = (event.occurred_at as Date).getTime();
    expect(at).toBeGreaterThanOrEqual(expected.startedAt - 5_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 5_000);

    const audit = await auditSince(hub, before);
    expect(audit.map(auditContent)).toEqual([
      {
        actor_user_id: sub,
        actor_agency_id: agencyId,
        action: auditAction(expected.step),
        subject_type: 'Referral',
        subject_id: id,
        fields: [],
        purpose: purposeOf(agencyId),
        decision: 'ALLOWED',
        reason: expected.reason,
      },
    ]);

    expect(diff.notification.changed).toEqual([]);
    expect(diff.outbox.changed).toEqual([]);
    if (expected.notify === null) {
      expect(diff.notification.added).toEqual([]);
      expect(diff.outbox.added).toEqual([]);
    } else {
      expect(diff.notification.added).toHaveLength(1);
      const notification = diff.notification.added[0];
      expect(notification).toMatchObject({
        agency_id: expected.notify,
        event_type: `REFERRAL_${expected.to}`,
        subject_type: 'Referral',
        subject_id: id,
      });
      expect(notification.agency_id).not.toBe(agencyId);
      for (const secret of expected.secrets ?? []) expect(notification.message).not.toContain(secret);
      expect(diff.outbox.added).toHaveLength(1);
      expect(diff.outbox.added[0]).toMatchObject({
        topic: 'notification.created',
        payload: {
          notificationId: notification.id,
          agencyId: expected.notify,
          eventType: `REFERRAL_${expected.to}`,
          subjectType: 'Referral',
          subjectId: id,
        },
      });
      expect(new Set([row.xmin, notification.xmin, diff.outbox.added[0].xmin]).size).toBe(1);
    }
    // One transaction: the referral, its event and its audit row (and the notification above).
    expect(new Set([row.xmin, event.xmin, audit[0].xmin]).size).toBe(1);

    for (const table of ['record_message', 'consent_grant'] as const) {
      expect(diff[table]).toEqual({ added: [], changed: [], removed: [] });
    }
  }

  // -------------------------------------------------------------------------------------------
  describe('each lifecycle mutation', () => {
    const CASES: {
      step: Transition;
      from: string;
      to: string;
      side: 'sender' | 'recipient';
      badInputs: [string, Record<string, unknown>][];
    }[] = [
      { step: 'send', from: 'DRAFT', to: 'SENT', side: 'sender', badInputs: [] },
      { step: 'acknowledge', from: 'SENT', to: 'ACKNOWLEDGED', side: 'recipient', badInputs: [] },
      { step: 'accept', from: 'ACKNOWLEDGED', to: 'ACCEPTED', side: 'recipient', badInputs: [] },
      {
        step: 'decline',
        from: 'SENT',
        to: 'DECLINED',
        side: 'recipient',
        badInputs: [
          ['reason code OTHER without a reason', { reasonCode: 'OTHER', declinedBy: 'PROVIDER' }],
          [
            'reason code OTHER with a blank reason',
            { reasonCode: 'OTHER', declinedBy: 'PROVIDER', reason: '  ' },
          ],
          ['an unknown reason code', { reasonCode: 'TOO_BUSY', declinedBy: 'PROVIDER' }],
          ['no declinedBy', { declinedBy: undefined }],
          ['an unknown declinedBy', { reasonCode: 'NO_CAPACITY', declinedBy: 'POLICE' }],
          ['no reason code', { reasonCode: undefined }],
        ],
      },
      { step: 'start', from: 'ACCEPTED', to: 'IN_PROGRESS', side: 'recipient', badInputs: [] },
      { step: 'hold', from: 'IN_PROGRESS', to: 'ON_HOLD', side: 'recipient', badInputs: [] },
      {
        step: 'complete',
        from: 'IN_PROGRESS',
        to: 'COMPLETED',
        side: 'recipient',
        badInputs: [
          ['no outcome', { outcome: undefined }],
          ['no services delivered', { outcome: { servicesDelivered: [] } }],
          ['an unknown service', { outcome: { servicesDelivered: ['ROCKETS'] } }],
          ['a service twice', { outcome: { servicesDelivered: ['LEGAL', 'LEGAL'] } }],
          [
            'an outcome text over 4000',
            { outcome: { servicesDelivered: ['LEGAL'], text: 'x'.repeat(4001) } },
          ],
        ],
      },
      {
        step: 'fail',
        from: 'IN_PROGRESS',
        to: 'FAILED',
        side: 'recipient',
        badInputs: [
          ['no failure reason', { failureReason: undefined }],
          ['an empty failure reason', { failureReason: '' }],
          ['a failure reason over 1000', { failureReason: 'x'.repeat(1001) }],
        ],
      },
      { step: 'withdraw', from: 'SENT', to: 'WITHDRAWN', side: 'sender', badInputs: [] },
    ];
    const COMMON_BAD: [string, Record<string, unknown>][] = [
      ['a referral id that is not a uuid', { referralId: 'referral-1' }],
      ['expectedVersion 0', { expectedVersion: 0 }],
      ['a negative expectedVersion', { expectedVersion: -3 }],
      ['no expectedVersion', { expectedVersion: undefined }],
      ['a reason over 1000 characters', { reason: 'r'.repeat(1001) }],
    ];

    it.each(CASES)(
      '$step ($from → $to): wrong agency, wrong role, stale version, bad input refused without trace; the right caller succeeds; again is ILLEGAL_TRANSITION',
      async ({ step, from, to, side, badInputs }) => {
        const referral = await referralAt(hub, from);
        const rightCaller = side === 'sender' ? 'ngo.caseworker' : 'legal.caseworker';
        const valid = { referralId: referral.id, expectedVersion: referral.version, ...extraInput(step) };

        // A third agency and users without case roles: the referral does not exist for them.
        for (const user of [...THIRD_AGENCY, ...NO_CASE_ROLE]) {
          const before = await hub.watermark();
          const response = await transition(hub, user, step, valid);
          expect(expectError(response, 'NOT_FOUND').message).toBe(`Referral ${referral.id} not found`);
          await expectNotFoundAudited(before, user, auditAction(step), referral.id);
        }

        // The other party sees it but it is not theirs to do: FORBIDDEN, one DENIED audit row.
        const otherSide = side === 'sender' ? ['legal.caseworker', 'legal.lead'] : SENDER_STAFF;
        for (const user of otherSide) {
          const before = await hub.watermark();
          const response = await transition(hub, user, step, valid);
          if (from === 'DRAFT') {
            // A draft is the sender's own business: the recipient does not see it at all.
            expectError(response, 'NOT_FOUND');
            await expectNotFoundAudited(before, user, auditAction(step), referral.id);
          } else {
            expectError(response, 'FORBIDDEN');
            await expectOnlyDenied(hub, before, {
              user,
              action: auditAction(step),
              subjectType: 'Referral',
              subjectId: referral.id,
            });
          }
        }

        // A stale (or future) version: CONFLICT.
        for (const version of [referral.version > 1 ? referral.version - 1 : referral.version + 1, 99]) {
          const before = await hub.watermark();
          const response = await transition(hub, rightCaller, step, { ...valid, expectedVersion: version });
          await expectRefusedWithoutTrace(response, 'CONFLICT', before);
        }

        // Bad input.
        for (const [what, patch] of [...COMMON_BAD, ...badInputs]) {
          const before = await hub.watermark();
          const response = await transition(hub, rightCaller, step, { ...valid, ...patch });
          expect([what, codes(response)]).toEqual([what, ['BAD_USER_INPUT']]);
          expect(response.body.data ?? null).toBeNull();
          await expectNothingWritten(hub, before);
        }
        // An unknown (well-formed) id: NOT_FOUND.
        {
          const before = await hub.watermark();
          const unknown = randomUUID();
          const response = await transition(hub, rightCaller, step, { ...valid, referralId: unknown });
          expectError(response, 'NOT_FOUND');
          await expectNotFoundAudited(before, rightCaller, auditAction(step), unknown);
        }

        // The right caller.
        const reason = `  because ${tag()}  `;
        const before = await snapshot(hub);
        const startedAt = Date.now();
        const response = await transition(hub, rightCaller, step, { ...valid, reason });
        const moved = ok(response)[MUTATION[step].name].referral;
        expect(moved).toMatchObject({ id: referral.id, status: to, version: referral.version + 1 });
        await expectTransitionWritten(before, {
          referral,
          user: rightCaller,
          step,
          from,
          to,
          reason: reason.trim(),
          notify: side === 'sender' ? SAFE_PASSAGE : HARBOR,
          startedAt,
          secrets: [reason.trim()],
        });
        // What each transition records beside the status, as both agencies see it.
        for (const user of ['ngo.caseworker', 'legal.caseworker']) {
          const seen = ok(await read(referral.id, user)).referral;
          expect(seen).toMatchObject({ status: to, version: referral.version + 1 });
          if (step === 'send') {
            const due = new Date(seen.responseDueAt as string).getTime();
            expect(due).toBeGreaterThan(startedAt + 7 * DAY - 60_000);
            expect(due).toBeLessThan(Date.now() + 7 * DAY + 60_000);
          }
          if (step === 'decline') {
            expect(seen.decline).toEqual({
              reason: 'NO_CAPACITY',
              text: reason.trim(),
              declinedBy: 'PROVIDER',
            });
          }
          if (step === 'complete') {
            expect(seen.outcome).toEqual({ servicesDelivered: ['LEGAL'], text: 'Representation arranged' });
          }
          if (step === 'fail') expect(seen.failureReason).toBe('Survivor moved out of the area');
        }

        // The same transition again, now from the new state: ILLEGAL_TRANSITION, nothing written.
        const again = await hub.watermark();
        const illegal = await transition(hub, rightCaller, step, {
          ...valid,
          expectedVersion: referral.version + 1,
        });
        const error = expectError(illegal, 'ILLEGAL_TRANSITION');
        expect(error.extensions).toMatchObject({ status: to, transition: step });
        await expectNothingWritten(hub, again);
      },
    );

    it.each<[string, Transition, 'sender' | 'recipient']>([
      ['SENT', 'send', 'sender'],
      ['SENT', 'accept', 'recipient'],
      ['SENT', 'start', 'recipient'],
      ['SENT', 'complete', 'recipient'],
      ['SENT', 'hold', 'recipient'],
      ['SENT', 'fail', 'recipient'],
      ['ACKNOWLEDGED', 'acknowledge', 'recipient'],
      ['ACKNOWLEDGED', 'start', 'recipient'],
      ['ACCEPTED', 'accept', 'recipient'],
      ['ACCEPTED', 'hold', 'recipient'],
      ['ACCEPTED', 'complete', 'recipient'],
      ['ACCEPTED', 'fail', 'recipient'],
      ['IN_PROGRESS', 'decline', 'recipient'],
      ['IN_PROGRESS', 'accept', 'recipient'],
      ['IN_PROGRESS', 'start', 'recipient'],
      ['ON_HOLD', 'complete', 'recipient'],
      ['ON_HOLD', 'hold', 'recipient'],
      ['ON_HOLD', 'decline', 'recipient'],
      ['COMPLETED', 'withdraw', 'sender'],
      ['COMPLETED', 'fail', 'recipient'],
      ['COMPLETED', 'start', 'recipient'],
      ['DECLINED', 'withdraw', 'sender'],
      ['DECLINED', 'accept', 'recipient'],
      ['FAILED', 'start', 'recipient'],
      ['FAILED', 'withdraw', 'sender'],
      ['WITHDRAWN', 'send', 'sender'],
      ['WITHDRAWN', 'acknowledge', 'recipient'],
    ])('%s --%s--> is ILLEGAL_TRANSITION and changes nothing', async (status, step, side) => {
      const referral = await referralAt(hub, status);
      const before = await hub.watermark();
      const response = await transition(
        hub,
        side === 'sender' ? 'ngo.caseworker' : 'legal.caseworker',
        step,
        {
          referralId: referral.id,
          expectedVersion: referral.version,
          ...extraInput(step),
        },
      );
      const error = expectError(response, 'ILLEGAL_TRANSITION');
      expect(error.extensions).toMatchObject({ status, transition: step });
      await expectNothingWritten(hub, before);
      expect(ok(await read(referral.id, 'ngo.caseworker')).referral).toMatchObject({
        status,
        version: referral.version,
      });
    });

    it('the recipient trying to send or withdraw a sent referral is FORBIDDEN (one DENIED row each)', async () => {
      const referral = await referralAt(hub, 'SENT');
      for (const step of ['send', 'withdraw'] as const) {
        for (const user of ['legal.caseworker', 'legal.lead']) {
          const before = await hub.watermark();
          const response = await transition(hub, user, step, {
            referralId: referral.id,
            expectedVersion: referral.version,
          });
          expectError(response, 'FORBIDDEN');
          await expectOnlyDenied(hub, before, {
            user,
            action: auditAction(step),
            subjectType: 'Referral',
            subjectId: referral.id,
          });
        }
      }
    });

    it('a supervisor of the receiving agency (legal.lead) may acknowledge, accept, start, hold, complete', async () => {
      let referral = await referralAt(hub, 'SENT');
      for (const [step, to] of [
        ['acknowledge', 'ACKNOWLEDGED'],
        ['accept', 'ACCEPTED'],
        ['start', 'IN_PROGRESS'],
        ['hold', 'ON_HOLD'],
        ['start', 'IN_PROGRESS'],
        ['complete', 'COMPLETED'],
      ] as const) {
        const from = referral.status;
        const before = await snapshot(hub);
        const startedAt = Date.now();
        const moved = await move(hub, 'legal.lead', step, referral);
        expect(moved).toMatchObject({ status: to, version: referral.version + 1 });
        await expectTransitionWritten(before, {
          referral,
          user: 'legal.lead',
          step,
          from,
          to,
          reason: null,
          notify: HARBOR,
          startedAt,
        });
        referral = moved;
      }
    });

    describe('a receiving police agency: the investigator reads and writes in the thread but may not act', () => {
      const RECEIVING: [Transition, string, string][] = [
        ['acknowledge', 'SENT', 'ACKNOWLEDGED'],
        ['accept', 'ACKNOWLEDGED', 'ACCEPTED'],
        ['decline', 'ACKNOWLEDGED', 'DECLINED'],
        ['start', 'ACCEPTED', 'IN_PROGRESS'],
        ['hold', 'IN_PROGRESS', 'ON_HOLD'],
        ['complete', 'IN_PROGRESS', 'COMPLETED'],
        ['fail', 'ON_HOLD', 'FAILED'],
      ];
      it.each(RECEIVING)(
        '%s from %s: pd.investigator FORBIDDEN, pd.supervisor succeeds',
        async (step, from, to) => {
          const referral = await referralAt(hub, from, {
            recipient: 'pd.supervisor',
            input: { toAgencyId: POLICE, needs: ['EMERGENCY_RESPONSE'] },
          });
          const valid = { referralId: referral.id, expectedVersion: referral.version, ...extraInput(step) };
          expect(ok(await read(referral.id, 'pd.investigator')).referral.status).toBe(from);

          const before = await hub.watermark();
          expectError(await transition(hub, 'pd.investigator', step, valid), 'FORBIDDEN');
          await expectOnlyDenied(hub, before, {
            user: 'pd.investigator',
            action: auditAction(step),
            subjectType: 'Referral',
            subjectId: referral.id,
          });

          const ready = await snapshot(hub);
          const startedAt = Date.now();
          const moved = ok(await transition(hub, 'pd.supervisor', step, valid))[MUTATION[step].name].referral;
          expect(moved).toMatchObject({ status: to, version: referral.version + 1 });
          await expectTransitionWritten(ready, {
            referral,
            user: 'pd.supervisor',
            step,
            from,
            to,
            reason: step === 'fail' ? 'Survivor moved out of the area' : null,
            notify: HARBOR,
            startedAt,
          });
        },
      );

      it('pd.investigator reads the received referral and writes in its thread', async () => {
        const referral = await referralAt(hub, 'SENT', {
          recipient: 'pd.supervisor',
          input: { toAgencyId: POLICE, needs: ['EMERGENCY_RESPONSE'] },
        });
        expect(ok(await read(referral.id, 'pd.investigator')).referral).toMatchObject({
          id: referral.id,
          status: 'SENT',
          fromAgencyId: HARBOR,
          toAgencyId: POLICE,
        });
        const message = ok(
          await hub.gql<{ addReferralMessage: { message: Row } }>(
            ADD_MESSAGE,
            { input: { referralId: referral.id, body: 'Detective on call will phone the callback route.' } },
            { user: 'pd.investigator' },
          ),
        ).addReferralMessage.message;
        expect(message).toMatchObject({
          authorUserId: demoUser('pd.investigator').sub,
          authorAgencyId: POLICE,
        });
        const received = await inbox('pd.investigator', { box: 'RECEIVED', first: 100 });
        expect(received.edges.map((e) => e.node.id)).toContain(referral.id);
      });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('lifecycle paths', () => {
    it('ON_HOLD ⇄ IN_PROGRESS, then FAILED from ON_HOLD; every step is an event with actor, time and reason', async () => {
      let referral = await referralAt(hub, 'IN_PROGRESS');
      referral = await move(hub, 'legal.caseworker', 'hold', referral, {
        reason: 'Wait-listed for a lawyer',
      });
      expect(referral.status).toBe('ON_HOLD');
      referral = await move(hub, 'legal.caseworker', 'start', referral, { reason: 'Lawyer available' });
      expect(referral.status).toBe('IN_PROGRESS');
      referral = await move(hub, 'legal.lead', 'hold', referral, {});
      expect(referral.status).toBe('ON_HOLD');
      const before = await snapshot(hub);
      const startedAt = Date.now();
      const failed = await move(hub, 'legal.caseworker', 'fail', referral, {
        failureReason: '  Could not reach the survivor for six weeks ',
      });
      expect(failed).toMatchObject({
        status: 'FAILED',
        version: referral.version + 1,
        failureReason: 'Could not reach the survivor for six weeks',
      });
      await expectTransitionWritten(before, {
        referral,
        user: 'legal.caseworker',
        step: 'fail',
        from: 'ON_HOLD',
        to: 'FAILED',
        reason: 'Could not reach the survivor for six weeks',
        notify: HARBOR,
        startedAt,
      });

      const seen = ok(
        await read(
          referral.id,
          'ngo.caseworker',
          'status failureReason events { fromStatus toStatus actorUserId actorAgencyId reason occurredAt } lastEvent { toStatus }',
        ),
      ).referral as unknown as {
        status: string;
        failureReason: string;
        events: { fromStatus: string | null; toStatus: string; actorUserId: string; reason: string | null }[];
        lastEvent: { toStatus: string };
      };
      expect(seen.status).toBe('FAILED');
      expect(seen.failureReason).toBe('Could not reach the survivor for six weeks');
      const caseworker = demoUser('ngo.caseworker').sub;
      const legal = demoUser('legal.caseworker').sub;
      const lead = demoUser('legal.lead').sub;
      expect(seen.events.map((e) => [e.fromStatus, e.toStatus, e.actorUserId, e.reason])).toEqual([
        [null, 'DRAFT', caseworker, null],
        ['DRAFT', 'SENT', caseworker, null],
        ['SENT', 'ACKNOWLEDGED', legal, null],
        ['ACKNOWLEDGED', 'ACCEPTED', legal, null],
        ['ACCEPTED', 'IN_PROGRESS', legal, null],
        ['IN_PROGRESS', 'ON_HOLD', legal, 'Wait-listed for a lawyer'],
        ['ON_HOLD', 'IN_PROGRESS', legal, 'Lawyer available'],
        ['IN_PROGRESS', 'ON_HOLD', lead, null],
        ['ON_HOLD', 'FAILED', legal, 'Could not reach the survivor for six weeks'],
      ]);
      expect(seen.lastEvent).toEqual({ toStatus: 'FAILED' });
    });

    it.each<[string, string, string, string | undefined]>([
      ['SENT', 'NO_CAPACITY', 'PROVIDER', undefined],
      ['ACKNOWLEDGED', 'SURVIVOR_DECLINED', 'SURVIVOR', 'Survivor chose another provider'],
      ['ACCEPTED', 'OTHER', 'PROVIDER', 'Conflict of interest with the opposing party'],
    ])(
      'decline from %s with %s records the code, the text and who declined; the sender sees it',
      async (from, reasonCode, declinedBy, reason) => {
        const referral = await referralAt(hub, from);
        const before = await snapshot(hub);
        const startedAt = Date.now();
        const declined = await move(hub, 'legal.caseworker', 'decline', referral, {
          reasonCode,
          declinedBy,
          reason,
        });
        const decline = { reason: reasonCode, text: reason ?? null, declinedBy };
        expect(declined).toMatchObject({ status: 'DECLINED', decline });
        await expectTransitionWritten(before, {
          referral,
          user: 'legal.caseworker',
          step: 'decline',
          from,
          to: 'DECLINED',
          reason: reason ?? null,
          notify: HARBOR,
          startedAt,
          secrets: reason ? [reason] : [],
        });
        const row = (
          await hub.asOwner((ds) =>
            ds.query(`SELECT decline_reason, decline_reason_text, declined_by FROM referral WHERE id = $1`, [
              referral.id,
            ]),
          )
        )[0] as Row;
        expect(row).toEqual({
          decline_reason: reasonCode,
          decline_reason_text: reason ?? null,
          declined_by: declinedBy,
        });
        expect(ok(await read(referral.id, 'ngo.caseworker')).referral.decline).toEqual(decline);
      },
    );

    it.each(['SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'])(
      'the sender withdraws from %s: the recipient is told',
      async (from) => {
        const referral = await referralAt(hub, from);
        const before = await snapshot(hub);
        const startedAt = Date.now();
        const withdrawn = await move(hub, 'ngo.lead', 'withdraw', referral, { reason: 'Survivor relocated' });
        expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', version: referral.version + 1 });
        await expectTransitionWritten(before, {
          referral,
          user: 'ngo.lead',
          step: 'withdraw',
          from,
          to: 'WITHDRAWN',
          reason: 'Survivor relocated',
          notify: SAFE_PASSAGE,
          startedAt,
        });
        expect(ok(await read(referral.id, 'legal.caseworker')).referral.status).toBe('WITHDRAWN');
      },
    );

    it('the sender withdraws a DRAFT: recorded with its event and audit row, and the recipient, who never received it, is not told', async () => {
      const referral = await referralAt(hub, 'DRAFT');
      const before = await snapshot(hub);
      const startedAt = Date.now();
      const withdrawn = await move(hub, 'ngo.caseworker', 'withdraw', referral, {});
      expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', version: 2 });
      await expectTransitionWritten(before, {
        referral,
        user: 'ngo.caseworker',
        step: 'withdraw',
        from: 'DRAFT',
        to: 'WITHDRAWN',
        reason: null,
        notify: null,
        startedAt,
      });
    });

    it('a withdrawn DRAFT stays invisible to the recipient (NOT_FOUND, not in its RECEIVED box or counts)', async () => {
      const counts = async () => (await inbox('legal.caseworker', { box: 'RECEIVED', first: 1 })).counts;
      const referral = await referralAt(hub, 'DRAFT');
      const start = await counts();
      await move(hub, 'ngo.caseworker', 'withdraw', referral, {});
      expect(ok(await read(referral.id, 'ngo.caseworker')).referral.status).toBe('WITHDRAWN');
      expectError(await read(referral.id, 'legal.caseworker'), 'NOT_FOUND');
      const received = await inbox('legal.caseworker', { box: 'RECEIVED', first: 100 });
      expect(received.edges.map((e) => e.node.id)).not.toContain(referral.id);
      expect(await counts()).toEqual(start);
    });

    it('a completed referral shows its outcome to the sender (closed loop)', async () => {
      const referral = await referralAt(hub, 'IN_PROGRESS');
      await move(hub, 'legal.caseworker', 'complete', referral, {
        outcome: { servicesDelivered: ['IMMIGRATION_LEGAL', 'LEGAL'], text: '  T-visa filed  ' },
      });
      const seen = ok(await read(referral.id, 'ngo.caseworker')).referral;
      expect(seen).toMatchObject({
        status: 'COMPLETED',
        outcome: { servicesDelivered: ['IMMIGRATION_LEGAL', 'LEGAL'], text: 'T-visa filed' },
      });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('availableActions (what the screen offers: the policy and the lifecycle)', () => {
    const actionsOf = async (id: string, user: string) =>
      ok(await read(id, user, 'status version availableActions')).referral.availableActions;

    it('along the closed loop each party is offered exactly the moves it may make, and each offered move is accepted', async () => {
      const expected: [string, Record<string, string[]>, [Transition, string] | null][] = [
        [
          'DRAFT',
          { 'ngo.caseworker': ['SEND', 'WITHDRAW', 'MESSAGE'], 'ngo.lead': ['SEND', 'WITHDRAW', 'MESSAGE'] },
          ['send', 'ngo.caseworker'],
        ],
        [
          'SENT',
          {
            'ngo.caseworker': ['WITHDRAW', 'MESSAGE'],
            'legal.caseworker': ['ACKNOWLEDGE', 'DECLINE', 'MESSAGE'],
          },
          ['acknowledge', 'legal.caseworker'],
        ],
        [
          'ACKNOWLEDGED',
          { 'ngo.caseworker': ['WITHDRAW', 'MESSAGE'], 'legal.lead': ['ACCEPT', 'DECLINE', 'MESSAGE'] },
          ['accept', 'legal.lead'],
        ],
        [
          'ACCEPTED',
          { 'ngo.caseworker': ['WITHDRAW', 'MESSAGE'], 'legal.caseworker': ['DECLINE', 'START', 'MESSAGE'] },
          ['start', 'legal.caseworker'],
        ],
        [
          'IN_PROGRESS',
          {
            'ngo.caseworker': ['WITHDRAW', 'MESSAGE'],
            'legal.caseworker': ['HOLD', 'COMPLETE', 'FAIL', 'MESSAGE'],
          },
          ['hold', 'legal.caseworker'],
        ],
        [
          'ON_HOLD',
          { 'ngo.caseworker': ['WITHDRAW', 'MESSAGE'], 'legal.caseworker': ['START', 'FAIL', 'MESSAGE'] },
          ['start', 'legal.caseworker'],
        ],
        [
          'IN_PROGRESS',
          { 'legal.caseworker': ['HOLD', 'COMPLETE', 'FAIL', 'MESSAGE'] },
          ['complete', 'legal.caseworker'],
        ],
        ['COMPLETED', { 'ngo.caseworker': ['MESSAGE'], 'legal.caseworker': ['MESSAGE'] }, null],
      ];
      let referral = await createReferral(hub, 'ngo.caseworker', deidentified());
      for (const [status, byUser, next] of expected) {
        for (const [user, actions] of Object.entries(byUser)) {
          expect({ status, user, actions: await actionsOf(referral.id, user) }).toEqual({
            status,
            user,
            actions,
          });
        }
        // Users who see nothing of it are offered nothing: the referral does not exist for them.
        expectError(await read(referral.id, 'pd.investigator', 'availableActions'), 'NOT_FOUND');
        if (next) {
          const [step, user] = next;
          expect(byUser[user] ?? (await actionsOf(referral.id, user))).toContain(step.toUpperCase());
          referral = await move(hub, user, step, referral);
        }
      }
    });

    it('EXPIRED (computed on read) offers only the thread; a recipient without a receiving role only reads and writes', async () => {
      const referral = await referralAt(hub, 'SENT', { input: { toAgencyId: POLICE } });
      // An investigator may send and write, not answer a referral his agency received.
      expect(await actionsOf(referral.id, 'pd.investigator')).toEqual(['MESSAGE']);
      expect(await actionsOf(referral.id, 'pd.supervisor')).toEqual(['ACKNOWLEDGE', 'DECLINE', 'MESSAGE']);
      await pastDeadline(hub, referral.id);
      for (const user of ['ngo.caseworker', 'pd.supervisor']) {
        expect(await actionsOf(referral.id, user)).toEqual(['MESSAGE']);
      }
      expectError(
        await transition(hub, 'pd.supervisor', 'acknowledge', {
          referralId: referral.id,
          expectedVersion: referral.version,
        }),
        'ILLEGAL_TRANSITION',
      );
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('a DRAFT is the sender’s own business', () => {
    it('invisible to the recipient (NOT_FOUND for reads, transitions and messages) and absent from its RECEIVED box', async () => {
      const draft = await referralAt(hub, 'DRAFT');
      expect(ok(await read(draft.id, 'ngo.lead')).referral.status).toBe('DRAFT');
      for (const user of ['legal.caseworker', 'legal.lead']) {
        const before = await hub.watermark();
        expect(expectError(await read(draft.id, user), 'NOT_FOUND').message).toBe(
          `Referral ${draft.id} not found`,
        );
        await expectNotFoundAudited(before, user, 'READ_REFERRAL', draft.id);
        const beforeMessage = await hub.watermark();
        expectError(
          await hub.gql(ADD_MESSAGE, { input: { referralId: draft.id, body: 'hello?' } }, { user }),
          'NOT_FOUND',
        );
        await expectNotFoundAudited(beforeMessage, user, 'ADD_REFERRAL_MESSAGE', draft.id);
        for (const step of ['acknowledge', 'accept', 'decline', 'send', 'withdraw'] as const) {
          const beforeStep = await hub.watermark();
          expectError(
            await transition(hub, user, step, {
              referralId: draft.id,
              expectedVersion: 1,
              ...extraInput(step),
            }),
            'NOT_FOUND',
          );
          await expectNotFoundAudited(beforeStep, user, auditAction(step), draft.id);
        }
        for (const box of ['RECEIVED', 'NEEDS_ACTION']) {
          const page = await inbox(user, { box, first: 100 });
          expect(page.edges.map((e) => e.node.id)).not.toContain(draft.id);
        }
      }
      const drafts = await inbox('ngo.caseworker', { box: 'DRAFTS', first: 100 });
      expect(drafts.edges.find((e) => e.node.id === draft.id)?.node.status).toBe('DRAFT');
      // Only in DRAFTS: the sender's SENT box lists what was sent.
      const sent = await inbox('ngo.caseworker', { box: 'SENT', first: 100 });
      expect(sent.edges.map((e) => e.node.id)).not.toContain(draft.id);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('createReferral', () => {
    it('a de-identified draft: one referral, its DRAFT event and audit row, no notification', async () => {
      const input = deidentified({
        needs: ['LEGAL', 'IMMIGRATION_LEGAL'],
        urgency: 'URGENT',
        responseHours: 36,
        notes: '  Prefers afternoon appointments  ',
        ageBand: 'AGE_18_24',
        language: 'vi',
      });
      const before = await snapshot(hub);
      const startedAt = Date.now();
      const created = await createReferral(hub, 'ngo.caseworker', input);
      expect(created).toMatchObject({
        kind: 'STANDARD',
        parentReferralId: null,
        fromAgencyId: HARBOR,
        toAgencyId: SAFE_PASSAGE,
        needs: ['LEGAL', 'IMMIGRATION_LEGAL'],
        urgency: 'URGENT',
        status: 'DRAFT',
        responseDueAt: null,
        notes: 'Prefers afternoon appointments',
        survivorId: null,
        consentId: null,
        sharedClasses: [],
        language: 'vi',
        ageBand: 'AGE_18_24',
        callback: input.callback,
        legalBasis: null,
        reportReason: null,
        decline: null,
        failureReason: null,
        outcome: null,
        version: 1,
      });
      const after = await snapshot(hub);
      const diff = changes(before, after);
      expect(diff.referral.changed).toEqual([]);
      expect(diff.referral.added).toHaveLength(1);
      const row = diff.referral.added[0];
      expect(row).toMatchObject({
        id: created.id,
        status: 'DRAFT',
        version: 1,
        requested_response_hours: 36,
        created_by: demoUser('ngo.caseworker').sub,
      });
      expect(diff.record_event.added).toHaveLength(1);
      expect(diff.record_event.added[0]).toMatchObject({
        subject_type: 'Referral',
        subject_id: created.id,
        from_status: null,
        to_status: 'DRAFT',
        actor_user_id: demoUser('ngo.caseworker').sub,
        actor_agency_id: HARBOR,
        reason: null,
      });
      expect((diff.record_event.added[0].occurred_at as Date).getTime()).toBeGreaterThanOrEqual(
        startedAt - 5000,
      );
      for (const table of ['notification', 'outbox', 'record_message', 'consent_grant'] as const) {
        expect(diff[table]).toEqual({ added: [], changed: [], removed: [] });
      }
      const audit = await auditSince(hub, before);
      expect(audit.map(auditContent)).toEqual([
        {
          actor_user_id: demoUser('ngo.caseworker').sub,
          actor_agency_id: HARBOR,
          action: 'CREATE_REFERRAL',
          subject_type: 'Referral',
          subject_id: created.id,
          fields: [],
          purpose: 'SERVICE',
          decision: 'ALLOWED',
          reason: null,
        },
      ]);
      expect(new Set([row.xmin, diff.record_event.added[0].xmin, audit[0].xmin]).size).toBe(1);

      // Sent later: the deadline is the requested 36 hours from sending.
      const startedSend = Date.now();
      const sent = await move(hub, 'ngo.caseworker', 'send', created);
      const due = new Date(sent.responseDueAt as string).getTime();
      expect(due).toBeGreaterThanOrEqual(startedSend + 36 * 3600_000 - 5_000);
      expect(due).toBeLessThanOrEqual(Date.now() + 36 * 3600_000 + 5_000);
    });

    it.each<[string, number]>([
      ['EMERGENCY', 4],
      ['URGENT', 24],
      ['ROUTINE', 7 * 24],
    ])('a %s referral, when sent, is due %i hours later by default', async (urgency, hours) => {
      const draft = await createReferral(hub, 'ngo.caseworker', deidentified({ urgency }));
      const startedAt = Date.now();
      const sent = await move(hub, 'ngo.caseworker', 'send', draft);
      const due = new Date(sent.responseDueAt as string).getTime();
      expect(due).toBeGreaterThanOrEqual(startedAt + hours * 3600_000 - 5_000);
      expect(due).toBeLessThanOrEqual(Date.now() + hours * 3600_000 + 5_000);
    });

    it('investigators and supervisors of the sending agency may refer too', async () => {
      const byPolice = await createReferral(
        hub,
        'pd.investigator',
        deidentified({ needs: ['HOUSING_AND_SHELTER'], toAgencyId: HARBOR }),
      );
      expect(byPolice).toMatchObject({ fromAgencyId: POLICE, toAgencyId: HARBOR, status: 'DRAFT' });
      const sent = await move(hub, 'pd.investigator', 'send', byPolice);
      expect(sent.status).toBe('SENT');
      const byLead = await createReferral(
        hub,
        'legal.lead',
        deidentified({ toAgencyId: HARBOR, needs: ['CASE_MANAGEMENT'] }),
      );
      expect(byLead).toMatchObject({ fromAgencyId: SAFE_PASSAGE, toAgencyId: HARBOR, status: 'DRAFT' });
    });

    it.each(NO_CASE_ROLE)('%s (no case role) may not refer: FORBIDDEN, one DENIED row', async (user) => {
      const before = await hub.watermark();
      const response = await hub.gql(
        CREATE_REFERRAL,
        { input: deidentified({ toAgencyId: HARBOR }) },
        { user },
      );
      expectError(response, 'FORBIDDEN');
      await expectOnlyDenied(hub, before, {
        user,
        action: 'CREATE_REFERRAL',
        subjectType: 'Referral',
        subjectId: null,
      });
    });

    it.each([
      ['the federal office', FEDERAL],
      ['the TA center', TA_CENTER],
      ['the coordinator office', TF_OFFICE],
    ])(
      'to %s (a type that cannot receive referrals): BAD_USER_INPUT on toAgencyId, RECIPIENT_CANNOT_RECEIVE_REFERRALS, even EMERGENCY; nothing written',
      async (_name, agencyId) => {
        for (const urgency of ['ROUTINE', 'URGENT', 'EMERGENCY']) {
          const before = await hub.watermark();
          const response = await hub.gql(
            CREATE_REFERRAL,
            { input: deidentified({ toAgencyId: agencyId, urgency, needs: ['VICTIM_ADVOCACY'] }) },
            { user: 'ngo.caseworker' },
          );
          const problems = expectError(response, 'BAD_USER_INPUT').extensions?.problems as Row[];
          expect(problems.map(({ field, reason }) => ({ field, reason }))).toContainEqual({
            field: 'toAgencyId',
            reason: 'RECIPIENT_CANNOT_RECEIVE_REFERRALS',
          });
          await expectNothingWritten(hub, before);
        }
      },
    );

    it('a draft to an agency that cannot receive referrals (made before the rule) cannot be sent: BAD_USER_INPUT, nothing written', async () => {
      const [draft] = (await hub.asOwner((ds) =>
        ds.query(
          `INSERT INTO referral (from_agency_id, to_agency_id, needs, urgency, callback, status, created_by)
           VALUES ($1, $2, ARRAY['LEGAL'], 'EMERGENCY', 'Call the sender', 'DRAFT', $3) RETURNING id, version`,
          [HARBOR, TA_CENTER, demoUser('ngo.caseworker').sub],
        ),
      )) as { id: string; version: number }[];
      const before = await hub.watermark();
      const response = await transition(hub, 'ngo.caseworker', 'send', {
        referralId: draft.id,
        expectedVersion: draft.version,
      });
      const problems = expectError(response, 'BAD_USER_INPUT').extensions?.problems as Row[];
      expect(problems.map(({ field, reason }) => ({ field, reason }))).toEqual([
        { field: 'toAgencyId', reason: 'RECIPIENT_CANNOT_RECEIVE_REFERRALS' },
      ]);
      await expectNothingWritten(hub, before);
    });

    it('to an agency that receives referrals but is not accepting them: BAD_USER_INPUT unless EMERGENCY', async () => {
      const clinic = randomUUID();
      await hub.asOwner(async (ds) => {
        await ds.query(
          `INSERT INTO agency (id, name, type, jurisdiction, accepting_referrals)
           VALUES ($1, 'Full Clinic', 'HEALTH', 'Bay County', false)`,
          [clinic],
        );
        await ds.query(
          `INSERT INTO task_force_membership (task_force_id, agency_id, role) VALUES ($1, $2, 'MEMBER')`,
          [DEMO_TASK_FORCE.id, clinic],
        );
      });
      for (const urgency of ['ROUTINE', 'URGENT']) {
        const before = await hub.watermark();
        const response = await hub.gql(
          CREATE_REFERRAL,
          { input: deidentified({ toAgencyId: clinic, urgency }) },
          { user: 'ngo.caseworker' },
        );
        const error = expectError(response, 'BAD_USER_INPUT');
        expect(error.extensions?.problems).toEqual([
          { field: 'toAgencyId', message: 'is not accepting referrals (only EMERGENCY ones)' },
        ]);
        await expectNothingWritten(hub, before);
      }
      const emergency = await createReferral(
        hub,
        'ngo.caseworker',
        deidentified({ toAgencyId: clinic, urgency: 'EMERGENCY', needs: ['MEDICAL'] }),
      );
      expect(emergency).toMatchObject({ toAgencyId: clinic, urgency: 'EMERGENCY', status: 'DRAFT' });
    });

    it('to an agency outside any shared task force, to itself, or to an unknown agency: BAD_USER_INPUT', async () => {
      const outsider = randomUUID();
      const otherTaskForce = randomUUID();
      const otherMember = randomUUID();
      await hub.asOwner(async (ds) => {
        await ds.query(
          `INSERT INTO agency (id, name, type, jurisdiction, accepting_referrals) VALUES
             ($1, 'Lone Harbor Shelter', 'NGO', 'Far County', true),
             ($2, 'Other County Legal', 'NGO', 'Other County', true)`,
          [outsider, otherMember],
        );
        await ds.query(
          `INSERT INTO task_force (id, name, jurisdiction) VALUES ($1, 'Other County Task Force', 'Other County')`,
          [otherTaskForce],
        );
        await ds.query(
          `INSERT INTO task_force_membership (task_force_id, agency_id, role) VALUES ($1, $2, 'MEMBER')`,
          [otherTaskForce, otherMember],
        );
      });
      const cases: [string, string, string][] = [
        [outsider, 'toAgencyId', 'is not in a task force with your agency'],
        [otherMember, 'toAgencyId', 'is not in a task force with your agency'],
        [HARBOR, 'toAgencyId', 'must be another agency'],
        [randomUUID(), 'toAgencyId', 'is not a known agency'],
      ];
      for (const [toAgencyId, field, message] of cases) {
        const before = await hub.watermark();
        const response = await hub.gql(
          CREATE_REFERRAL,
          { input: deidentified({ toAgencyId, urgency: 'EMERGENCY' }) },
          { user: 'ngo.caseworker' },
        );
        expect(expectError(response, 'BAD_USER_INPUT').extensions?.problems).toEqual([{ field, message }]);
        await expectNothingWritten(hub, before);
      }
    });

    it.each<[string, Record<string, unknown>]>([
      ['no needs', { needs: [] }],
      ['an unknown need', { needs: ['ROCKETS'] }],
      ['a need twice', { needs: ['LEGAL', 'LEGAL'] }],
      [
        'eleven needs',
        {
          needs: [
            'CASE_MANAGEMENT',
            'HOUSING_AND_SHELTER',
            'FOOD_AND_SUSTENANCE',
            'MEDICAL',
            'DENTAL',
            'MENTAL_HEALTH',
            'SUBSTANCE_USE_TREATMENT',
            'SUPPORT_GROUPS',
            'LEGAL',
            'IMMIGRATION_LEGAL',
            'TRANSPORTATION',
          ],
        },
      ],
      ['an unknown urgency', { urgency: 'WHENEVER' }],
      ['no urgency', { urgency: undefined }],
      ['a toAgencyId that is not a uuid', { toAgencyId: 'safe-passage' }],
      ['no toAgencyId', { toAgencyId: undefined }],
      ['responseHours 0', { responseHours: 0 }],
      ['responseHours 721', { responseHours: 721 }],
      ['notes over 4000', { notes: 'n'.repeat(4001) }],
      ['a callback over 500', { callback: 'c'.repeat(501) }],
      ['an empty callback', { callback: '' }],
      ['a de-identified referral without a callback', { callback: undefined }],
      ['a language that is not ISO 639-1', { language: 'spanish' }],
      ['an unknown age band', { ageBand: 'AGE_200' }],
      ['a too-short idempotency key', { idempotencyKey: 'abc' }],
      ['an idempotency key with spaces', { idempotencyKey: 'has spaces in it' }],
      ['a parent id that is not a uuid', { parentReferralId: 'parent' }],
      ['a survivor without consent or classes', { survivorId: randomUUID(), callback: undefined }],
      [
        'a survivor with an empty class list',
        { survivorId: randomUUID(), consentId: randomUUID(), sharedClasses: [], callback: undefined },
      ],
      [
        'an unknown data class',
        {
          survivorId: randomUUID(),
          consentId: randomUUID(),
          sharedClasses: ['SECRETS'],
          callback: undefined,
        },
      ],
    ])('bad input — %s: BAD_USER_INPUT, nothing written', async (_what, patch) => {
      const before = await hub.watermark();
      const response = await hub.gql(
        CREATE_REFERRAL,
        { input: { ...deidentified(), ...patch } },
        { user: 'ngo.caseworker' },
      );
      expectError(response, 'BAD_USER_INPUT');
      await expectNothingWritten(hub, before);
    });

    describe('with a survivor', () => {
      let survivorId: string;
      let consentId: string;
      let personal: ReturnType<typeof personalData>;

      beforeAll(async () => {
        personal = personalData(tag());
        const survivor = await createSurvivor(hub, 'ngo.caseworker', personal);
        survivorId = survivor.id;
        const consent = await recordConsent(
          hub,
          'ngo.caseworker',
          consentInput(survivorId, {
            recipientAgencyIds: [SAFE_PASSAGE],
            dataClasses: ['IDENTITY', 'CONTACT', 'NEEDS'],
          }),
        );
        consentId = consent.id;
      });

      const withSurvivor = (overrides: Record<string, unknown> = {}) => ({
        toAgencyId: SAFE_PASSAGE,
        needs: ['IMMIGRATION_LEGAL'],
        urgency: 'URGENT',
        survivorId,
        consentId,
        sharedClasses: ['IDENTITY', 'NEEDS'],
        ...overrides,
      });

      it('covered by the consent: created with the survivor, consent and shared classes; sendable', async () => {
        const created = await createReferral(hub, 'ngo.caseworker', withSurvivor());
        expect(created).toMatchObject({
          status: 'DRAFT',
          survivorId,
          consentId,
          sharedClasses: ['IDENTITY', 'NEEDS'],
          callback: null,
          language: null,
          ageBand: null,
        });
        const before = await snapshot(hub);
        const startedAt = Date.now();
        const sent = await move(hub, 'ngo.caseworker', 'send', created);
        expect(sent.status).toBe('SENT');
        await expectTransitionWritten(before, {
          referral: created,
          user: 'ngo.caseworker',
          step: 'send',
          from: 'DRAFT',
          to: 'SENT',
          reason: null,
          notify: SAFE_PASSAGE,
          startedAt,
          secrets: [personal.givenName, personal.familyName],
        });
      });

      it('a consent not naming the recipient, revoked, pending, only for INVESTIGATION, of another survivor, or classes not covered: BAD_USER_INPUT', async () => {
        const other = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
        const othersConsent = await recordConsent(hub, 'ngo.caseworker', consentInput(other.id));
        const revoked = await recordConsent(hub, 'ngo.caseworker', consentInput(survivorId));
        ok(
          await hub.gql(
            REVOKE_CONSENT,
            { input: { consentId: revoked.id, channel: 'PHONE' } },
            { user: 'ngo.caseworker' },
          ),
        );
        const pending = await recordConsent(
          hub,
          'ngo.caseworker',
          consentInput(survivorId, {
            validFrom: new Date(Date.now() + 2 * DAY).toISOString(),
            validUntil: new Date(Date.now() + 20 * DAY).toISOString(),
          }),
        );
        // An NGO named for INVESTIGATION only is refused at recording now (RECIPIENT_CANNOT_READ);
        // such a consent recorded before that check still exists, so write it as it was.
        const investigationOnly = await recordConsent(hub, 'ngo.caseworker', consentInput(survivorId));
        await hub.asOwner(async (ds) => {
          await ds.query(`UPDATE consent SET purposes = '{INVESTIGATION}' WHERE id = $1`, [
            investigationOnly.id,
          ]);
          await ds.query(`UPDATE consent_grant SET purposes = '{INVESTIGATION}' WHERE consent_id = $1`, [
            investigationOnly.id,
          ]);
        });
        const legalsOwn = await createSurvivor(hub, 'legal.caseworker', personalData(tag()));
        const legalsConsent = await recordConsent(
          hub,
          'legal.caseworker',
          consentInput(legalsOwn.id, { recipientAgencyIds: [POLICE], purposes: ['INVESTIGATION'] }),
        );
        const notCovering =
          'does not cover the recipient agency now (not named, revoked, expired or not yet valid)';
        const cases: [string, Record<string, unknown>, { field: string; message: string }[]][] = [
          [
            'not naming the recipient (police)',
            { toAgencyId: POLICE },
            [{ field: 'consentId', message: notCovering }],
          ],
          ['revoked', { consentId: revoked.id }, [{ field: 'consentId', message: notCovering }]],
          ['not yet valid', { consentId: pending.id }, [{ field: 'consentId', message: notCovering }]],
          [
            'only for INVESTIGATION',
            { consentId: investigationOnly.id },
            [{ field: 'consentId', message: 'does not allow sharing for SERVICE' }],
          ],
          [
            'of another survivor',
            { consentId: othersConsent.id },
            [{ field: 'consentId', message: "is not one of this survivor's consents" }],
          ],
          [
            'an unknown consent',
            { consentId: randomUUID() },
            [{ field: 'consentId', message: "is not one of this survivor's consents" }],
          ],
          [
            'classes not covered',
            { sharedClasses: ['IDENTITY', 'HEALTH', 'IMMIGRATION'] },
            [{ field: 'sharedClasses', message: 'are not covered by the consent: HEALTH, IMMIGRATION' }],
          ],
          [
            'a survivor the caller cannot see',
            { survivorId: legalsOwn.id, consentId: legalsConsent.id, toAgencyId: POLICE },
            [{ field: 'survivorId', message: 'is not a survivor record you can see' }],
          ],
          [
            'survivor data together with de-identified fields',
            { callback: 'Call the desk', language: 'es' },
            [
              {
                field: 'callback',
                message: 'language, age band and callback are for de-identified referrals only',
              },
            ],
          ],
          [
            'no consent',
            { consentId: undefined },
            [
              {
                field: 'survivorId',
                message:
                  'a referral with a survivor needs survivorId, consentId and at least one shared class',
              },
            ],
          ],
        ];
        for (const [what, patch, problems] of cases) {
          const before = await hub.watermark();
          const response = await hub.gql(
            CREATE_REFERRAL,
            { input: withSurvivor(patch) },
            { user: 'ngo.caseworker' },
          );
          const error = expectError(response, 'BAD_USER_INPUT');
          expect([what, error.extensions?.problems]).toEqual([what, problems]);
          await expectNothingWritten(hub, before);
        }
      });

      it('a draft whose consent is revoked before sending cannot be sent (BAD_USER_INPUT, nothing written)', async () => {
        const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(survivorId));
        const draft = await createReferral(hub, 'ngo.caseworker', withSurvivor({ consentId: consent.id }));
        ok(
          await hub.gql(
            REVOKE_CONSENT,
            { input: { consentId: consent.id, channel: 'WRITTEN' } },
            { user: 'ngo.caseworker' },
          ),
        );
        const before = await hub.watermark();
        const response = await transition(hub, 'ngo.caseworker', 'send', {
          referralId: draft.id,
          expectedVersion: draft.version,
        });
        expectError(response, 'BAD_USER_INPUT');
        await expectNothingWritten(hub, before);
      });

      describe('what the recipient sees of the survivor', () => {
        it('only the classes the referral shares AND the live grant allows (IDENTITY of IDENTITY+CONTACT): phone is null and listed as NOT_PERMITTED; the sender sees everything', async () => {
          const data = personalData(tag());
          const survivor = await createSurvivor(hub, 'ngo.caseworker', data);
          const consent = await recordConsent(
            hub,
            'ngo.caseworker',
            consentInput(survivor.id, { dataClasses: ['IDENTITY', 'CONTACT'] }),
          );
          const draft = await createReferral(hub, 'ngo.caseworker', {
            toAgencyId: SAFE_PASSAGE,
            needs: ['LEGAL'],
            urgency: 'ROUTINE',
            survivorId: survivor.id,
            consentId: consent.id,
            sharedClasses: ['IDENTITY'],
          });
          const sent = await move(hub, 'ngo.caseworker', 'send', draft);
          const QUERY = REFERRAL_BY_ID(
            'id sharedClasses survivor { id reference givenName familyName phone email }',
          );

          const before = await hub.watermark();
          const recipient = await hub.gql<{ referral: { sharedClasses: string[]; survivor: Row | null } }>(
            QUERY,
            { id: sent.id },
            { user: 'legal.caseworker' },
          );
          expect(ok(recipient).referral).toEqual({
            id: sent.id,
            sharedClasses: ['IDENTITY'],
            survivor: {
              id: survivor.id,
              reference: survivor.reference,
              givenName: data.givenName,
              familyName: data.familyName,
              phone: null,
              email: null,
            },
          });
          expect(recipient.body.extensions?.redactions).toEqual([
            { path: ['referral', 'survivor', 'phone'], reason: 'NOT_PERMITTED' },
            { path: ['referral', 'survivor', 'email'], reason: 'NOT_PERMITTED' },
          ]);
          // The disclosure is audited with exactly the fields shown.
          const audit = await auditSince(hub, before);
          expect(
            audit.map((a) => [a.action, a.subject_id, [...a.fields].sort(), a.purpose, a.decision]),
          ).toEqual([['READ_SURVIVOR', survivor.id, ['familyName', 'givenName'], 'SERVICE', 'ALLOWED']]);

          const sender = await hub.gql<{ referral: { survivor: Row | null } }>(
            QUERY,
            { id: sent.id },
            { user: 'ngo.caseworker' },
          );
          expect(ok(sender).referral.survivor).toEqual({
            id: survivor.id,
            reference: survivor.reference,
            givenName: data.givenName,
            familyName: data.familyName,
            phone: data.phone,
            email: data.email,
          });
          expect(sender.body.extensions?.redactions).toBeUndefined();
        });
      });
    });

    describe('idempotency', () => {
      it('the same key and input returns the same referral (one row, one audit); different input is CONFLICT; keys are per agency', async () => {
        const key = `idem-${tag()}-${tag()}`;
        const input = deidentified({ idempotencyKey: key, notes: 'first try' });
        const before = await snapshot(hub);
        const first = await createReferral(hub, 'ngo.caseworker', input);
        const afterFirst = await snapshot(hub);
        const retriedAt = await hub.watermark();
        const retried = await createReferral(hub, 'ngo.lead', input);
        expect(retried).toEqual(first);
        await expectNothingWritten(hub, retriedAt);
        expect(changes(before, afterFirst).referral.added).toHaveLength(1);
        expect(
          await hub.asOwner((ds) =>
            ds.query(
              `SELECT subject_id AS id FROM idempotency_key WHERE subject_type = 'Referral' AND key = $1`,
              [key],
            ),
          ),
        ).toEqual([{ id: first.id }]);

        for (const patch of [
          { notes: 'second try' },
          { needs: ['LEGAL', 'MEDICAL'] },
          { urgency: 'URGENT' },
        ]) {
          const ready = await hub.watermark();
          const response = await hub.gql(
            CREATE_REFERRAL,
            { input: { ...input, ...patch } },
            { user: 'ngo.caseworker' },
          );
          await expectRefusedWithoutTrace(response, 'CONFLICT', ready);
        }

        // After the referral moved on, a retry answers with its current state.
        const sent = await move(hub, 'ngo.caseworker', 'send', first);
        const late = await createReferral(hub, 'ngo.caseworker', input);
        expect(late).toMatchObject({ id: first.id, status: 'SENT', version: sent.version });

        // Another agency's identical key is its own.
        const theirs = await createReferral(hub, 'legal.caseworker', { ...input, toAgencyId: HARBOR });
        expect(theirs.id).not.toBe(first.id);
        expect(theirs.fromAgencyId).toBe(SAFE_PASSAGE);
      });
    });

    describe('sub-referrals', () => {
      it('the recipient continues a referral it received with a sub-referral linked to its parent', async () => {
        const parent = await referralAt(hub, 'ACCEPTED');
        const child = await createReferral(hub, 'legal.caseworker', {
          toAgencyId: POLICE,
          needs: ['EMERGENCY_RESPONSE'],
          urgency: 'URGENT',
          callback: 'Safe Passage intake desk',
          parentReferralId: parent.id,
        });
        expect(child).toMatchObject({
          parentReferralId: parent.id,
          fromAgencyId: SAFE_PASSAGE,
          toAgencyId: POLICE,
          status: 'DRAFT',
        });
        // A received (SENT) parent works too.
        const sentParent = await referralAt(hub, 'SENT');
        const child2 = await createReferral(hub, 'legal.lead', {
          ...deidentified({ toAgencyId: POLICE, urgency: 'EMERGENCY' }),
          parentReferralId: sentParent.id,
        });
        expect(child2.parentReferralId).toBe(sentParent.id);
      });

      it('the parent is shown only to a caller who may see it: the onward recipient gets neither it nor its id', async () => {
        // A parent under a consent: its SENT status holds only while the grant lives (computed on read).
        const survivor = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
        const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(survivor.id));
        const draft = await createReferral(hub, 'ngo.caseworker', {
          toAgencyId: SAFE_PASSAGE,
          needs: ['LEGAL'],
          urgency: 'ROUTINE',
          survivorId: survivor.id,
          consentId: consent.id,
          sharedClasses: ['NEEDS'],
        });
        const parent = await move(hub, 'ngo.caseworker', 'send', draft);
        const child = await move(
          hub,
          'legal.caseworker',
          'send',
          await createReferral(hub, 'legal.caseworker', {
            ...deidentified({ toAgencyId: POLICE, needs: ['EMERGENCY_RESPONSE'] }),
            parentReferralId: parent.id,
          }),
        );
        const selection = 'id parentReferralId parent { id status fromAgencyId toAgencyId }';
        const seenBySender = {
          id: child.id,
          parentReferralId: parent.id,
          parent: { id: parent.id, status: 'SENT', fromAgencyId: HARBOR, toAgencyId: SAFE_PASSAGE },
        };
        for (const user of ['legal.caseworker', 'legal.lead']) {
          expect(ok(await read(child.id, user, selection)).referral).toEqual(seenBySender);
        }
        // The onward recipient reads the referral it received, and nothing of the one before it.
        const hidden = { id: child.id, parentReferralId: null, parent: null };
        expect(ok(await read(child.id, 'pd.supervisor', selection)).referral).toEqual(hidden);
        // The parent's sender is party to the parent only: the onward referral does not exist for it.
        expectError(await read(child.id, 'ngo.caseworker', selection), 'NOT_FOUND');
        // The same in the boxes, where a page's parents are read together.
        const box = (user: string, name: string) =>
          hub.gql<{ referrals: { edges: { node: Row }[] } }>(
            `query Box($box: ReferralBox!) { referrals(box: $box, first: 100) { edges { node { ${selection} } } } }`,
            { box: name },
            { user },
          );
        const nodeOf = async (user: string, name: string) =>
          ok(await box(user, name)).referrals.edges.find(({ node }) => node.id === child.id)?.node;
        expect(await nodeOf('legal.caseworker', 'SENT')).toEqual(seenBySender);
        expect(await nodeOf('pd.supervisor', 'RECEIVED')).toEqual(hidden);
      });

      it('with a parent the caller did not receive (sent it, a draft to it, someone else’s, unknown): BAD_USER_INPUT', async () => {
        const ownSent = await createReferral(hub, 'legal.caseworker', deidentified({ toAgencyId: HARBOR }));
        const draftToIt = await referralAt(hub, 'DRAFT');
        const othersReferral = await referralAt(hub, 'SENT', {
          recipient: 'pd.supervisor',
          input: { toAgencyId: POLICE, needs: ['EMERGENCY_RESPONSE'] },
        });
        for (const parentReferralId of [ownSent.id, draftToIt.id, othersReferral.id, randomUUID()]) {
          const before = await hub.watermark();
          const response = await hub.gql(
            CREATE_REFERRAL,
            { input: { ...deidentified({ toAgencyId: POLICE }), parentReferralId } },
            { user: 'legal.caseworker' },
          );
          expect(expectError(response, 'BAD_USER_INPUT').extensions?.problems).toEqual([
            { field: 'parentReferralId', message: 'is not a referral your agency received' },
          ]);
          await expectNothingWritten(hub, before);
        }
      });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('messages', () => {
    it('both agencies write in the thread and see it in order; the other agency is notified without the text', async () => {
      const referral = await referralAt(hub, 'SENT');
      const t = tag();
      const turns: [string, string][] = [
        ['legal.caseworker', `Can the survivor come Tuesday? ${t}-1`],
        ['ngo.caseworker', `Yes, after 3pm. ${t}-2`],
        ['legal.lead', `Booked with our senior attorney. ${t}-3`],
        ['ngo.lead', `  Thank you. ${t}-4  `],
      ];
      for (const [user, body] of turns) {
        const before = await snapshot(hub);
        const response = await hub.gql<{ addReferralMessage: { message: Row } }>(
          ADD_MESSAGE,
          { input: { referralId: referral.id, body } },
          { user },
        );
        const message = ok(response).addReferralMessage.message;
        const { sub, agencyId } = demoUser(user);
        expect(message).toMatchObject({ authorUserId: sub, authorAgencyId: agencyId, body: body.trim() });

        const diff = changes(before, await snapshot(hub));
        expect(diff.referral).toEqual({ added: [], changed: [], removed: [] });
        expect(diff.record_event).toEqual({ added: [], changed: [], removed: [] });
        expect(diff.record_message.added).toHaveLength(1);
        expect(diff.record_message.added[0]).toMatchObject({
          id: message.id,
          subject_type: 'Referral',
          subject_id: referral.id,
          author_user_id: sub,
          author_agency_id: agencyId,
          body: body.trim(),
        });
        const other = agencyId === HARBOR ? SAFE_PASSAGE : HARBOR;
        expect(diff.notification.added).toHaveLength(1);
        const notification = diff.notification.added[0];
        expect(notification).toMatchObject({
          agency_id: other,
          event_type: 'REFERRAL_MESSAGE',
          subject_type: 'Referral',
          subject_id: referral.id,
        });
        expect(notification.message).not.toContain(t);
        expect(diff.outbox.added).toHaveLength(1);
        expect(JSON.stringify(diff.outbox.added[0].payload)).not.toContain(t);
        const audit = await auditSince(hub, before);
        expect(audit.map((a) => [a.action, a.subject_id, a.actor_user_id, a.decision, a.purpose])).toEqual([
          ['ADD_REFERRAL_MESSAGE', referral.id, sub, 'ALLOWED', 'SERVICE'],
        ]);
        expect(JSON.stringify(audit)).not.toContain(t);
        expect(
          new Set([
            diff.record_message.added[0].xmin,
            notification.xmin,
            diff.outbox.added[0].xmin,
            audit[0].xmin,
          ]).size,
        ).toBe(1);
      }

      const expected = turns.map(([user, body]) => ({
        authorUserId: demoUser(user).sub,
        authorAgencyId: demoUser(user).agencyId,
        body: body.trim(),
      }));
      for (const user of ['ngo.caseworker', 'legal.caseworker', 'ngo.lead', 'legal.lead']) {
        const thread = ok(await read(referral.id, user, 'messages { authorUserId authorAgencyId body }'))
          .referral.messages as unknown as Row[];
        expect(thread).toEqual(expected);
      }

      // Through the feed: Safe Passage hears of Harbor's messages and vice versa, never the text.
      for (const user of ['legal.caseworker', 'ngo.caseworker']) {
        const feed = ok(await hub.gql<NotificationFeed>(NOTIFICATIONS, {}, { user }));
        const mine = feed.notifications.edges
          .map((e) => e.node)
          .filter((n) => n.subjectId === referral.id && n.eventType === 'REFERRAL_MESSAGE');
        expect(mine).toHaveLength(2);
        for (const n of mine) expect(n.message).not.toContain(t);
      }
    });

    it('the sender’s note on its own draft tells nobody', async () => {
      const draft = await referralAt(hub, 'DRAFT');
      const before = await snapshot(hub);
      ok(
        await hub.gql(
          ADD_MESSAGE,
          { input: { referralId: draft.id, body: 'note to self' } },
          { user: 'ngo.caseworker' },
        ),
      );
      const diff = changes(before, await snapshot(hub));
      expect(diff.record_message.added).toHaveLength(1);
      expect(diff.notification.added).toEqual([]);
      expect(diff.outbox.added).toEqual([]);
    });

    it('a third agency and users without case roles: NOT_FOUND; bad input: BAD_USER_INPUT; nothing written', async () => {
      const referral = await referralAt(hub, 'SENT');
      for (const user of [...THIRD_AGENCY, ...NO_CASE_ROLE]) {
        const before = await hub.watermark();
        const response = await hub.gql(
          ADD_MESSAGE,
          { input: { referralId: referral.id, body: 'hi' } },
          { user },
        );
        expectError(response, 'NOT_FOUND');
        await expectNotFoundAudited(before, user, 'ADD_REFERRAL_MESSAGE', referral.id);
      }
      for (const input of [
        { referralId: referral.id, body: '' },
        { referralId: referral.id, body: 'b'.repeat(4001) },
        { referralId: referral.id },
        { referralId: 'nope', body: 'hi' },
        { body: 'hi' },
      ]) {
        const before = await hub.watermark();
        const response = await hub.gql(ADD_MESSAGE, { input }, { user: 'legal.caseworker' });
        await expectRefusedWithoutTrace(response, 'BAD_USER_INPUT', before);
      }
      const before = await hub.watermark();
      const unknownId = randomUUID();
      const unknown = await hub.gql(
        ADD_MESSAGE,
        { input: { referralId: unknownId, body: 'hi' } },
        { user: 'legal.caseworker' },
      );
      expectError(unknown, 'NOT_FOUND');
      await expectNotFoundAudited(before, 'legal.caseworker', 'ADD_REFERRAL_MESSAGE', unknownId);
    });

    it('a blank message (only spaces) is BAD_USER_INPUT and writes nothing', async () => {
      const referral = await referralAt(hub, 'SENT');
      const before = await hub.watermark();
      const response = await hub.gql(
        ADD_MESSAGE,
        { input: { referralId: referral.id, body: '   ' } },
        { user: 'legal.caseworker' },
      );
      await expectRefusedWithoutTrace(response, 'BAD_USER_INPUT', before);
    });
  });

  it('a blank failure reason (only spaces) is BAD_USER_INPUT and writes nothing', async () => {
    const referral = await referralAt(hub, 'IN_PROGRESS');
    const before = await hub.watermark();
    const response = await transition(hub, 'legal.caseworker', 'fail', {
      referralId: referral.id,
      expectedVersion: referral.version,
      failureReason: '   ',
    });
    await expectRefusedWithoutTrace(response, 'BAD_USER_INPUT', before);
  });

  // -------------------------------------------------------------------------------------------
  describe('EXPIRED, computed on read', () => {
    it('a SENT referral past its deadline is EXPIRED everywhere; acknowledging it is ILLEGAL_TRANSITION', async () => {
      const referral = await referralAt(hub, 'SENT');
      await pastDeadline(hub, referral.id);
      for (const user of ['ngo.caseworker', 'legal.caseworker']) {
        expect(ok(await read(referral.id, user)).referral).toMatchObject({
          status: 'EXPIRED',
          version: referral.version,
        });
      }
      const before = await hub.watermark();
      const response = await transition(hub, 'legal.caseworker', 'acknowledge', {
        referralId: referral.id,
        expectedVersion: referral.version,
      });
      expect(expectError(response, 'ILLEGAL_TRANSITION').extensions).toMatchObject({ status: 'EXPIRED' });
      await expectNothingWritten(hub, before);
      const withdraw = await transition(hub, 'ngo.caseworker', 'withdraw', {
        referralId: referral.id,
        expectedVersion: referral.version,
      });
      expectError(withdraw, 'ILLEGAL_TRANSITION');
      await expectNothingWritten(hub, before);

      const expired = await inbox('legal.caseworker', { box: 'RECEIVED', status: 'EXPIRED', first: 100 });
      expect(expired.edges.map((e) => e.node.id)).toContain(referral.id);
      const stillSent = await inbox('legal.caseworker', { box: 'RECEIVED', status: 'SENT', first: 100 });
      expect(stillSent.edges.map((e) => e.node.id)).not.toContain(referral.id);
      const needs = await inbox('legal.caseworker', { box: 'NEEDS_ACTION', first: 100 });
      expect(needs.edges.map((e) => e.node.id)).not.toContain(referral.id);
    });

    it('an ACKNOWLEDGED referral past its deadline is EXPIRED; accepting it is ILLEGAL_TRANSITION', async () => {
      const referral = await referralAt(hub, 'ACKNOWLEDGED');
      await pastDeadline(hub, referral.id);
      expect(ok(await read(referral.id, 'ngo.caseworker')).referral.status).toBe('EXPIRED');
      const before = await hub.watermark();
      const response = await transition(hub, 'legal.caseworker', 'accept', {
        referralId: referral.id,
        expectedVersion: referral.version,
      });
      expect(expectError(response, 'ILLEGAL_TRANSITION').extensions).toMatchObject({
        status: 'EXPIRED',
        transition: 'accept',
      });
      await expectNothingWritten(hub, before);
    });

    it('a SENT referral whose consent is revoked is EXPIRED at once; an ACCEPTED one stays ACCEPTED but the recipient loses the survivor', async () => {
      const data = personalData(tag());
      const survivor = await createSurvivor(hub, 'ngo.caseworker', data);
      const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(survivor.id));
      const input = {
        toAgencyId: SAFE_PASSAGE,
        needs: ['LEGAL'],
        urgency: 'ROUTINE',
        survivorId: survivor.id,
        consentId: consent.id,
        sharedClasses: ['IDENTITY', 'CONTACT'],
      };
      let sent = await createReferral(hub, 'ngo.caseworker', input);
      sent = await move(hub, 'ngo.caseworker', 'send', sent);
      let accepted = await createReferral(hub, 'ngo.caseworker', input);
      for (const [step, user] of [
        ['send', 'ngo.caseworker'],
        ['acknowledge', 'legal.caseworker'],
        ['accept', 'legal.caseworker'],
      ] as const) {
        accepted = await move(hub, user, step, accepted);
      }
      const SELECT = 'id status survivorId survivor { givenName phone }';
      for (const id of [sent.id, accepted.id]) {
        expect(ok(await read(id, 'legal.caseworker', SELECT)).referral.survivor).toEqual({
          givenName: data.givenName,
          phone: data.phone,
        });
      }

      ok(
        await hub.gql(
          REVOKE_CONSENT,
          { input: { consentId: consent.id, channel: 'IN_PERSON' } },
          { user: 'ngo.caseworker' },
        ),
      );

      for (const user of ['ngo.caseworker', 'legal.caseworker']) {
        expect(ok(await read(sent.id, user)).referral.status).toBe('EXPIRED');
        expect(ok(await read(accepted.id, user)).referral.status).toBe('ACCEPTED');
      }
      const recipientView = ok(await read(accepted.id, 'legal.caseworker', SELECT)).referral;
      expect(recipientView).toMatchObject({ status: 'ACCEPTED', survivorId: survivor.id, survivor: null });
      expect(ok(await read(sent.id, 'legal.caseworker', SELECT)).referral.survivor).toBeNull();
      const senderView = ok(await read(accepted.id, 'ngo.caseworker', SELECT)).referral;
      expect(senderView.survivor).toEqual({ givenName: data.givenName, phone: data.phone });

      // The expired one cannot be acknowledged; the accepted one goes on.
      const before = await hub.watermark();
      expectError(
        await transition(hub, 'legal.caseworker', 'acknowledge', {
          referralId: sent.id,
          expectedVersion: sent.version,
        }),
        'ILLEGAL_TRANSITION',
      );
      await expectNothingWritten(hub, before);
      expect((await move(hub, 'legal.caseworker', 'start', accepted)).status).toBe('IN_PROGRESS');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('inbox', () => {
    /** The oracle, written apart from the product: the boxes of DESIGN.md §3/§4 in plain SQL. */
    async function oracle(
      agencyId: string,
      box: 'RECEIVED' | 'SENT' | 'NEEDS_ACTION' | 'DRAFTS',
      filter: { status?: string; need?: string } = {},
    ): Promise<string[]> {
      const rows = (await hub.asOwner((ds) =>
        ds.query(
          `WITH e AS (
             SELECT r.*, CASE
               WHEN r.status IN ('SENT', 'ACKNOWLEDGED') AND (
                 r.response_due_at <= now()
                 OR (r.consent_id IS NOT NULL AND NOT EXISTS (
                   SELECT 1 FROM consent_grant g
                    WHERE g.consent_id = r.consent_id AND g.agency_id = r.to_agency_id AND g.revoked_at IS NULL
                      AND g.valid_from <= now() AND g.valid_until > now())))
               THEN 'EXPIRED' ELSE r.status END AS effective
             FROM referral r)
           SELECT id FROM e
            WHERE CASE $2
                    WHEN 'RECEIVED' THEN to_agency_id = $1 AND sent_at IS NOT NULL -- ever sent
                    WHEN 'SENT' THEN from_agency_id = $1 AND sent_at IS NOT NULL
                    WHEN 'DRAFTS' THEN from_agency_id = $1 AND sent_at IS NULL -- never sent
                    ELSE to_agency_id = $1 AND (effective IN ('SENT', 'ACKNOWLEDGED')
                      OR (effective IN ('ACCEPTED', 'IN_PROGRESS') AND response_due_at < now()))
                  END
              AND ($3::text IS NULL OR effective = $3)
              AND ($4::text IS NULL OR $4 = ANY (needs))
            ORDER BY created_at DESC, id DESC`,
          [agencyId, box, filter.status ?? null, filter.need ?? null],
        ),
      )) as { id: string }[];
      return rows.map((row) => row.id);
    }

    async function walk(user: string, first: number, args: Record<string, unknown>): Promise<string[]> {
      const ids: string[] = [];
      let after: string | null = null;
      for (let pages = 0; ; pages += 1) {
        if (pages > 200) throw new Error('pagination does not end');
        const page: InboxPage['referrals'] = await inbox(user, { ...args, first, after });
        expect(page.edges.length).toBeLessThanOrEqual(first);
        ids.push(...page.edges.map((e) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        expect(page.edges).toHaveLength(first);
        after = page.pageInfo.endCursor;
      }
      return ids;
    }

    let fixtures: Record<string, string>;

    beforeAll(async () => {
      // Safe Passage's boxes, with one referral of each kind that matters.
      const at = async (status: string, input: Record<string, unknown> = {}) =>
        (await referralAt(hub, status, { input })).id;
      fixtures = {
        draft: await at('DRAFT'),
        sent: await at('SENT', { needs: ['INTERPRETATION_AND_TRANSLATION'] }),
        acknowledged: await at('ACKNOWLEDGED'),
        acceptedOnTime: await at('ACCEPTED'),
        acceptedLate: await at('ACCEPTED', { needs: ['INTERPRETATION_AND_TRANSLATION', 'LEGAL'] }),
        inProgressLate: await at('IN_PROGRESS'),
        onHoldLate: await at('ON_HOLD'),
        completed: await at('COMPLETED'),
        expired: await at('SENT'),
        sentByLegal: (await createReferral(hub, 'legal.caseworker', deidentified({ toAgencyId: HARBOR }))).id,
      };
      for (const key of ['acceptedLate', 'inProgressLate', 'onHoldLate', 'expired']) {
        await pastDeadline(hub, fixtures[key]);
      }
    });

    it('NEEDS_ACTION: received SENT/ACKNOWLEDGED, plus ACCEPTED/IN_PROGRESS past the deadline — nothing else', async () => {
      const needs = await walk('legal.caseworker', 100, { box: 'NEEDS_ACTION' });
      const { sent, acknowledged, acceptedLate, inProgressLate } = fixtures;
      for (const id of [sent, acknowledged, acceptedLate, inProgressLate]) expect(needs).toContain(id);
      for (const key of ['draft', 'acceptedOnTime', 'onHoldLate', 'completed', 'expired', 'sentByLegal']) {
        expect([key, needs.includes(fixtures[key])]).toEqual([key, false]);
      }
      expect(needs).toEqual(await oracle(SAFE_PASSAGE, 'NEEDS_ACTION'));
      // Harbor's NEEDS_ACTION holds what Safe Passage sent it.
      expect(await walk('ngo.caseworker', 100, { box: 'NEEDS_ACTION' })).toEqual(
        await oracle(HARBOR, 'NEEDS_ACTION'),
      );
    });

    it.each([
      ['legal.caseworker', SAFE_PASSAGE],
      ['legal.lead', SAFE_PASSAGE],
      ['ngo.caseworker', HARBOR],
      ['pd.investigator', POLICE],
    ])(
      'counts per box for %s equal the oracle; every box pages each referral exactly once',
      async (user, agencyId) => {
        const expected = {
          received: (await oracle(agencyId, 'RECEIVED')).length,
          sent: (await oracle(agencyId, 'SENT')).length,
          needsAction: (await oracle(agencyId, 'NEEDS_ACTION')).length,
          drafts: (await oracle(agencyId, 'DRAFTS')).length,
        };
        for (const box of ['RECEIVED', 'SENT', 'NEEDS_ACTION', 'DRAFTS'] as const) {
          const page = await inbox(user, { box, first: 1 });
          expect(page.counts).toEqual(expected);
          const ids = await walk(user, 3, { box });
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids).toEqual(await oracle(agencyId, box));
        }
      },
    );

    it('counts move as referrals arrive and are answered', async () => {
      const counts = async () => (await inbox('legal.caseworker', { box: 'RECEIVED', first: 1 })).counts;
      const start = await counts();
      const draft = await createReferral(hub, 'ngo.caseworker', deidentified());
      expect(await counts()).toEqual(start);
      const sent = await move(hub, 'ngo.caseworker', 'send', draft);
      expect(await counts()).toEqual({
        ...start,
        received: start.received + 1,
        needsAction: start.needsAction + 1,
      });
      const acknowledged = await move(hub, 'legal.caseworker', 'acknowledge', sent);
      expect(await counts()).toEqual({
        ...start,
        received: start.received + 1,
        needsAction: start.needsAction + 1,
      });
      await move(hub, 'legal.caseworker', 'accept', acknowledged);
      expect(await counts()).toEqual({ ...start, received: start.received + 1 });
      const sentByLegal = await createReferral(hub, 'legal.caseworker', deidentified({ toAgencyId: HARBOR }));
      // A draft counts in DRAFTS only, until it is sent.
      expect(await counts()).toEqual({ ...start, received: start.received + 1, drafts: start.drafts + 1 });
      await move(hub, 'legal.caseworker', 'send', sentByLegal);
      expect(await counts()).toEqual({ ...start, received: start.received + 1, sent: start.sent + 1 });
      expect(sentByLegal.status).toBe('DRAFT');
    });

    it('filters by status (as of now) and need, paging each once', async () => {
      for (const filter of [
        { status: 'EXPIRED' },
        { status: 'SENT' },
        { status: 'ACCEPTED' },
        { status: 'DRAFT' },
        { need: 'INTERPRETATION_AND_TRANSLATION' },
        { need: 'LEGAL', status: 'ACCEPTED' },
      ]) {
        for (const box of ['RECEIVED', 'SENT', 'NEEDS_ACTION', 'DRAFTS'] as const) {
          const ids = await walk('legal.caseworker', 2, { box, ...filter });
          expect([box, filter, ids]).toEqual([box, filter, await oracle(SAFE_PASSAGE, box, filter)]);
        }
      }
      const expired = await walk('legal.caseworker', 2, { box: 'RECEIVED', status: 'EXPIRED' });
      expect(expired).toContain(fixtures.expired);
      const interpretation = await walk('legal.caseworker', 2, {
        box: 'RECEIVED',
        need: 'INTERPRETATION_AND_TRANSLATION',
      });
      expect(interpretation).toEqual(expect.arrayContaining([fixtures.sent, fixtures.acceptedLate]));
      expect(interpretation).not.toContain(fixtures.acknowledged);
    });

    it('users without case roles see empty boxes with zero counts', async () => {
      for (const user of NO_CASE_ROLE) {
        for (const box of ['RECEIVED', 'SENT', 'NEEDS_ACTION', 'DRAFTS']) {
          const page = await inbox(user, { box, first: 100 });
          expect(page).toEqual({
            edges: [],
            pageInfo: { hasNextPage: false, endCursor: null },
            counts: { received: 0, sent: 0, needsAction: 0, drafts: 0 },
          });
        }
      }
    });

    it.each<[string, Record<string, unknown>]>([
      ['garbage', { after: 'not a cursor!!' }],
      ['a cursor of the wrong shape', { after: Buffer.from('["a"]').toString('base64url') }],
      ['a cursor with numbers', { after: Buffer.from('[1, 2]').toString('base64url') }],
      [
        'a cursor with a forged time',
        { after: Buffer.from(`["yesterday", "${randomUUID()}"]`).toString('base64url') },
      ],
      [
        'a cursor with a forged id',
        { after: Buffer.from('["2025-01-01T00:00:00.000000Z", "1 OR 1=1"]').toString('base64url') },
      ],
      ['first 0', { first: 0 }],
      ['first 101', { first: 101 }],
      ['an unknown box', { box: 'ARCHIVE' }],
      ['an unknown status', { status: 'LOST' }],
      ['an unknown need', { need: 'ROCKETS' }],
    ])('%s: BAD_USER_INPUT', async (_what, args) => {
      const response = await hub.gql(
        REFERRALS,
        { box: 'RECEIVED', first: 5, ...args },
        { user: 'legal.caseworker' },
      );
      expectError(response, 'BAD_USER_INPUT');
    });
  });

  it('a referral id that is unknown, malformed or invisible is NOT_FOUND for reads, audited DENIED (reason NOT_FOUND)', async () => {
    const unknown = randomUUID();
    let before = await hub.watermark();
    expectError(await read(unknown, 'ngo.caseworker'), 'NOT_FOUND');
    await expectNotFoundAudited(before, 'ngo.caseworker', 'READ_REFERRAL', unknown);
    before = await hub.watermark();
    expectError(await read('not-an-id', 'ngo.caseworker'), 'NOT_FOUND');
    await expectNotFoundAudited(before, 'ngo.caseworker', 'READ_REFERRAL', null);
    const referral = await referralAt(hub, 'SENT');
    for (const user of [...THIRD_AGENCY, ...NO_CASE_ROLE]) {
      before = await hub.watermark();
      expect(expectError(await read(referral.id, user), 'NOT_FOUND').message).toBe(
        `Referral ${referral.id} not found`,
      );
      await expectNotFoundAudited(before, user, 'READ_REFERRAL', referral.id);
    }
  });
});
