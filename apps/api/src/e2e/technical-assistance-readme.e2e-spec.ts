import { TestHub } from '@hub/testing';
import { startHub } from './hub';
import { ok } from './technical-assistance-support';

/**
 * The README's technical-assistance walk-through, document for document (keep the two in step):
 * what a newcomer pastes must work.
 */
const README_FLOW = {
  request: `mutation {
  requestTechnicalAssistance(input: {
    topic: TRAUMA_INFORMED_SERVICES, type: TRAINING, modality: HYBRID,
    problemStatement: "Intake staff re-ask survivors the same questions at every agency.",
    whyItMatters: "Repeated interviews re-traumatise survivors; some stop engaging.",
    currentPractice: "Each agency runs its own intake form, with no shared guidance.",
    desiredOutcome: "One trauma-informed intake practice across the task force, and trained intake staff.",
    audiences: [SERVICE_PROVIDERS, LAW_ENFORCEMENT], expectedAttendees: 40, urgency: TIME_SENSITIVE
  }) { request { id status version } }
}`,
  queue: `{ technicalAssistanceRequests(scope: MY_TASK_FORCES, status: SUBMITTED) {
    edges { node { id topic type urgency version requestingAgency { name } } } } }`,
  triage: `mutation($id: ID!) { triageTechnicalAssistance(input: {
    requestId: $id, expectedVersion: 1, priority: HIGH, note: "Fits the Q3 training plan" }) {
    request { status priority version } } }`,
  assign: `mutation($id: ID!) { assignTechnicalAssistance(input: {
    requestId: $id, expectedVersion: 2,
    agencyId: "0a6e1d3c-5b1f-4c11-9d1a-000000000005", assigneeName: "Priya Raman" }) {
    request { status version assignedAgency { name } } } }`,
  start: `mutation($id: ID!) { startTechnicalAssistance(input: { requestId: $id, expectedVersion: 3 }) {
    request { status version } } }`,
  session: `mutation($id: ID!, $today: Date!) { recordTechnicalAssistanceSession(input: {
    requestId: $id, expectedVersion: 4, heldOn: $today, modality: ON_SITE, hours: 3.5,
    attendance: [{ audience: LAW_ENFORCEMENT, attendees: 18 }, { audience: SERVICE_PROVIDERS, attendees: 22 }],
    materials: ["Trauma-informed intake: slide deck"] }) {
    session { kind totalAttendees } request { status version } } }`,
  deliver: `mutation($id: ID!) { deliverTechnicalAssistance(input: {
    requestId: $id, expectedVersion: 5, summary: "One half-day training for 40 intake staff." }) {
    request { status version } } }`,
  close: `mutation($id: ID!) { closeTechnicalAssistance(input: {
    requestId: $id, expectedVersion: 6, rating: 5, feedback: "Intake staff now use one shared script." }) {
    request { status rating version } } }`,
  message: `mutation($id: ID!) { addTechnicalAssistanceMessage(input: {
    requestId: $id, body: "Thank you: slides are in the shared folder." }) { message { id createdAt } } }`,
  detail: `query($id: ID!) { technicalAssistanceRequest(id: $id) {
    status priority rating feedback requestingAgency { name } assignedAgency { name }
    events { fromStatus toStatus actorUserId reason occurredAt }
    sessions { kind heldOn hours totalAttendees attendance { audience attendees } materials }
    messages { authorAgencyId body createdAt } } }`,
};

describe('README: technical assistance, the whole flow (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('works as written', async () => {
    const gql = async (doc: string, user: string, variables: Record<string, unknown> = {}) =>
      ok(await hub.gql<Record<string, Record<string, unknown>>>(doc, variables, { user }));

    const asked = await gql(README_FLOW.request, 'ngo.lead');
    const { id } = asked.requestTechnicalAssistance.request as { id: string };
    const queue = await gql(README_FLOW.queue, 'tf.coordinator');
    expect(JSON.stringify(queue)).toContain(id);
    await gql(README_FLOW.triage, 'tf.coordinator', { id });
    const assigned = await gql(README_FLOW.assign, 'tf.coordinator', { id });
    expect(assigned.assignTechnicalAssistance.request).toMatchObject({
      status: 'ASSIGNED',
      assignedAgency: { name: 'Regional Training & TA Center' },
    });
    await gql(README_FLOW.start, 'ta.provider', { id });
    const session = await gql(README_FLOW.session, 'ta.provider', {
      id,
      today: new Date().toISOString().slice(0, 10),
    });
    expect(session.recordTechnicalAssistanceSession.session).toEqual({
      kind: 'TRAINING',
      totalAttendees: 40,
    });
    await gql(README_FLOW.deliver, 'ta.provider', { id });
    const closed = await gql(README_FLOW.close, 'ngo.lead', { id });
    expect(closed.closeTechnicalAssistance.request).toEqual({ status: 'CLOSED', rating: 5, version: 7 });
    await gql(README_FLOW.message, 'ta.provider', { id });
    const seen = await gql(README_FLOW.detail, 'ta.provider', { id });
    expect(seen.technicalAssistanceRequest).toMatchObject({ status: 'CLOSED', rating: 5 });
    expect((seen.technicalAssistanceRequest.events as unknown[]).length).toBe(6);
    for (const outsider of ['pd.investigator', 'legal.caseworker']) {
      const response = await hub.gql(README_FLOW.detail, { id }, { user: outsider });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});
