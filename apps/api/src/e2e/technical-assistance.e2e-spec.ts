import { TestHub } from '@hub/testing';
import { startHub } from './hub';
import {
  agencyOf,
  auditSince,
  changeOf,
  expectError,
  HARBOR,
  listIds,
  must,
  NOTIFICATIONS,
  ok,
  ONE,
  REGIONAL_TA,
  RequestNode,
  requestAt,
  requestInput,
  run,
  sessionInput,
  Stage,
  subOf,
  TASK_FORCE,
  taState,
  TF_OFFICE,
} from './technical-assistance-support';

type Detail = RequestNode & {
  requestingAgency: { id: string; name: string };
  assignedAgency: { id: string; name: string; type: string } | null;
  events: {
    fromStatus: string | null;
    toStatus: string;
    actorUserId: string;
    actorAgencyId: string;
    reason: string | null;
  }[];
  sessions: {
    kind: string;
    heldOn: string;
    modality: string;
    hours: number;
    attendance: { audience: string; attendees: number }[];
    totalAttendees: number;
    materials: string[];
  }[];
  messages: { authorUserId: string; authorAgencyId: string; body: string }[];
  rating: number | null;
  feedback: string | null;
};
type Feed = {
  notifications: { edges: { node: { eventType: string; subjectId: string; message: string } }[] };
};

describe('technical assistance, from request to delivered training (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const detail = async (id: string, user: string) =>
    ok(await hub.gql<{ technicalAssistanceRequest: Detail }>(ONE, { id }, { user }))
      .technicalAssistanceRequest;
  const feed = async (user: string, subjectId: string) =>
    ok(await hub.gql<Feed>(NOTIFICATIONS, {}, { user }))
      .notifications.edges.map((e) => e.node)
      .filter((n) => n.subjectId === subjectId)
      .map((n) => n.eventType);

  it('ngo.lead asks, tf.coordinator triages and assigns, ta.provider trains and delivers, ngo.lead closes with a rating; outsiders see none of it', async () => {
    const auditBefore = (await taState(hub)).auditMaxId;

    // 1. ngo.lead (supervisor, Harbor Light) asks; the task force is the agency's only one.
    let request = await must(hub, 'request', 'ngo.lead', requestInput());
    expect(request).toMatchObject({
      status: 'SUBMITTED',
      version: 1,
      taskForceId: TASK_FORCE,
      requestingAgencyId: HARBOR,
      requestedBy: subOf('ngo.lead'),
      topic: 'TRAUMA_INFORMED_SERVICES',
      audiences: ['SERVICE_PROVIDERS', 'LAW_ENFORCEMENT'],
      priority: null,
      assignedAgencyId: null,
    });
    const id = request.id;

    // The coordinator sees it in the task force's queue.
    expect(await listIds(hub, 'tf.coordinator', { scope: 'MY_TASK_FORCES', status: 'SUBMITTED' })).toContain(
      id,
    );
    expect(await listIds(hub, 'ngo.lead', { scope: 'REQUESTED_BY_MY_AGENCY' })).toContain(id);

    // 2. tf.coordinator triages and assigns it to the Regional Training & TA Center.
    request = await must(
      hub,
      'triage',
      'tf.coordinator',
      changeOf(request, { priority: 'HIGH', note: 'Fits the Q3 plan' }),
    );
    expect(request).toMatchObject({
      status: 'TRIAGED',
      version: 2,
      priority: 'HIGH',
      triageNote: 'Fits the Q3 plan',
    });
    // Not assigned yet: the provider does not see it.
    expectError(await hub.gql(ONE, { id }, { user: 'ta.provider' }), 'NOT_FOUND');

    request = await must(
      hub,
      'assign',
      'tf.coordinator',
      changeOf(request, { agencyId: REGIONAL_TA, assigneeName: 'Priya Raman' }),
    );
    expect(request).toMatchObject({
      status: 'ASSIGNED',
      version: 3,
      assignedAgencyId: REGIONAL_TA,
      assigneeName: 'Priya Raman',
    });
    expect(await listIds(hub, 'ta.provider', { scope: 'ASSIGNED_TO_MY_AGENCY' })).toContain(id);

    // 3. ta.provider starts, records a training with attendance, delivers.
    request = await must(hub, 'start', 'ta.provider', changeOf(request));
    expect(request).toMatchObject({ status: 'IN_PROGRESS', version: 4 });

    const recorded = ok(await run(hub, 'recordSession', 'ta.provider', sessionInput(id, request.version)));
    const { session, request: afterSession } = recorded.recordTechnicalAssistanceSession as {
      session: Detail['sessions'][number];
      request: RequestNode;
    };
    expect(session).toMatchObject({
      kind: 'TRAINING',
      modality: 'ON_SITE',
      hours: 3.5,
      totalAttendees: 40,
      attendance: [
        { audience: 'LAW_ENFORCEMENT', attendees: 18 },
        { audience: 'SERVICE_PROVIDERS', attendees: 22 },
      ],
    });
    expect(afterSession).toMatchObject({ status: 'IN_PROGRESS', version: 5 });

    request = await must(
      hub,
      'deliver',
      'ta.provider',
      changeOf(afterSession, { summary: 'One training delivered.' }),
    );
    expect(request).toMatchObject({
      status: 'DELIVERED',
      version: 6,
      deliverySummary: 'One training delivered.',
    });

    // 4. ngo.lead closes it with a rating; the provider sees the rating and the feedback.
    request = await must(
      hub,
      'close',
      'ngo.lead',
      changeOf(request, { rating: 5, feedback: 'Intake staff now use one shared script.' }),
    );
    expect(request).toMatchObject({ status: 'CLOSED', version: 7, rating: 5 });

    const seenByProvider = await detail(id, 'ta.provider');
    expect(seenByProvider).toMatchObject({
      status: 'CLOSED',
      rating: 5,
      feedback: 'Intake staff now use one shared script.',
      requestingAgency: { id: HARBOR, name: 'Harbor Light Survivor Services' },
      assignedAgency: { id: REGIONAL_TA, name: 'Regional Training & TA Center', type: 'TA_PROVIDER' },
    });
    expect(seenByProvider.sessions).toHaveLength(1);
    expect(seenByProvider.sessions[0]).toMatchObject({ kind: 'TRAINING', totalAttendees: 40 });

    // Every transition is an event, by the right person, in order.
    const by = (user: string) => ({ actorUserId: subOf(user), actorAgencyId: agencyOf(user) });
    expect(seenByProvider.events).toEqual(
      [
        { fromStatus: null, toStatus: 'SUBMITTED', reason: null, ...by('ngo.lead') },
        { fromStatus: 'SUBMITTED', toStatus: 'TRIAGED', reason: 'Fits the Q3 plan', ...by('tf.coordinator') },
        { fromStatus: 'TRIAGED', toStatus: 'ASSIGNED', reason: null, ...by('tf.coordinator') },
        { fromStatus: 'ASSIGNED', toStatus: 'IN_PROGRESS', reason: null, ...by('ta.provider') },
        { fromStatus: 'IN_PROGRESS', toStatus: 'DELIVERED', reason: null, ...by('ta.provider') },
        { fromStatus: 'DELIVERED', toStatus: 'CLOSED', reason: null, ...by('ngo.lead') },
      ].map((event) => expect.objectContaining(event)),
    );

    // One ALLOWED audit row per change, by its actor; the provider's read before the assignment
    // was answered NOT_FOUND and is on the trail as a DENIED probe (for auditors only).
    const audit = (await auditSince(hub, auditBefore)).filter((row) => row.subject_id === id);
    expect(
      audit.filter((row) => row.decision === 'DENIED').map((row) => [row.action, row.actor_user_id]),
    ).toEqual([['READ_TECHNICAL_ASSISTANCE_REQUEST', subOf('ta.provider')]]);
    const allowed = audit.filter((row) => row.decision === 'ALLOWED');
    expect(allowed.map((row) => [row.action, row.actor_user_id, row.decision])).toEqual([
      ['REQUEST_TECHNICAL_ASSISTANCE', subOf('ngo.lead'), 'ALLOWED'],
      ['TRIAGE_TECHNICAL_ASSISTANCE', subOf('tf.coordinator'), 'ALLOWED'],
      ['ASSIGN_TECHNICAL_ASSISTANCE', subOf('tf.coordinator'), 'ALLOWED'],
      ['START_TECHNICAL_ASSISTANCE', subOf('ta.provider'), 'ALLOWED'],
      ['RECORD_TECHNICAL_ASSISTANCE_SESSION', subOf('ta.provider'), 'ALLOWED'],
      ['DELIVER_TECHNICAL_ASSISTANCE', subOf('ta.provider'), 'ALLOWED'],
      ['CLOSE_TECHNICAL_ASSISTANCE', subOf('ngo.lead'), 'ALLOWED'],
    ]);

    // Notifications went to the other parties of each step, never to the actor's own agency.
    expect(await feed('tf.coordinator', id)).toEqual(
      expect.arrayContaining([
        'TA_REQUEST_SUBMITTED',
        'TA_REQUEST_STARTED',
        'TA_SESSION_RECORDED',
        'TA_REQUEST_DELIVERED',
        'TA_REQUEST_CLOSED',
      ]),
    );
    expect(await feed('tf.coordinator', id)).not.toContain('TA_REQUEST_TRIAGED');
    expect((await feed('ngo.lead', id)).sort()).toEqual(
      [
        'TA_REQUEST_TRIAGED',
        'TA_REQUEST_ASSIGNED',
        'TA_REQUEST_STARTED',
        'TA_SESSION_RECORDED',
        'TA_REQUEST_DELIVERED',
      ].sort(),
    );
    expect((await feed('ta.provider', id)).sort()).toEqual(
      ['TA_REQUEST_ASSIGNED', 'TA_REQUEST_CLOSED'].sort(),
    );

    // 5. Outsiders: police and legal aid (and a non-assigned federal partner) see none of it, anywhere.
    for (const user of [
      'pd.investigator',
      'legal.caseworker',
      'legal.lead',
      'pd.supervisor',
      'fed.liaison',
    ]) {
      expectError(await hub.gql(ONE, { id }, { user }), 'NOT_FOUND');
      for (const scope of [undefined, 'REQUESTED_BY_MY_AGENCY', 'ASSIGNED_TO_MY_AGENCY', 'MY_TASK_FORCES']) {
        expect(await listIds(hub, user, scope ? { scope } : {})).not.toContain(id);
      }
      expect(await feed(user, id)).toEqual([]);
      expectError(await run(hub, 'message', user, { requestId: id, body: 'Can we join?' }), 'NOT_FOUND');
    }
  });

  it('keeps a thread among the parties, notifying the others', async () => {
    const request = await must(
      hub,
      'request',
      'ngo.lead',
      requestInput({ topic: 'PROTOCOL_DEVELOPMENT', type: 'CONSULTATION' }),
    );
    const first = ok(
      await run(hub, 'message', 'ngo.lead', {
        requestId: request.id,
        body: 'Our MOU draft is ready for review.',
      }),
    );
    expect(first.addTechnicalAssistanceMessage.message).toMatchObject({
      authorAgencyId: HARBOR,
      body: 'Our MOU draft is ready for review.',
    });
    ok(
      await run(hub, 'message', 'tf.coordinator', {
        requestId: request.id,
        body: '  We will look at it this week.  ',
      }),
    );

    const seen = await detail(request.id, 'ngo.caseworker');
    expect(seen.messages.map((m) => [m.authorAgencyId, m.body])).toEqual([
      [HARBOR, 'Our MOU draft is ready for review.'],
      [TF_OFFICE, 'We will look at it this week.'],
    ]);
    // A message is not a transition: the request is unchanged.
    expect(seen).toMatchObject({ status: 'SUBMITTED', version: 1 });
    expect(await feed('tf.coordinator', request.id)).toEqual(expect.arrayContaining(['TA_MESSAGE_ADDED']));
    expect(await feed('ngo.lead', request.id)).toEqual(['TA_MESSAGE_ADDED']);
  });

  it('offers each party exactly its next steps (availableActions), stage by stage', async () => {
    const ACTIONS = `query Actions($id: ID!) { technicalAssistanceRequest(id: $id) { availableActions } }`;
    const offered = async (id: string, user: string) =>
      ok(
        await hub.gql<{ technicalAssistanceRequest: { availableActions: string[] } }>(
          ACTIONS,
          { id },
          { user },
        ),
      ).technicalAssistanceRequest.availableActions;
    const users = ['ngo.lead', 'ngo.caseworker', 'tf.coordinator', 'ta.provider'] as const;
    const expected: Record<Stage, Partial<Record<(typeof users)[number], string[]>>> = {
      SUBMITTED: {
        'ngo.lead': ['WITHDRAW', 'MESSAGE'],
        'ngo.caseworker': ['MESSAGE'],
        'tf.coordinator': ['TRIAGE', 'DECLINE', 'MESSAGE'],
      },
      TRIAGED: {
        'ngo.lead': ['WITHDRAW', 'MESSAGE'],
        'ngo.caseworker': ['MESSAGE'],
        'tf.coordinator': ['ASSIGN', 'DECLINE', 'MESSAGE'],
      },
      ASSIGNED: {
        'ngo.lead': ['WITHDRAW', 'MESSAGE'],
        'ngo.caseworker': ['MESSAGE'],
        'tf.coordinator': ['MESSAGE'],
        'ta.provider': ['START', 'MESSAGE'],
      },
      // Nothing to deliver before a session is recorded.
      IN_PROGRESS: {
        'ngo.lead': ['WITHDRAW', 'MESSAGE'],
        'ngo.caseworker': ['MESSAGE'],
        'tf.coordinator': ['MESSAGE'],
        'ta.provider': ['RECORD_SESSION', 'MESSAGE'],
      },
      IN_PROGRESS_WITH_SESSION: {
        'ngo.lead': ['WITHDRAW', 'MESSAGE'],
        'ngo.caseworker': ['MESSAGE'],
        'tf.coordinator': ['MESSAGE'],
        'ta.provider': ['DELIVER', 'RECORD_SESSION', 'MESSAGE'],
      },
      DELIVERED: {
        'ngo.lead': ['CLOSE', 'MESSAGE'],
        'ngo.caseworker': ['MESSAGE'],
        'tf.coordinator': ['MESSAGE'],
        'ta.provider': ['MESSAGE'],
      },
      CLOSED: {
        'ngo.lead': ['MESSAGE'],
        'ngo.caseworker': ['MESSAGE'],
        'tf.coordinator': ['MESSAGE'],
        'ta.provider': ['MESSAGE'],
      },
    };
    for (const [stage, byUser] of Object.entries(expected) as [Stage, Record<string, string[]>][]) {
      const request = await requestAt(hub, stage);
      for (const user of users) {
        const seen = user in byUser ? await offered(request.id, user) : undefined;
        expect({ stage, user, seen }).toEqual({ stage, user, seen: byUser[user] });
      }
    }
  });

  it('a retried request with the same idempotency key is recorded once', async () => {
    const input = requestInput({ idempotencyKey: 'ta-retry-0001' });
    const first = await must(hub, 'request', 'ngo.lead', input);
    const before = await taState(hub);
    const again = await must(hub, 'request', 'ngo.lead', input);
    expect(again.id).toBe(first.id);
    const after = await taState(hub);
    expect(after.requests).toEqual(before.requests);
    expect(after.events).toEqual(before.events);
    expect(after.notifications).toEqual(before.notifications);
  });
});
