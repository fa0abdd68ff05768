import { randomUUID } from 'node:crypto';
import { expectNothingWritten, expectOnlyDenied, TestHub } from '@hub/testing';
import { startHub } from './hub';
import {
  changeOf,
  expectError,
  FEDERAL,
  ok,
  ONE,
  must,
  Op,
  REGIONAL_TA,
  requestAt,
  requestInput,
  RequestNode,
  run,
  SAFE_PASSAGE,
  sessionInput,
  Stage,
  taState,
} from './technical-assistance-support';

/** One mutation: where it applies, who may do it, who may not, and where it is illegal. */
interface Case {
  op: Op;
  stage: Stage;
  right: string;
  input: (r: RequestNode) => Record<string, unknown>;
  audit: string;
  /** Parties who see the request but may not do this: FORBIDDEN, only a DENIED audit row. */
  forbidden: string[];
  /** Everyone else: the request does not exist for them. */
  notFound: string[];
  /** A stage where the right caller, at the current version, is refused ILLEGAL_TRANSITION. */
  illegalAt: Stage;
  to: string;
}

const CASES: Case[] = [
  {
    op: 'triage',
    stage: 'SUBMITTED',
    right: 'tf.coordinator',
    input: (r) => changeOf(r, { priority: 'MEDIUM' }),
    audit: 'TRIAGE_TECHNICAL_ASSISTANCE',
    forbidden: ['ngo.lead', 'ngo.caseworker'],
    notFound: ['pd.investigator', 'legal.lead', 'ta.provider', 'tf.auditor'],
    illegalAt: 'TRIAGED',
    to: 'TRIAGED',
  },
  {
    op: 'assign',
    stage: 'TRIAGED',
    right: 'tf.coordinator',
    input: (r) => changeOf(r, { agencyId: REGIONAL_TA, assigneeName: 'Priya Raman' }),
    audit: 'ASSIGN_TECHNICAL_ASSISTANCE',
    forbidden: ['ngo.lead'],
    notFound: ['ta.provider', 'fed.liaison', 'legal.caseworker'],
    illegalAt: 'SUBMITTED',
    to: 'ASSIGNED',
  },
  {
    op: 'start',
    stage: 'ASSIGNED',
    right: 'ta.provider',
    input: (r) => changeOf(r),
    audit: 'START_TECHNICAL_ASSISTANCE',
    forbidden: ['tf.coordinator', 'ngo.lead'],
    notFound: ['fed.liaison', 'pd.investigator'],
    illegalAt: 'IN_PROGRESS',
    to: 'IN_PROGRESS',
  },
  {
    op: 'recordSession',
    stage: 'IN_PROGRESS',
    right: 'ta.provider',
    input: (r) => sessionInput(r.id, r.version),
    audit: 'RECORD_TECHNICAL_ASSISTANCE_SESSION',
    forbidden: ['tf.coordinator', 'ngo.lead'],
    notFound: ['fed.liaison', 'legal.caseworker'],
    illegalAt: 'ASSIGNED',
    to: 'IN_PROGRESS',
  },
  {
    op: 'deliver',
    stage: 'IN_PROGRESS_WITH_SESSION',
    right: 'ta.provider',
    input: (r) => changeOf(r, { summary: 'Delivered as planned.' }),
    audit: 'DELIVER_TECHNICAL_ASSISTANCE',
    forbidden: ['ngo.lead', 'tf.coordinator'],
    notFound: ['pd.investigator', 'fed.liaison'],
    illegalAt: 'ASSIGNED',
    to: 'DELIVERED',
  },
  {
    op: 'close',
    stage: 'DELIVERED',
    right: 'ngo.lead',
    input: (r) => changeOf(r, { rating: 3, feedback: 'Useful, but too short.' }),
    audit: 'CLOSE_TECHNICAL_ASSISTANCE',
    forbidden: ['ngo.caseworker', 'ta.provider', 'tf.coordinator'],
    notFound: ['legal.lead', 'pd.supervisor'],
    illegalAt: 'IN_PROGRESS_WITH_SESSION',
    to: 'CLOSED',
  },
  {
    op: 'decline',
    stage: 'TRIAGED',
    right: 'tf.coordinator',
    input: (r) => changeOf(r, { reason: 'Outside the task force’s TA budget this year.' }),
    audit: 'DECLINE_TECHNICAL_ASSISTANCE',
    forbidden: ['ngo.lead', 'ngo.caseworker'],
    notFound: ['tf.auditor', 'ta.provider', 'legal.lead'],
    illegalAt: 'ASSIGNED',
    to: 'DECLINED',
  },
  {
    op: 'withdraw',
    stage: 'IN_PROGRESS',
    right: 'ngo.lead',
    input: (r) => changeOf(r, { reason: 'Staff turnover; we will ask again.' }),
    audit: 'WITHDRAW_TECHNICAL_ASSISTANCE',
    forbidden: ['ngo.caseworker', 'tf.coordinator', 'ta.provider'],
    notFound: ['legal.lead', 'fed.liaison'],
    illegalAt: 'DELIVERED',
    to: 'WITHDRAWN',
  },
];

describe('technical-assistance transitions refuse the wrong caller, a stale version and an illegal move, changing nothing (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  describe.each(CASES.map((c) => [c.op, c] as const))('%s', (_op, c) => {
    it(`refuses ${c.forbidden.join(', ')} (FORBIDDEN, one DENIED audit row) and ${c.notFound.join(', ')} (NOT_FOUND, one DENIED audit row: DESIGN.md §4 audits a refusal answered as NOT_FOUND too)`, async () => {
      const request = await requestAt(hub, c.stage);
      for (const user of c.forbidden) {
        const before = await hub.watermark();
        expectError(await run(hub, c.op, user, c.input(request)), 'FORBIDDEN');
        await expectOnlyDenied(hub, before, {
          user,
          action: c.audit,
          subjectType: 'TechnicalAssistanceRequest',
          subjectId: request.id,
        });
      }
      for (const user of c.notFound) {
        const before = await hub.watermark();
        expectError(await run(hub, c.op, user, c.input(request)), 'NOT_FOUND');
        await expectOnlyDenied(hub, before, {
          user,
          action: c.audit,
          subjectType: 'TechnicalAssistanceRequest',
          subjectId: request.id,
          reason: 'NOT_FOUND',
        });
      }
    });

    it('refuses a stale version (a second submit of the same change) with CONFLICT, nothing written', async () => {
      const request = await requestAt(hub, c.stage);
      const done = ok(await run(hub, c.op, c.right, c.input(request)));
      expect(done).toBeDefined();
      const before = await hub.watermark();
      expectError(await run(hub, c.op, c.right, c.input(request)), 'CONFLICT');
      await expectNothingWritten(hub, before);
      // A version from nowhere is as stale.
      expectError(
        await run(hub, c.op, c.right, c.input({ ...request, version: request.version + 7 })),
        'CONFLICT',
      );
      await expectNothingWritten(hub, before);
    });

    it(`refuses it at ${c.illegalAt} with ILLEGAL_TRANSITION, nothing written`, async () => {
      const request = await requestAt(hub, c.illegalAt);
      const before = await hub.watermark();
      const error = expectError(await run(hub, c.op, c.right, c.input(request)), 'ILLEGAL_TRANSITION');
      expect(error.extensions).toMatchObject({
        subjectType: 'TechnicalAssistanceRequest',
        status: c.illegalAt.replace('_WITH_SESSION', ''),
        transition: c.op,
      });
      await expectNothingWritten(hub, before);
    });

    it(`lets ${c.right} do it: → ${c.to}, version + 1, one event`, async () => {
      const request = await requestAt(hub, c.stage);
      const before = await taState(hub);
      const data = ok(await run(hub, c.op, c.right, c.input(request)));
      const after = (data[Object.keys(data)[0]] as { request: RequestNode }).request;
      expect(after).toMatchObject({ id: request.id, status: c.to, version: request.version + 1 });
      const events = (await taState(hub)).events.filter((e) => e.request_id === request.id);
      const newEvents = events.length - before.events.filter((e) => e.request_id === request.id).length;
      expect(newEvents).toBe(c.op === 'recordSession' ? 0 : 1);
    });
  });

  it('two coordinators triaging at once: one wins, the other gets CONFLICT, one event', async () => {
    const request = await requestAt(hub, 'SUBMITTED');
    const input = changeOf(request, { priority: 'HIGH' });
    const results = await Promise.all([
      run(hub, 'triage', 'tf.coordinator', input),
      run(hub, 'triage', 'tf.coordinator', { ...input, priority: 'LOW' }),
    ]);
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const state = await taState(hub);
    expect(state.events.filter((e) => e.request_id === request.id).map((e) => e.to_status)).toEqual([
      'SUBMITTED',
      'TRIAGED',
    ]);
  });

  describe('requestTechnicalAssistance', () => {
    it.each([
      ['a caseworker', 'ngo.caseworker'],
      ['an investigator', 'pd.investigator'],
      ['a TA provider', 'ta.provider'],
      ['a federal partner', 'fed.liaison'],
      ['an auditor', 'tf.auditor'],
    ])('refuses %s (FORBIDDEN, one DENIED audit row)', async (_who, user) => {
      const before = await hub.watermark();
      expectError(await run(hub, 'request', user, requestInput()), 'FORBIDDEN');
      await expectOnlyDenied(hub, before, {
        user,
        action: 'REQUEST_TECHNICAL_ASSISTANCE',
        subjectType: 'TechnicalAssistanceRequest',
        subjectId: null,
      });
    });

    it('refuses a supervisor asking a task force their agency is not a member of', async () => {
      const otherTaskForce = randomUUID();
      await hub.asOwner((ds) =>
        ds.query(
          `INSERT INTO task_force (id, name, jurisdiction) VALUES ($1, 'Other County Task Force', 'Other County')`,
          [otherTaskForce],
        ),
      );
      const before = await hub.watermark();
      expectError(
        await run(hub, 'request', 'legal.lead', requestInput({ taskForceId: otherTaskForce })),
        'FORBIDDEN',
      );
      await expectOnlyDenied(hub, before, {
        user: 'legal.lead',
        action: 'REQUEST_TECHNICAL_ASSISTANCE',
        subjectType: 'TechnicalAssistanceRequest',
        subjectId: null,
      });
    });

    it('answers a caller without a token UNAUTHENTICATED, nothing written', async () => {
      const before = await hub.watermark();
      const response = await hub.gql(
        `mutation($input: RequestTechnicalAssistanceInput!) { requestTechnicalAssistance(input: $input) { request { id } } }`,
        { input: requestInput() },
      );
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await expectNothingWritten(hub, before);
    });
  });

  it('assigns only to a TA provider or federal partner (BAD_USER_INPUT otherwise, nothing written)', async () => {
    const request = await requestAt(hub, 'TRIAGED');
    for (const agencyId of [SAFE_PASSAGE, randomUUID()]) {
      const before = await hub.watermark();
      expectError(
        await run(hub, 'assign', 'tf.coordinator', changeOf(request, { agencyId })),
        'BAD_USER_INPUT',
      );
      await expectNothingWritten(hub, before);
    }
    const assigned = await must(hub, 'assign', 'tf.coordinator', changeOf(request, { agencyId: FEDERAL }));
    expect(assigned).toMatchObject({ status: 'ASSIGNED', assignedAgencyId: FEDERAL });
    // The federal partner now delivers it.
    const started = await must(hub, 'start', 'fed.liaison', changeOf(assigned));
    expect(started.status).toBe('IN_PROGRESS');
  });

  it('will not mark delivered before a session is recorded (ILLEGAL_TRANSITION, nothing written)', async () => {
    const request = await requestAt(hub, 'IN_PROGRESS');
    const before = await hub.watermark();
    expectError(await run(hub, 'deliver', 'ta.provider', changeOf(request)), 'ILLEGAL_TRANSITION');
    await expectNothingWritten(hub, before);
  });

  it('answers an unknown or malformed id NOT_FOUND on read and on change', async () => {
    expectError(await hub.gql(ONE, { id: randomUUID() }, { user: 'ngo.lead' }), 'NOT_FOUND');
    expectError(await hub.gql(ONE, { id: 'not-a-uuid' }, { user: 'ngo.lead' }), 'NOT_FOUND');
    const before = await hub.watermark();
    const unknown = randomUUID();
    expectError(
      await run(hub, 'triage', 'tf.coordinator', {
        requestId: unknown,
        expectedVersion: 1,
        priority: 'LOW',
      }),
      'NOT_FOUND',
    );
    await expectOnlyDenied(hub, before, {
      user: 'tf.coordinator',
      action: 'TRIAGE_TECHNICAL_ASSISTANCE',
      subjectType: 'TechnicalAssistanceRequest',
      subjectId: unknown,
      reason: 'NOT_FOUND',
    });
  });
});
