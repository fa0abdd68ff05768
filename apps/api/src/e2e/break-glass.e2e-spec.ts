import { randomUUID } from 'node:crypto';
import { demoUser, expectNothingWritten, expectOnlyDenied, inputFields, type TestHub } from '@hub/testing';
import { auditOfRequest, AuditRow, referredSurvivor, ReferredSurvivor, send } from './audit-support';
import { startHub } from './hub';
import { createReferral, HARBOR, move, POLICE, SAFE_PASSAGE } from './referrals-lifecycle-support';
import {
  consentInput,
  createSurvivor,
  endConsent,
  expectError,
  NOTIFICATIONS,
  NotificationFeed,
  ok,
  personalData,
  recordConsent,
  REVOKE_CONSENT,
  SURVIVOR_BY_ID,
  SURVIVORS,
  SurvivorPage,
  tag,
} from './survivor-support';

/**
 * Break-glass (DESIGN.md §4, issue 7): a supervisor of an agency party to a referral about a
 * survivor opens identity and contact, to themself only, for an imminent danger — time-boxed,
 * reasoned, audited, the owning agency notified, listed for review, ended early and reviewed by
 * the owning agency; never for law enforcement, never for a caseworker, never for an agency
 * without a referral or one the survivor's revocation names, never without a reason; a
 * revocation ends an open session at once.
 */

const OPEN = `mutation Open($input: OpenBreakGlassInput!) {
  openBreakGlass(input: $input) { session { id survivorId ownerAgencyId agencyId openedBy reason openedAt expiresAt } }
}`;
const FULL_SESSION = `id survivorId ownerAgencyId agencyId openedBy reason openedAt expiresAt endedAt endedBy endedReason endedNote reviewedAt reviewedBy reviewFinding reviewNote`;
const END = `mutation End($input: EndBreakGlassInput!) { endBreakGlass(input: $input) { session { ${FULL_SESSION} } } }`;
const REVIEW = `mutation Review($input: ReviewBreakGlassInput!) { reviewBreakGlass(input: $input) { session { ${FULL_SESSION} } } }`;
const SESSIONS = `query Sessions($first: Int, $after: String) {
  breakGlassSessions(first: $first, after: $after) {
    edges { cursor node { id survivorId ownerAgencyId agencyId openedBy reason openedAt expiresAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Session {
  id: string;
  survivorId: string;
  ownerAgencyId: string;
  agencyId: string;
  openedBy: string;
  reason: string;
  openedAt: string;
  expiresAt: string;
}

const IDENTITY = ['givenName', 'familyName', 'aliases', 'dateOfBirth', 'gender'];
const CONTACT = ['phone', 'email', 'address', 'safeContact'];
const SAFETY_SELECTION =
  'id givenName familyName aliases dateOfBirth gender phone email address safeContact { safeTimes safeMethod doNotContact }';
const WITHHELD_SELECTION = `needs { need } preferredLanguage interpreterNeeded situationSummary caseNotes
  immigrationStatus immigrationDocuments medicalNotes mentalHealthNotes substanceUseNotes`;
const WITHHELD = [
  'needs',
  'preferredLanguage',
  'interpreterNeeded',
  'situationSummary',
  'caseNotes',
  'immigrationStatus',
  'immigrationDocuments',
  'medicalNotes',
  'mentalHealthNotes',
  'substanceUseNotes',
];

interface FullSession extends Session {
  endedAt: string | null;
  endedBy: string | null;
  endedReason: string | null;
  endedNote: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewFinding: string | null;
  reviewNote: string | null;
}

/** A survivor whose consent gives Safe Passage only NEEDS: identity and contact come only through break-glass. */
const NEEDS_ONLY = { consent: { dataClasses: ['NEEDS'] }, referral: { sharedClasses: ['NEEDS'] } };

const reasonText = () => `Credible threat: the trafficker found the survivor's address today (${tag()})`;

describe('break-glass (e2e)', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const open = (user: string, input: Record<string, unknown>) =>
    send<{ openBreakGlass: { session: Session } }>(hub, { user }, OPEN, { input });

  async function sessionsFor(user: string): Promise<Session[]> {
    const all: Session[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const data: {
        breakGlassSessions: {
          edges: { node: Session }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = ok(await hub.gql(SESSIONS, { first: 5, after }, { user }));
      all.push(...data.breakGlassSessions.edges.map((edge) => edge.node));
      if (!data.breakGlassSessions.pageInfo.hasNextPage) break;
      after = data.breakGlassSessions.pageInfo.endCursor;
    }
    return all;
  }

  /** What an opening writes besides the audit trail: sessions, grants and notifications about the survivor. */
  function traces(survivorId: string) {
    return hub.asOwner(async (ds) => ({
      sessions: (await ds.query(`SELECT * FROM break_glass WHERE survivor_id = $1`, [
        survivorId,
      ])) as unknown[],
      grants: (await ds.query(
        `SELECT * FROM consent_grant WHERE survivor_id = $1 AND basis = 'BREAK_GLASS'`,
        [survivorId],
      )) as unknown[],
      notifications: (await ds.query(
        `SELECT * FROM notification WHERE subject_id = $1 AND event_type = 'BREAK_GLASS'`,
        [survivorId],
      )) as unknown[],
    }));
  }
  const NO_TRACES = { sessions: [], grants: [], notifications: [] };

  const readSafety = (id: string, user: string) =>
    hub.gql<{ survivor: Record<string, unknown> }>(
      SURVIVOR_BY_ID(`${SAFETY_SELECTION} ${WITHHELD_SELECTION}`),
      { id },
      { user },
    );

  const revoke = async (consentId: string) =>
    ok(await hub.gql(REVOKE_CONSENT, { input: { consentId, channel: 'PHONE' } }, { user: 'ngo.caseworker' }));

  describe('allowed for legal.lead (a supervisor of the receiving agency)', () => {
    let referred: ReferredSurvivor;
    let session: Session;
    let reason: string;
    let requestId: string;
    let startedAt: number;

    beforeAll(async () => {
      referred = await referredSurvivor(hub);
      reason = reasonText();
      startedAt = Date.now();
      const response = await open('legal.lead', {
        survivorId: referred.survivor.id,
        reason: `  ${reason}  `,
      });
      session = ok(response).openBreakGlass.session;
      requestId = response.requestId;
    });

    it('opens a session for the configured hour, with the trimmed reason', () => {
      expect(session).toEqual({
        id: expect.any(String),
        survivorId: referred.survivor.id,
        ownerAgencyId: HARBOR,
        agencyId: SAFE_PASSAGE,
        openedBy: demoUser('legal.lead').sub,
        reason,
        openedAt: expect.any(String),
        expiresAt: expect.any(String),
      });
      const openedAt = Date.parse(session.openedAt);
      expect(openedAt).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(openedAt).toBeLessThanOrEqual(Date.now() + 1000);
      expect(Date.parse(session.expiresAt) - openedAt).toBe(60 * 60 * 1000);
    });

    it('writes the session, a BREAK_GLASS grant of IDENTITY and CONTACT to legal.lead alone, the audit row and the owner’s notification in one transaction', async () => {
      const rows = await hub.asOwner(async (ds) => ({
        session: (await ds.query(`SELECT xmin::text AS xmin, * FROM break_glass WHERE id = $1`, [
          session.id,
        ])) as Record<string, unknown>[],
        grants: (await ds.query(
          `SELECT xmin::text AS xmin, agency_id, user_id, data_classes, purposes, valid_from, valid_until, revoked_at, consent_id
             FROM consent_grant WHERE basis = 'BREAK_GLASS' AND source_id = $1`,
          [session.id],
        )) as Record<string, unknown>[],
        audit: (await ds.query(`SELECT xmin::text AS xmin FROM audit_event WHERE request_id = $1`, [
          requestId,
        ])) as {
          xmin: string;
        }[],
        notifications: (await ds.query(
          `SELECT xmin::text AS xmin, agency_id, subject_type, message FROM notification
            WHERE event_type = 'BREAK_GLASS' AND subject_id = $1`,
          [referred.survivor.id],
        )) as Record<string, unknown>[],
      }));
      expect(rows.session).toHaveLength(1);
      expect(rows.grants).toEqual([
        {
          xmin: rows.session[0].xmin,
          agency_id: SAFE_PASSAGE,
          user_id: demoUser('legal.lead').sub,
          data_classes: ['IDENTITY', 'CONTACT'],
          purposes: ['SERVICE'],
          valid_from: new Date(session.openedAt),
          valid_until: new Date(session.expiresAt),
          revoked_at: null,
          consent_id: null,
        },
      ]);
      expect(rows.audit).toEqual([{ xmin: rows.session[0].xmin }]);
      expect(rows.notifications).toEqual([
        {
          xmin: rows.session[0].xmin,
          agency_id: HARBOR,
          subject_type: 'Survivor',
          message: expect.any(String),
        },
      ]);
      // The notice names the record by its reference, never by personal data.
      const message = rows.notifications[0].message as string;
      for (const secret of [
        referred.personal.givenName,
        referred.personal.familyName,
        referred.personal.phone,
      ]) {
        expect(message).not.toContain(secret);
      }
    });

    it('is audited: one ALLOWED BREAK_GLASS row with the reason, the classes opened, the purpose and the request id', async () => {
      const audit = await auditOfRequest(hub, requestId);
      expect(
        audit.map(({ id: _id, occurred_at: _at, ...row }) => ({
          ...row,
          subject_agency_ids: [...row.subject_agency_ids].sort(),
        })),
      ).toEqual([
        {
          actor_user_id: demoUser('legal.lead').sub,
          actor_agency_id: SAFE_PASSAGE,
          action: 'BREAK_GLASS',
          subject_type: 'Survivor',
          subject_id: referred.survivor.id,
          fields: ['IDENTITY', 'CONTACT'],
          purpose: 'SERVICE',
          decision: 'ALLOWED',
          reason,
          request_id: requestId,
          subject_agency_ids: [HARBOR, SAFE_PASSAGE].sort(),
        },
      ]);
    });

    it('the owning agency (Harbor Light) is notified; its staff see a BREAK_GLASS notice about the survivor', async () => {
      for (const user of ['ngo.lead', 'ngo.caseworker']) {
        const feed = ok(await hub.gql<NotificationFeed>(NOTIFICATIONS, {}, { user })).notifications.edges.map(
          (e) => e.node,
        );
        expect(
          feed.filter((n) => n.eventType === 'BREAK_GLASS' && n.subjectId === referred.survivor.id),
        ).toEqual([
          expect.objectContaining({
            eventType: 'BREAK_GLASS',
            subjectType: 'Survivor',
            subjectId: referred.survivor.id,
          }),
        ]);
      }
    });

    it('breakGlassSessions lists the use for ngo.lead (owner’s admin), legal.lead (opener’s admin) and tf.auditor, not for pd.supervisor', async () => {
      for (const user of ['ngo.lead', 'legal.lead', 'tf.auditor']) {
        expect((await sessionsFor(user)).filter((s) => s.id === session.id)).toEqual([session]);
      }
      expect((await sessionsFor('pd.supervisor')).map((s) => s.id)).not.toContain(session.id);
    });

    it('the grant ends on time: once its valid_until has passed, access ends at once (NOT_FOUND, as no consent remains)', async () => {
      // The consent's own grant is made to end too (a revocation would end the session itself).
      await hub.asOwner((ds) =>
        ds.query(
          `UPDATE consent_grant SET valid_from = now() - interval '2 hours', valid_until = now() - interval '1 second'
            WHERE (basis = 'BREAK_GLASS' AND source_id = $1) OR consent_id = $2`,
          [session.id, referred.consent.id],
        ),
      );
      expectError(await readSafety(referred.survivor.id, 'legal.caseworker'), 'NOT_FOUND');
      expectError(await readSafety(referred.survivor.id, 'legal.lead'), 'NOT_FOUND');
      const listed = ok(
        await hub.gql<SurvivorPage>(SURVIVORS('id'), { first: 100 }, { user: 'legal.caseworker' }),
      );
      expect(listed.survivors.edges.map((edge) => edge.node.id)).not.toContain(referred.survivor.id);
      // The use stays listed for review after it ended.
      expect((await sessionsFor('ngo.lead')).map((s) => s.id)).toContain(session.id);
    });
  });

  describe('opened to the supervisor who opened it, not to their agency', () => {
    let referred: ReferredSurvivor;
    let caseworkerBefore: Record<string, unknown>;

    beforeAll(async () => {
      referred = await referredSurvivor(hub, NEEDS_ONLY);
      caseworkerBefore = ok(await readSafety(referred.survivor.id, 'legal.caseworker')).survivor;
      ok(await open('legal.lead', { survivorId: referred.survivor.id, reason: reasonText() }));
    });

    it('legal.lead sees IDENTITY and CONTACT (and the consent’s NEEDS), nothing else', async () => {
      const survivor = ok(await readSafety(referred.survivor.id, 'legal.lead')).survivor;
      const { personal } = referred;
      expect(survivor).toMatchObject({
        givenName: personal.givenName,
        familyName: personal.familyName,
        phone: personal.phone,
        email: personal.email,
        address: personal.address,
      });
      for (const field of [...IDENTITY, ...CONTACT]) expect(survivor[field]).not.toBeNull();
      for (const field of WITHHELD.filter(
        (f) => !['needs', 'preferredLanguage', 'interpreterNeeded'].includes(f),
      ))
        expect(survivor[field]).toBeNull();
    });

    it('legal.caseworker (same agency) sees exactly what their consent-based access showed before: no identity, no contact', async () => {
      const survivor = ok(await readSafety(referred.survivor.id, 'legal.caseworker')).survivor;
      expect(survivor).toEqual(caseworkerBefore);
      for (const field of [...IDENTITY, ...CONTACT]) expect(survivor[field]).toBeNull();
      expect(survivor.needs).not.toBeNull();
    });

    it('a read through the break-glass grant is itself audited as READ_SURVIVOR with exactly the fields disclosed', async () => {
      const response = await send<{ survivor: Record<string, unknown> }>(
        hub,
        { user: 'legal.lead' },
        SURVIVOR_BY_ID('id givenName phone medicalNotes'),
        { id: referred.survivor.id },
      );
      expect(ok(response).survivor.medicalNotes).toBeNull();
      const audit = await auditOfRequest(hub, response.requestId);
      expect(
        audit.map((row) => [row.action, row.actor_user_id, row.subject_id, [...row.fields].sort()]),
      ).toEqual([
        ['READ_SURVIVOR', demoUser('legal.lead').sub, referred.survivor.id, ['givenName', 'phone']],
      ]);
    });
  });

  it('the grants table holds the per-user rule: a break-glass grant must name its user, no other grant may', async () => {
    const { survivor } = await referredSurvivor(hub);
    const insert = (basis: string, userId: string | null) =>
      hub.asOwner((ds) =>
        ds.query(
          `INSERT INTO consent_grant (basis, source_id, survivor_id, agency_id, user_id, data_classes, purposes, valid_from, valid_until)
           VALUES ($1, gen_random_uuid(), $2, $3, $4, '{IDENTITY}', '{SERVICE}', now(), now() + interval '1 hour')`,
          [basis, survivor.id, SAFE_PASSAGE, userId],
        ),
      );
    await expect(insert('BREAK_GLASS', null)).rejects.toMatchObject({
      constraint: 'consent_grant_user_iff_break_glass',
    });
    await expect(insert('CHILD_SAFETY', demoUser('legal.lead').sub)).rejects.toMatchObject({
      constraint: 'consent_grant_user_iff_break_glass',
    });
  });

  describe('what the screens are offered: Survivor.availableActions, Referral.survivorActions, BreakGlassSession.availableActions', () => {
    let referred: ReferredSurvivor;
    const survivorActions = async (user: string) =>
      ok(
        await hub.gql<{ survivor: { availableActions: string[] } }>(
          SURVIVOR_BY_ID('availableActions'),
          { id: referred.survivor.id },
          { user },
        ),
      ).survivor.availableActions;
    const referralActions = async (user: string) =>
      ok(
        await hub.gql<{ referral: { survivorActions: string[] } }>(
          `query One($id: ID!) { referral(id: $id) { survivorActions } }`,
          { id: referred.referral.id },
          { user },
        ),
      ).referral.survivorActions;
    const sessionActions = async (user: string, id: string) =>
      ok(
        await hub.gql<{
          breakGlassSessions: { edges: { node: { id: string; availableActions: string[] } }[] };
        }>(
          `query { breakGlassSessions(first: 100) { edges { node { id availableActions } } } }`,
          {},
          { user },
        ),
      ).breakGlassSessions.edges.find((edge) => edge.node.id === id)?.node.availableActions;

    beforeAll(async () => {
      referred = await referredSurvivor(hub, NEEDS_ONLY);
    });

    it('before: OPEN_BREAK_GLASS for legal.lead on the record and on the referral; nothing for its caseworker; the owner’s staff edit and record consent, nothing to open (an adult’s record they already read)', async () => {
      expect(await survivorActions('legal.lead')).toEqual(['OPEN_BREAK_GLASS']);
      expect(await referralActions('legal.lead')).toEqual(['OPEN_BREAK_GLASS']);
      expect(await survivorActions('legal.caseworker')).toEqual([]);
      expect(await referralActions('legal.caseworker')).toEqual([]);
      expect(await survivorActions('ngo.lead')).toEqual(['UPDATE', 'RECORD_CONSENT']);
      expect(await referralActions('ngo.caseworker')).toEqual(['UPDATE', 'RECORD_CONSENT']);
    });

    it('after opening: nothing more to open for legal.lead; the session offers END to the opener, END and REVIEW to the owner’s lead, nothing to the auditor', async () => {
      const { session } = ok(
        await open('legal.lead', { survivorId: referred.survivor.id, reason: reasonText() }),
      ).openBreakGlass;
      expect(await survivorActions('legal.lead')).toEqual([]);
      expect(await referralActions('legal.lead')).toEqual([]);
      expect(await sessionActions('legal.lead', session.id)).toEqual(['END']);
      expect(await sessionActions('ngo.lead', session.id)).toEqual(['END', 'REVIEW']);
      expect(await sessionActions('tf.auditor', session.id)).toEqual([]);

      ok(await hub.gql(REVIEW, { input: { id: session.id, finding: 'JUSTIFIED' } }, { user: 'ngo.lead' }));
      expect(await sessionActions('ngo.lead', session.id)).toEqual(['END']);
      ok(
        await hub.gql(
          END,
          { input: { id: session.id, reason: 'Survivor is safe now' } },
          { user: 'ngo.lead' },
        ),
      );
      expect(await sessionActions('ngo.lead', session.id)).toEqual([]);
      expect(await sessionActions('legal.lead', session.id)).toEqual([]);
    });

    it('after the survivor’s revocation naming Safe Passage: the referral offers legal.lead nothing (the record is gone for them too)', async () => {
      await revoke(referred.consent.id);
      expect(await referralActions('legal.lead')).toEqual([]);
      expectError(
        await hub.gql(
          SURVIVOR_BY_ID('availableActions'),
          { id: referred.survivor.id },
          { user: 'legal.lead' },
        ),
        'NOT_FOUND',
      );
    });
  });

  describe('a survivor’s revocation naming the agency', () => {
    it('before: once a consent naming Safe Passage was revoked, legal.lead is refused (FORBIDDEN, reason REVOKED_BY_SURVIVOR), one DENIED row, nothing else', async () => {
      const { survivor, consent } = await referredSurvivor(hub);
      await revoke(consent.id);
      const before = await hub.watermark();
      const reason = reasonText();
      const response = await open('legal.lead', { survivorId: survivor.id, reason });
      const error = expectError(response, 'FORBIDDEN');
      expect(error?.extensions?.reason).toBe('REVOKED_BY_SURVIVOR');
      expect(await hub.tablesWrittenSince(before)).toEqual([]);
      expect(await hub.auditEventsSince(before)).toHaveLength(1);
      expect(
        (await auditOfRequest(hub, response.requestId)).map((row) => [
          row.action,
          row.actor_user_id,
          row.subject_id,
          row.decision,
          row.reason,
        ]),
      ).toEqual([['BREAK_GLASS', demoUser('legal.lead').sub, survivor.id, 'DENIED', reason]]);
      expect(await traces(survivor.id)).toEqual(NO_TRACES);
    });

    it('after: a session open when the revocation happens ends in the revocation’s transaction; the supervisor and the caseworker lose access in the same instant', async () => {
      const { survivor, consent } = await referredSurvivor(hub);
      const session = ok(await open('legal.lead', { survivorId: survivor.id, reason: reasonText() }))
        .openBreakGlass.session;
      for (const user of ['legal.lead', 'legal.caseworker'])
        expect(ok(await readSafety(survivor.id, user)).survivor.givenName).not.toBeNull();

      const revocation = await send(hub, { user: 'ngo.caseworker' }, REVOKE_CONSENT, {
        input: { consentId: consent.id, channel: 'PHONE' },
      });
      ok(revocation);

      const rows = await hub.asOwner(async (ds) => ({
        revocation: (await ds.query(
          `SELECT xmin::text AS xmin, revoked_at FROM consent_revocation WHERE consent_id = $1`,
          [consent.id],
        )) as { xmin: string; revoked_at: Date }[],
        session: (await ds.query(
          `SELECT xmin::text AS xmin, ended_at, ended_by, ended_reason FROM break_glass WHERE id = $1`,
          [session.id],
        )) as Record<string, unknown>[],
        grants: (await ds.query(
          `SELECT xmin::text AS xmin, revoked_at FROM consent_grant WHERE survivor_id = $1 ORDER BY basis`,
          [survivor.id],
        )) as Record<string, unknown>[],
        notifications: (await ds.query(
          `SELECT xmin::text AS xmin, agency_id, subject_type FROM notification
            WHERE event_type = 'BREAK_GLASS_ENDED' AND subject_id = $1`,
          [session.id],
        )) as Record<string, unknown>[],
      }));
      const [{ xmin, revoked_at: revokedAt }] = rows.revocation;
      expect(rows.session).toEqual([
        {
          xmin,
          ended_at: revokedAt,
          ended_by: demoUser('ngo.caseworker').sub,
          ended_reason: 'CONSENT_REVOKED',
        },
      ]);
      // The consent's grant and the break-glass grant end together, at the revocation's instant.
      expect(rows.grants).toEqual([
        { xmin, revoked_at: revokedAt },
        { xmin, revoked_at: revokedAt },
      ]);
      expect(rows.notifications).toEqual([{ xmin, agency_id: SAFE_PASSAGE, subject_type: 'BreakGlass' }]);
      const audit = await auditOfRequest(hub, revocation.requestId);
      expect(
        audit.map((row) => [row.action, row.subject_type, row.subject_id, row.decision, row.reason]),
      ).toEqual(
        expect.arrayContaining([
          ['REVOKE_CONSENT', 'Consent', consent.id, 'ALLOWED', null],
          ['END_BREAK_GLASS', 'BreakGlass', session.id, 'ALLOWED', 'CONSENT_REVOKED'],
        ]),
      );
      expect(audit).toHaveLength(2);

      for (const user of ['legal.lead', 'legal.caseworker'])
        expectError(await readSafety(survivor.id, user), 'NOT_FOUND');
      const listed = (await sessionsFor('ngo.lead')).find((s) => s.id === session.id);
      expect(listed).toBeDefined();
    });

    it('a consent that has ended still records the “no” when revoked: the open session ends, and break-glass is refused from then on', async () => {
      const { survivor, consent } = await referredSurvivor(hub);
      await endConsent(hub, consent.id);
      // Ended, not revoked: it says nothing against Safe Passage, so its supervisor may break the glass.
      const session = ok(await open('legal.lead', { survivorId: survivor.id, reason: reasonText() }))
        .openBreakGlass.session;
      expect(ok(await readSafety(survivor.id, 'legal.lead')).survivor.givenName).not.toBeNull();

      await revoke(consent.id);
      const [ended] = (await hub.asOwner((ds) =>
        ds.query(`SELECT ended_reason FROM break_glass WHERE id = $1`, [session.id]),
      )) as { ended_reason: string }[];
      expect(ended.ended_reason).toBe('CONSENT_REVOKED');
      expectError(await readSafety(survivor.id, 'legal.lead'), 'NOT_FOUND');

      const before = await hub.watermark();
      const error = expectError(
        await open('legal.lead', { survivorId: survivor.id, reason: reasonText() }),
        'FORBIDDEN',
      );
      expect(error?.extensions?.reason).toBe('REVOKED_BY_SURVIVOR');
      expect(await hub.tablesWrittenSince(before)).toEqual([]);
      expect(await hub.auditEventsSince(before)).toHaveLength(1);
    });
  });

  describe('the owning agency ends it early and reviews it', () => {
    let referred: ReferredSurvivor;
    let session: Session;

    const end = (user: string, input: Record<string, unknown>) =>
      send<{ endBreakGlass: { session: FullSession } }>(hub, { user }, END, { input });
    const review = (user: string, input: Record<string, unknown>) =>
      send<{ reviewBreakGlass: { session: FullSession } }>(hub, { user }, REVIEW, { input });

    beforeAll(async () => {
      referred = await referredSurvivor(hub, NEEDS_ONLY);
      session = ok(await open('legal.lead', { survivorId: referred.survivor.id, reason: reasonText() }))
        .openBreakGlass.session;
    });

    it.each(['legal.caseworker', 'ngo.caseworker', 'pd.supervisor', 'pd.investigator', 'tf.coordinator'])(
      'endBreakGlass by %s: NOT_FOUND, one DENIED row, nothing changed',
      async (user) => {
        const before = await hub.watermark();
        expectError(await end(user, { id: session.id, reason: 'The danger has passed now.' }), 'NOT_FOUND');
        await expectOnlyDenied(hub, before, {
          user,
          action: 'END_BREAK_GLASS',
          subjectType: 'BreakGlass',
          subjectId: session.id,
          reason: 'NOT_FOUND',
        });
      },
    );

    it.each([
      ['legal.lead', 'FORBIDDEN'],
      ['legal.caseworker', 'NOT_FOUND'],
      ['ngo.caseworker', 'NOT_FOUND'],
      ['pd.supervisor', 'NOT_FOUND'],
    ])('reviewBreakGlass by %s: %s, one DENIED row, nothing changed', async (user, code) => {
      const before = await hub.watermark();
      expectError(await review(user, { id: session.id, finding: 'JUSTIFIED' }), code);
      await expectOnlyDenied(hub, before, {
        user,
        action: 'REVIEW_BREAK_GLASS',
        subjectType: 'BreakGlass',
        subjectId: session.id,
        // A NOT_FOUND answer is audited for auditors only.
        reason: code === 'NOT_FOUND' ? 'NOT_FOUND' : null,
      });
    });

    it('an unknown session: NOT_FOUND, one DENIED row', async () => {
      const id = randomUUID();
      const before = await hub.watermark();
      expectError(await end('ngo.lead', { id, reason: 'The danger has passed now.' }), 'NOT_FOUND');
      await expectOnlyDenied(hub, before, {
        user: 'ngo.lead',
        action: 'END_BREAK_GLASS',
        subjectType: 'BreakGlass',
        subjectId: id,
        reason: 'NOT_FOUND',
      });
    });

    it.each([
      ['end', { id: 'not-a-uuid', reason: 'The danger has passed now.' }, ['id']],
      ['end', { id: 'SESSION', reason: 'short' }, ['reason']],
      ['end', { id: 'SESSION', reason: '          short          ' }, ['reason']],
      ['end', { id: 'SESSION', reason: 'x'.repeat(1001) }, ['reason']],
      ['review', { id: 'SESSION', finding: 'MAYBE' }, ['finding']],
      ['review', { id: 'SESSION', finding: 'JUSTIFIED', note: 'x'.repeat(2001) }, ['note']],
    ] as const)(
      '%s with bad input %j: BAD_USER_INPUT on %j, nothing written',
      async (mutation, raw, fields) => {
        const input = { ...raw, ...('id' in raw && raw.id === 'SESSION' ? { id: session.id } : {}) };
        const before = await hub.watermark();
        const response = await (mutation === 'end' ? end('ngo.lead', input) : review('ngo.lead', input));
        const error = expectError(response, 'BAD_USER_INPUT');
        expect(inputFields(error)).toEqual(fields);
        await expectNothingWritten(hub, before);
      },
    );

    it('ngo.lead (the owner’s supervisor) ends it: the grant ends at once, audited, the opener’s agency told; a second end is CONFLICT', async () => {
      expect(ok(await readSafety(referred.survivor.id, 'legal.lead')).survivor.givenName).not.toBeNull();
      const note = 'The survivor is safe at the shelter now.';
      const response = await end('ngo.lead', { id: session.id, reason: `  ${note}  ` });
      const ended = ok(response).endBreakGlass.session;
      expect(ended).toMatchObject({
        id: session.id,
        endedAt: expect.any(String),
        endedBy: demoUser('ngo.lead').sub,
        endedReason: 'ENDED_EARLY',
        endedNote: note,
        reviewedAt: null,
        reviewFinding: null,
      });
      // The consent's NEEDS still shows the record; identity and contact are gone.
      const survivor = ok(await readSafety(referred.survivor.id, 'legal.lead')).survivor;
      for (const field of [...IDENTITY, ...CONTACT]) expect(survivor[field]).toBeNull();
      const audit = await auditOfRequest(hub, response.requestId);
      expect(audit.map((row) => [row.action, row.subject_type, row.subject_id, row.decision])).toEqual([
        ['END_BREAK_GLASS', 'BreakGlass', session.id, 'ALLOWED'],
      ]);
      const notices = await hub.asOwner(
        (ds) =>
          ds.query(
            `SELECT agency_id FROM notification WHERE event_type = 'BREAK_GLASS_ENDED' AND subject_id = $1`,
            [session.id],
          ) as Promise<{ agency_id: string }[]>,
      );
      expect(notices).toEqual([{ agency_id: SAFE_PASSAGE }]);

      const before = await hub.watermark();
      expectError(await end('ngo.lead', { id: session.id, reason: note }), 'CONFLICT');
      await expectNothingWritten(hub, before);
    });

    it('ngo.lead reviews it once: finding, note, reviewer and time recorded, audited, the opener’s agency told; a second review is CONFLICT', async () => {
      const response = await review('ngo.lead', {
        id: session.id,
        finding: 'NEEDS_FOLLOW_UP',
        note: 'Discuss at the next case conference.',
      });
      const reviewed = ok(response).reviewBreakGlass.session;
      expect(reviewed).toMatchObject({
        id: session.id,
        reviewedAt: expect.any(String),
        reviewedBy: demoUser('ngo.lead').sub,
        reviewFinding: 'NEEDS_FOLLOW_UP',
        reviewNote: 'Discuss at the next case conference.',
        endedReason: 'ENDED_EARLY',
      });
      const audit = await auditOfRequest(hub, response.requestId);
      expect(audit.map((row) => [row.action, row.subject_id, row.decision, row.reason])).toEqual([
        ['REVIEW_BREAK_GLASS', session.id, 'ALLOWED', 'NEEDS_FOLLOW_UP'],
      ]);
      const notices = await hub.asOwner(
        (ds) =>
          ds.query(
            `SELECT agency_id FROM notification WHERE event_type = 'BREAK_GLASS_REVIEWED' AND subject_id = $1`,
            [session.id],
          ) as Promise<{ agency_id: string }[]>,
      );
      expect(notices).toEqual([{ agency_id: SAFE_PASSAGE }]);

      const before = await hub.watermark();
      expectError(await review('ngo.lead', { id: session.id, finding: 'JUSTIFIED' }), 'CONFLICT');
      await expectNothingWritten(hub, before);
    });

    it('the opener (legal.lead) may end their own session; the owning agency is told', async () => {
      const { survivor } = await referredSurvivor(hub, NEEDS_ONLY);
      const own = ok(await open('legal.lead', { survivorId: survivor.id, reason: reasonText() }))
        .openBreakGlass.session;
      const ended = ok(
        await end('legal.lead', { id: own.id, reason: 'Police reached the survivor; no longer needed.' }),
      ).endBreakGlass.session;
      expect(ended).toMatchObject({ endedBy: demoUser('legal.lead').sub, endedReason: 'ENDED_EARLY' });
      const notices = await hub.asOwner(
        (ds) =>
          ds.query(
            `SELECT agency_id FROM notification WHERE event_type = 'BREAK_GLASS_ENDED' AND subject_id = $1`,
            [own.id],
          ) as Promise<{ agency_id: string }[]>,
      );
      expect(notices).toEqual([{ agency_id: HARBOR }]);
    });
  });

  describe('the grant’s length is configurable (BREAK_GLASS_MINUTES)', () => {
    let shortHub: TestHub;
    const previous = process.env.BREAK_GLASS_MINUTES;

    beforeAll(async () => {
      shortHub = await startHub({ env: { BREAK_GLASS_MINUTES: '15' } });
    });
    afterAll(async () => {
      await shortHub.close();
      if (previous === undefined) delete process.env.BREAK_GLASS_MINUTES;
      else process.env.BREAK_GLASS_MINUTES = previous;
    });

    it('a 15-minute setting gives a 15-minute session and grant', async () => {
      const { survivor } = await referredSurvivor(shortHub);
      const response = await send<{ openBreakGlass: { session: Session } }>(
        shortHub,
        { user: 'legal.lead' },
        OPEN,
        {
          input: { survivorId: survivor.id, reason: reasonText() },
        },
      );
      const session = ok(response).openBreakGlass.session;
      expect(Date.parse(session.expiresAt) - Date.parse(session.openedAt)).toBe(15 * 60 * 1000);
      const [grant] = await shortHub.asOwner(
        (ds) =>
          ds.query(`SELECT valid_until FROM consent_grant WHERE basis = 'BREAK_GLASS' AND source_id = $1`, [
            session.id,
          ]) as Promise<{ valid_until: Date }[]>,
      );
      expect(grant.valid_until).toEqual(new Date(session.expiresAt));
    });
  });

  describe('a long reason (the input allows up to 1,000 characters; an audit reason holds 500)', () => {
    const longReason = () =>
      `${reasonText()} ${'Details of the threat and of who saw what, when. '.repeat(20)}`.slice(0, 900);

    it('is accepted and audited (the audit row keeps the reason, or as much of it as fits)', async () => {
      const { survivor } = await referredSurvivor(hub);
      const reason = longReason();
      expect(reason.length).toBe(900);
      const response = await open('legal.lead', { survivorId: survivor.id, reason });
      expect(ok(response).openBreakGlass.session.reason).toBe(reason);
      const audit = await auditOfRequest(hub, response.requestId);
      expect(audit.map((row) => [row.action, row.decision])).toEqual([['BREAK_GLASS', 'ALLOWED']]);
      expect(reason.startsWith(audit[0].reason ?? '-')).toBe(true);
      expect((audit[0].reason ?? '').length).toBeGreaterThanOrEqual(100);
    });

    it('refused to a caseworker: still FORBIDDEN with its DENIED audit row (not an internal error)', async () => {
      const { survivor } = await referredSurvivor(hub);
      const response = await open('legal.caseworker', { survivorId: survivor.id, reason: longReason() });
      expectError(response, 'FORBIDDEN');
      const audit = await auditOfRequest(hub, response.requestId);
      expect(audit.map((row) => [row.action, row.decision])).toEqual([['BREAK_GLASS', 'DENIED']]);
    });
  });

  describe('refused', () => {
    /** A refusal that leaves exactly one DENIED audit row (its own transaction) and nothing else. */
    function expectDeniedRow(
      audit: AuditRow[],
      user: string,
      survivorId: string,
      reason: string,
      agencies: string[],
    ) {
      expect(
        audit.map(({ id: _id, occurred_at: _at, request_id: _r, ...row }) => ({
          ...row,
          subject_agency_ids: [...row.subject_agency_ids].sort(),
        })),
      ).toEqual([
        {
          actor_user_id: demoUser(user).sub,
          actor_agency_id: demoUser(user).agencyId,
          action: 'BREAK_GLASS',
          subject_type: 'Survivor',
          subject_id: survivorId,
          fields: [],
          purpose: null,
          decision: 'DENIED',
          reason,
          subject_agency_ids: [...agencies].sort(),
        },
      ]);
    }

    it('for police, even a police supervisor whose agency is party to a referral about the survivor: FORBIDDEN, one DENIED audit row', async () => {
      const personal = personalData(tag());
      const survivor = await createSurvivor(hub, 'ngo.caseworker', personal);
      const consent = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(survivor.id, {
          recipientAgencyIds: [POLICE],
          purposes: ['SERVICE', 'INVESTIGATION'],
          dataClasses: ['IDENTITY', 'CONTACT'],
        }),
      );
      const draft = await createReferral(hub, 'ngo.caseworker', {
        toAgencyId: POLICE,
        needs: ['EMERGENCY_RESPONSE'],
        urgency: 'URGENT',
        survivorId: survivor.id,
        consentId: consent.id,
        sharedClasses: ['IDENTITY'],
      });
      const sent = await move(hub, 'ngo.caseworker', 'send', draft);
      expect(sent).toMatchObject({ status: 'SENT', toAgencyId: POLICE });

      for (const user of ['pd.supervisor', 'pd.investigator']) {
        const reason = reasonText();
        const response = await open(user, { survivorId: survivor.id, reason });
        expectError(response, 'FORBIDDEN');
        expectDeniedRow(await auditOfRequest(hub, response.requestId), user, survivor.id, reason, [
          HARBOR,
          POLICE,
        ]);
      }
      expect(await traces(survivor.id)).toEqual(NO_TRACES);
    });

    it('for a caseworker of the receiving agency (legal.caseworker): FORBIDDEN, one DENIED audit row', async () => {
      const { survivor } = await referredSurvivor(hub);
      const reason = reasonText();
      const response = await open('legal.caseworker', { survivorId: survivor.id, reason });
      expectError(response, 'FORBIDDEN');
      expectDeniedRow(
        await auditOfRequest(hub, response.requestId),
        'legal.caseworker',
        survivor.id,
        reason,
        [HARBOR, SAFE_PASSAGE],
      );
      expect(await traces(survivor.id)).toEqual(NO_TRACES);
    });

    it('for a supervisor of an agency with no (sent) referral about the survivor: NOT_FOUND, as for a missing record', async () => {
      // Consent for Safe Passage, but no referral at all.
      const lone = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
      await recordConsent(hub, 'ngo.caseworker', consentInput(lone.id));
      // A referral to Safe Passage that was never sent.
      const { survivor: drafted } = await referredSurvivor(hub, { status: 'DRAFT' });
      // Referred to Safe Passage: police are no party.
      const { survivor: elsewhere } = await referredSurvivor(hub);

      const cases: [string, string][] = [
        ['legal.lead', lone.id],
        ['legal.lead', drafted.id],
        ['pd.supervisor', elsewhere.id],
        ['legal.lead', randomUUID()],
      ];
      for (const [user, survivorId] of cases) {
        const response = await open(user, { survivorId, reason: reasonText() });
        expectError(response, 'NOT_FOUND');
        expect(await traces(survivorId)).toEqual(NO_TRACES);
      }
    });

    it('without a reason, or with one too short (also once trimmed) or too long: BAD_USER_INPUT, nothing written', async () => {
      const { survivor } = await referredSurvivor(hub);
      const inputs: Record<string, unknown>[] = [
        { survivorId: survivor.id },
        { survivorId: survivor.id, reason: null },
        { survivorId: survivor.id, reason: '' },
        { survivorId: survivor.id, reason: 'Danger' },
        { survivorId: survivor.id, reason: `          Danger now          ` },
        { survivorId: survivor.id, reason: 'x'.repeat(1001) },
      ];
      for (const input of inputs) {
        const response = await open('legal.lead', input);
        expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        expect(response.body.data ?? null).toBeNull();
        expect(await auditOfRequest(hub, response.requestId)).toEqual([]);
      }
      expect(await traces(survivor.id)).toEqual(NO_TRACES);
    });
  });
});
