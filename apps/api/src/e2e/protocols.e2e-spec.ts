import { DEMO_AGENCY_IDS, DEMO_TASK_FORCE, DEMO_USERS } from '@hub/demo-data';
import { expectNothingWritten, expectOnlyDenied, TestHub } from '@hub/testing';
import { codeOf, must, rows } from './e2e-support';
import { startHub } from './hub';
import {
  ACKNOWLEDGE,
  ARCHIVE,
  COORDINATOR,
  createProtocol,
  editDraft,
  insertPublished,
  LIST,
  OUTSIDE_TASK_FORCE,
  PENDING,
  ProtocolView,
  protocolInput,
  protocolOf,
  PUBLISH,
  publishedProtocol,
  READ,
  seedOutsideTaskForce,
  STATUSES,
  UPDATE,
  CREATE,
} from './protocols-support';

/**
 * Protocols end to end, per role and agency type (DESIGN.md §4): who may create, edit, publish,
 * archive, read drafts, read what was published and acknowledge it; the wrong caller is refused
 * (FORBIDDEN where they can see the protocol, NOT_FOUND where they cannot) and nothing changes.
 */

const NON_COORDINATORS = [
  'ngo.lead',
  'legal.lead',
  'pd.supervisor',
  'ngo.caseworker',
  'pd.investigator',
  'ta.provider',
  'fed.liaison',
];
/** Default audience of protocolInput(): NGO and LAW_ENFORCEMENT. */
const IN_AUDIENCE = ['ngo.lead', 'legal.lead', 'pd.supervisor', 'ngo.caseworker', 'pd.investigator'];
const OUTSIDE_AUDIENCE = ['ta.provider', 'fed.liaison'];

const sub = (username: string) => must(DEMO_USERS.find((u) => u.username === username)).sub;

type Listed = { protocols: { edges: { node: { id: string } }[] } };

type HistoryEvent = {
  fromStatus: string | null;
  toStatus: string;
  actorUserId: string;
  reason: string | null;
};
type HistoryView = { events: HistoryEvent[]; versions: { id: string; events: HistoryEvent[] }[] };
const HISTORY = `query($id: ID!) { protocol(id: $id) {
  events { fromStatus toStatus actorUserId actorAgencyId reason occurredAt }
  versions { id events { fromStatus toStatus actorUserId actorAgencyId reason occurredAt } } } }`;

describe('protocols (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  async function listedIds(user: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    const { body } = await hub.gql<Listed>(LIST, { first: 100, ...variables }, { user });
    expect(body.errors).toBeUndefined();
    return must(body.data).protocols.edges.map((edge) => edge.node.id);
  }

  /** The audit action of each mutation's refusal. */
  const AUDIT_ACTION = new Map([
    [CREATE, 'CREATE_PROTOCOL'],
    [UPDATE, 'UPDATE_PROTOCOL_DRAFT'],
    [PUBLISH, 'PUBLISH_PROTOCOL_VERSION'],
    [ARCHIVE, 'ARCHIVE_PROTOCOL'],
    [ACKNOWLEDGE, 'ACKNOWLEDGE_PROTOCOL'],
  ]);

  /**
   * Runs a refused call and checks the code, and that nothing was written but the refusal's one
   * DENIED audit row (NOT_FOUND included: the kernel audits it) naming the caller and the subject.
   */
  async function expectRefused(
    user: string,
    query: string,
    input: Record<string, unknown>,
    code: 'FORBIDDEN' | 'NOT_FOUND',
    audited: { subjectType: string; subjectId: string },
  ): Promise<void> {
    const before = await hub.watermark();
    const response = await hub.gql(query, { input }, { user });
    expect({ user, code: codeOf(response) }).toEqual({ user, code });
    expect(response.body.data ?? null).toBeNull();
    await expectOnlyDenied(hub, before, {
      user,
      action: must(AUDIT_ACTION.get(query)),
      ...audited,
      // A refusal answered as NOT_FOUND is marked so (auditors only read it).
      reason: code === 'NOT_FOUND' ? 'NOT_FOUND' : null,
    });
  }

  const taskForce = (subjectId: string) => ({ subjectType: 'TaskForce', subjectId });
  const protocol = (subjectId: string) => ({ subjectType: 'Protocol', subjectId });
  const version = (subjectId: string) => ({ subjectType: 'ProtocolVersion', subjectId });

  describe('create', () => {
    it('a coordinator of the task force creates a protocol with its first draft', async () => {
      const created = await createProtocol(hub, { title: 'Joint response protocol', category: 'RESPONSE' });
      expect(created).toMatchObject({
        taskForceId: DEMO_TASK_FORCE.id,
        ownerAgencyId: DEMO_AGENCY_IDS.taskForceOffice,
        title: 'Joint response protocol',
        category: 'RESPONSE',
        audience: ['NGO', 'LAW_ENFORCEMENT'],
        state: 'DRAFT',
        version: 1,
        currentVersion: null,
        draft: { number: 1, state: 'DRAFT', requiresAcknowledgement: true, publishedAt: null },
      });
      const [audit] = await rows(
        hub,
        `SELECT action, decision, actor_user_id FROM audit_event WHERE subject_id = $1`,
        [created.id],
      );
      expect(audit).toEqual({
        action: 'CREATE_PROTOCOL',
        decision: 'ALLOWED',
        actor_user_id: sub(COORDINATOR),
      });
    });

    it('retrying a create with the same idempotency key and request returns the same protocol', async () => {
      const input = protocolInput({ idempotencyKey: 'create-once-1234' });
      const first = protocolOf(await hub.gql(CREATE, { input }, { user: COORDINATOR }));
      const before = await hub.watermark();
      const again = protocolOf(await hub.gql(CREATE, { input }, { user: COORDINATOR }));
      expect(again.id).toBe(first.id);
      await expectNothingWritten(hub, before);
      const keys = await rows(
        hub,
        `SELECT subject_type, subject_id::text FROM idempotency_key WHERE key = 'create-once-1234'`,
      );
      expect(keys).toEqual([{ subject_type: 'Protocol', subject_id: first.id }]);
    });

    it('the same idempotency key with a different request is CONFLICT and writes nothing', async () => {
      const input = protocolInput({ idempotencyKey: 'create-once-5678' });
      const first = protocolOf(await hub.gql(CREATE, { input }, { user: COORDINATOR }));
      const before = await hub.watermark();
      const other = await hub.gql(
        CREATE,
        { input: { ...input, title: 'Another title' } },
        { user: COORDINATOR },
      );
      expect(other.body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'IDEMPOTENCY_KEY_REUSED',
      });
      await expectNothingWritten(hub, before);
      const [{ count }] = await rows<{ count: string }>(
        hub,
        `SELECT count(*) FROM protocol WHERE title = $1`,
        [input.title],
      );
      expect({ id: first.id, count }).toEqual({ id: first.id, count: '1' });
    });

    it.each(NON_COORDINATORS)('%s may not create one (FORBIDDEN, nothing written, audited)', async (user) => {
      await expectRefused(user, CREATE, protocolInput(), 'FORBIDDEN', taskForce(DEMO_TASK_FORCE.id));
    });

    it('a coordinator may not create one in a task force their agency is not in', async () => {
      await seedOutsideOnce();
      await expectRefused(
        COORDINATOR,
        CREATE,
        protocolInput({ taskForceId: OUTSIDE_TASK_FORCE }),
        'FORBIDDEN',
        taskForce(OUTSIDE_TASK_FORCE),
      );
    });
  });

  describe('drafts', () => {
    it('only the coordinators see a draft: everyone else gets NOT_FOUND and an empty list', async () => {
      const draft = await createProtocol(hub, {
        audience: ['NGO', 'LAW_ENFORCEMENT', 'TA_PROVIDER', 'FEDERAL_PARTNER'],
      });
      const coordinatorView = await hub.gql<{ protocol: ProtocolView }>(
        READ,
        { id: draft.id },
        { user: COORDINATOR },
      );
      expect(coordinatorView.body.data?.protocol.draft?.body).toContain('Call the intake line');
      expect(await listedIds(COORDINATOR)).toContain(draft.id);
      for (const user of [...NON_COORDINATORS, 'tf.auditor']) {
        const read = await hub.gql(READ, { id: draft.id }, { user });
        expect({ user, code: codeOf(read) }).toEqual({ user, code: 'NOT_FOUND' });
        expect(await listedIds(user)).not.toContain(draft.id);
      }
    });

    it('the coordinator edits the draft; a stale expectedVersion is a CONFLICT and changes nothing', async () => {
      const created = await createProtocol(hub);
      const edited = await editDraft(hub, created, { title: 'Renamed before publication', body: 'New text' });
      expect(edited).toMatchObject({
        title: 'Renamed before publication',
        version: 2,
        draft: { body: 'New text' },
      });

      const before = await hub.watermark();
      const stale = await hub.gql(
        UPDATE,
        { input: { protocolId: created.id, expectedVersion: created.version, body: 'Lost update' } },
        { user: COORDINATOR },
      );
      expect(codeOf(stale)).toBe('CONFLICT');
      await expectNothingWritten(hub, before, { allowDenied: true });
    });

    it.each(NON_COORDINATORS)(
      '%s may not edit, publish or archive a draft they cannot see (NOT_FOUND)',
      async (user) => {
        const created = await createProtocol(hub, {
          audience: ['NGO', 'LAW_ENFORCEMENT', 'TA_PROVIDER', 'FEDERAL_PARTNER'],
        });
        const draftId = must(created.draft).id;
        await expectRefused(
          user,
          UPDATE,
          { protocolId: created.id, expectedVersion: 1, body: 'x' },
          'NOT_FOUND',
          protocol(created.id),
        );
        await expectRefused(user, PUBLISH, { versionId: draftId }, 'NOT_FOUND', version(draftId));
        await expectRefused(user, ARCHIVE, { protocolId: created.id }, 'NOT_FOUND', protocol(created.id));
      },
    );
  });

  describe('publish', () => {
    it('publishing brings the draft into force, notifies every audience agency and audits it', async () => {
      const created = await createProtocol(hub, { title: 'Screening protocol', category: 'SCREENING' });
      const published = protocolOf(
        await hub.gql(
          PUBLISH,
          { input: { versionId: must(created.draft).id, expectedVersion: 1 } },
          { user: COORDINATOR },
        ),
      );
      const today = new Date().toISOString().slice(0, 10);
      expect(published).toMatchObject({
        state: 'PUBLISHED',
        version: 2,
        draft: null,
        currentVersion: { number: 1, state: 'PUBLISHED', effectiveDate: today, dueForReview: false },
      });

      const notified = await rows<{ agency_id: string; event_type: string }>(
        hub,
        `SELECT agency_id, event_type FROM notification WHERE subject_id = $1 ORDER BY agency_id`,
        [created.id],
      );
      expect(notified).toEqual(
        [DEMO_AGENCY_IDS.harborLight, DEMO_AGENCY_IDS.safePassage, DEMO_AGENCY_IDS.bayviewPolice]
          .sort()
          .map((agency_id) => ({ agency_id, event_type: 'PROTOCOL_PUBLISHED' })),
      );
      const [{ count }] = await rows<{ count: string }>(
        hub,
        `SELECT count(*) FROM outbox WHERE payload->>'subjectId' = $1`,
        [created.id],
      );
      expect(count).toBe('3');
      // Audited on the protocol, naming its owner and, once published, its audience agencies.
      const audit = await rows(
        hub,
        `SELECT action, decision, subject_type, subject_agency_ids FROM audit_event WHERE subject_id = $1 ORDER BY id`,
        [created.id],
      );
      const audience = [
        DEMO_AGENCY_IDS.harborLight,
        DEMO_AGENCY_IDS.safePassage,
        DEMO_AGENCY_IDS.bayviewPolice,
      ];
      expect(
        audit.map((row) => ({
          ...row,
          subject_agency_ids: [...(row.subject_agency_ids as string[])].sort(),
        })),
      ).toEqual([
        {
          action: 'CREATE_PROTOCOL',
          decision: 'ALLOWED',
          subject_type: 'Protocol',
          subject_agency_ids: [created.ownerAgencyId],
        },
        {
          action: 'PUBLISH_PROTOCOL_VERSION',
          decision: 'ALLOWED',
          subject_type: 'Protocol',
          subject_agency_ids: [created.ownerAgencyId, ...audience].sort(),
        },
      ]);
    });

    it('every move is an event: create → edit → publish → new version → publish → archive', async () => {
      const created = await createProtocol(hub);
      const v1 = must(created.draft).id;
      const published = protocolOf(
        await hub.gql(PUBLISH, { input: { versionId: v1, expectedVersion: 1 } }, { user: COORDINATOR }),
      );
      const withDraft = await editDraft(hub, published, { body: 'Version two' });
      const v2 = must(withDraft.draft).id;
      const republished = protocolOf(
        await hub.gql(
          PUBLISH,
          { input: { versionId: v2, expectedVersion: withDraft.version } },
          { user: COORDINATOR },
        ),
      );
      protocolOf(
        await hub.gql(
          ARCHIVE,
          { input: { protocolId: created.id, expectedVersion: republished.version, reason: 'Replaced' } },
          { user: COORDINATOR },
        ),
      );
      const { body } = await hub.gql<{ protocol: HistoryView }>(
        HISTORY,
        { id: created.id },
        { user: COORDINATOR },
      );
      expect(body.errors).toBeUndefined();
      const history = must(body.data).protocol;
      const moves = (events: HistoryView['events']) => events.map((e) => [e.fromStatus, e.toStatus]);
      expect(moves(history.events)).toEqual([
        [null, 'DRAFT'],
        ['DRAFT', 'PUBLISHED'],
        ['PUBLISHED', 'ARCHIVED'],
      ]);
      expect(history.events[2]).toMatchObject({ reason: 'Replaced', actorUserId: sub(COORDINATOR) });
      expect(history.versions.map((v) => [v.id, moves(v.events)])).toEqual([
        [
          v2,
          [
            [null, 'DRAFT'],
            ['DRAFT', 'PUBLISHED'],
            ['PUBLISHED', 'ARCHIVED'],
          ],
        ],
        [
          v1,
          [
            [null, 'DRAFT'],
            ['DRAFT', 'PUBLISHED'],
            ['PUBLISHED', 'SUPERSEDED'],
          ],
        ],
      ]);
    });

    it('a new version supersedes the old one; published text never changes', async () => {
      const v1 = await publishedProtocol(hub, { body: 'Version one text' });
      const withDraft = await editDraft(hub, v1, {
        body: 'Version two text',
        summaryOfChanges: 'Clarified step 2',
      });
      expect(withDraft).toMatchObject({
        state: 'PUBLISHED',
        currentVersion: { number: 1, body: 'Version one text' },
        draft: {
          number: 2,
          body: 'Version two text',
          summaryOfChanges: 'Clarified step 2',
          effectiveDate: null,
        },
      });
      // Members still read version 1 while version 2 is drafted.
      const memberView = await hub.gql<{ protocol: ProtocolView }>(
        READ,
        { id: v1.id },
        { user: 'ngo.caseworker' },
      );
      expect(memberView.body.data?.protocol).toMatchObject({
        currentVersion: { number: 1, body: 'Version one text' },
        draft: null,
        versions: [{ number: 1, state: 'PUBLISHED' }],
      });

      const v2 = protocolOf(
        await hub.gql(PUBLISH, { input: { versionId: must(withDraft.draft).id } }, { user: COORDINATOR }),
      );
      expect(v2.versions.map((v) => [v.number, v.state])).toEqual([
        [2, 'PUBLISHED'],
        [1, 'SUPERSEDED'],
      ]);
      const [old] = await rows(hub, `SELECT body, state FROM protocol_version WHERE id = $1`, [
        must(v1.currentVersion).id,
      ]);
      expect(old).toEqual({ body: 'Version one text', state: 'SUPERSEDED' });

      // Publishing the same version again is an illegal transition, and changes nothing.
      const before = await hub.watermark();
      const again = await hub.gql(
        PUBLISH,
        { input: { versionId: must(v1.currentVersion).id } },
        { user: COORDINATOR },
      );
      expect(codeOf(again)).toBe('ILLEGAL_TRANSITION');
      await expectNothingWritten(hub, before, { allowDenied: true });
    });

    it('the database refuses to change a published version, whoever asks', async () => {
      const published = await publishedProtocol(hub);
      const versionId = must(published.currentVersion).id;
      await expect(
        hub.asOwner((ds) =>
          ds.query(`UPDATE protocol_version SET body = 'tampered' WHERE id = $1`, [versionId]),
        ),
      ).rejects.toThrow(/can no longer change/);
      const [row] = await rows(hub, `SELECT body FROM protocol_version WHERE id = $1`, [versionId]);
      expect(row.body).not.toBe('tampered');
    });

    it.each(IN_AUDIENCE)(
      '%s sees the protocol but may not publish, edit or archive it (FORBIDDEN)',
      async (user) => {
        const published = await publishedProtocol(hub);
        const withDraft = await editDraft(hub, published, { body: 'Next version' });
        const current = must(published.currentVersion).id;
        // The runner judges `publish` on the version's protocol (as publishProtocolVersion declares).
        await expectRefused(user, PUBLISH, { versionId: current }, 'FORBIDDEN', protocol(published.id));
        // The draft itself stays invisible to them.
        const draftId = must(withDraft.draft).id;
        await expectRefused(user, PUBLISH, { versionId: draftId }, 'NOT_FOUND', version(draftId));
        await expectRefused(
          user,
          UPDATE,
          { protocolId: published.id, expectedVersion: withDraft.version, body: 'x' },
          'FORBIDDEN',
          protocol(published.id),
        );
        await expectRefused(user, ARCHIVE, { protocolId: published.id }, 'FORBIDDEN', protocol(published.id));
      },
    );

    it.each(OUTSIDE_AUDIENCE)('%s, outside the audience, cannot see it at all (NOT_FOUND)', async (user) => {
      const published = await publishedProtocol(hub);
      const current = must(published.currentVersion).id;
      await expectRefused(user, PUBLISH, { versionId: current }, 'NOT_FOUND', version(current));
      await expectRefused(user, ARCHIVE, { protocolId: published.id }, 'NOT_FOUND', protocol(published.id));
      await expectRefused(user, ACKNOWLEDGE, { versionId: current }, 'NOT_FOUND', version(current));
    });
  });

  describe('read published', () => {
    it('every member of an audience agency reads it, whatever their role; others do not', async () => {
      const published = await publishedProtocol(hub, { audience: ['NGO', 'TA_PROVIDER'] });
      for (const user of [
        'ngo.lead',
        'ngo.caseworker',
        'legal.lead',
        'legal.caseworker',
        'ta.provider',
        COORDINATOR,
      ]) {
        const read = await hub.gql<{ protocol: ProtocolView }>(READ, { id: published.id }, { user });
        expect({ user, errors: read.body.errors }).toEqual({ user, errors: undefined });
        expect(read.body.data?.protocol.currentVersion?.body).toContain('Call the intake line');
        expect(await listedIds(user)).toContain(published.id);
      }
      for (const user of ['pd.supervisor', 'pd.investigator', 'fed.liaison', 'tf.auditor']) {
        const read = await hub.gql(READ, { id: published.id }, { user });
        expect({ user, code: codeOf(read) }).toEqual({ user, code: 'NOT_FOUND' });
        expect(await listedIds(user)).not.toContain(published.id);
      }
    });

    it('lists filter by task force, category, state and words, and page by keyset', async () => {
      const mou = await publishedProtocol(hub, {
        title: 'Memorandum on shelter placements',
        category: 'MOU',
        body: 'Emergency shelter placements within four hours.',
      });
      const draft = await createProtocol(hub, { title: 'Training calendar', category: 'TRAINING' });
      expect(await listedIds(COORDINATOR, { category: 'MOU' })).toContain(mou.id);
      expect(await listedIds(COORDINATOR, { category: 'MOU' })).not.toContain(draft.id);
      expect(await listedIds(COORDINATOR, { state: 'DRAFT' })).toContain(draft.id);
      expect(await listedIds(COORDINATOR, { state: 'DRAFT' })).not.toContain(mou.id);
      expect(await listedIds('ngo.lead', { text: 'shelter placement' })).toEqual([mou.id]);
      expect(await listedIds('ngo.lead', { text: 'Training calendar' })).toEqual([]);
      expect(await listedIds('ngo.lead', { taskForceId: OUTSIDE_TASK_FORCE })).toEqual([]);

      const all = await listedIds(COORDINATOR);
      const paged: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page += 1) {
        const response: {
          body: {
            data?: {
              protocols: {
                edges: { node: { id: string } }[];
                pageInfo: { hasNextPage: boolean; endCursor: string | null };
              };
            } | null;
          };
        } = await hub.gql(LIST, { first: 2, after }, { user: COORDINATOR });
        const connection = must(response.body.data).protocols;
        paged.push(...connection.edges.map((edge) => edge.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(paged).toEqual(all);
    });

    it('a version past its review-by date shows as due for review when read', async () => {
      const { protocolId } = await hub.asOwner((ds) =>
        insertPublished(ds, DEMO_TASK_FORCE.id, DEMO_AGENCY_IDS.taskForceOffice, {
          title: 'Old information-sharing agreement',
          audience: ['NGO'],
          reviewBy: '2020-01-01',
        }),
      );
      const read = await hub.gql<{ protocol: ProtocolView }>(READ, { id: protocolId }, { user: 'ngo.lead' });
      expect(read.body.data?.protocol).toMatchObject({
        dueForReview: true,
        currentVersion: { reviewBy: '2020-01-01', dueForReview: true },
      });
      const fresh = await publishedProtocol(hub);
      expect(fresh.dueForReview).toBe(false);
    });
  });

  describe('archive', () => {
    it('the coordinator archives the whole protocol; it cannot be edited, published or archived again', async () => {
      const published = await publishedProtocol(hub);
      const withDraft = await editDraft(hub, published, { body: 'Unfinished' });
      const archived = protocolOf(
        await hub.gql(
          ARCHIVE,
          { input: { protocolId: published.id, reason: 'Replaced by the MOU' } },
          { user: COORDINATOR },
        ),
      );
      expect(archived).toMatchObject({ state: 'ARCHIVED', currentVersion: null, draft: null });
      expect(archived.versions.map((v) => v.state)).toEqual(['ARCHIVED', 'ARCHIVED']);
      const notified = await rows(
        hub,
        `SELECT count(*) FROM notification WHERE subject_id = $1 AND event_type = 'PROTOCOL_ARCHIVED'`,
        [published.id],
      );
      expect(notified).toEqual([{ count: '3' }]);

      const before = await hub.watermark();
      for (const [query, input] of [
        [PUBLISH, { versionId: must(withDraft.draft).id }],
        [UPDATE, { protocolId: published.id, expectedVersion: archived.version, body: 'x' }],
        [ARCHIVE, { protocolId: published.id }],
        [ACKNOWLEDGE, { versionId: must(published.currentVersion).id }],
      ] as const) {
        const response = await hub.gql(
          query,
          { input },
          { user: query === ACKNOWLEDGE ? 'ngo.lead' : COORDINATOR },
        );
        expect(codeOf(response)).toBe('ILLEGAL_TRANSITION');
      }
      await expectNothingWritten(hub, before, { allowDenied: true });
      // Members keep the history of what was in force.
      const read = await hub.gql<{ protocol: ProtocolView }>(
        READ,
        { id: published.id },
        { user: 'ngo.lead' },
      );
      expect(read.body.data?.protocol).toMatchObject({
        state: 'ARCHIVED',
        versions: [{ number: 1, state: 'ARCHIVED' }],
      });
    });
  });

  describe('acknowledge', () => {
    it.each(['ngo.lead', 'legal.lead', 'pd.supervisor'])(
      '%s (supervisor and agency admin) acknowledges on behalf of their agency',
      async (user) => {
        const published = await publishedProtocol(hub);
        const versionId = must(published.currentVersion).id;
        const response = await hub.gql<{ acknowledgeProtocol: { acknowledgement: Record<string, unknown> } }>(
          ACKNOWLEDGE,
          { input: { versionId } },
          { user },
        );
        expect(response.body.errors).toBeUndefined();
        const agencyId = must(DEMO_USERS.find((u) => u.username === user)).agencyId;
        expect(response.body.data?.acknowledgeProtocol.acknowledgement).toMatchObject({
          versionId,
          protocolId: published.id,
          agencyId,
          acknowledgedBy: sub(user),
        });
        // Acknowledging again is the same fact, not a new one.
        const before = await hub.watermark();
        const again = await hub.gql(ACKNOWLEDGE, { input: { versionId } }, { user });
        expect(again.body.errors).toBeUndefined();
        await expectNothingWritten(hub, before, { allowDenied: true });
      },
    );

    it.each(['ngo.caseworker', 'pd.investigator'])(
      '%s sees it but may not acknowledge (FORBIDDEN)',
      async (user) => {
        const published = await publishedProtocol(hub);
        const versionId = must(published.currentVersion).id;
        await expectRefused(user, ACKNOWLEDGE, { versionId }, 'FORBIDDEN', version(versionId));
      },
    );

    it('the TA provider in the audience reads it but may not acknowledge (no supervisor or admin role)', async () => {
      const published = await publishedProtocol(hub, { audience: ['TA_PROVIDER'] });
      const versionId = must(published.currentVersion).id;
      await expectRefused('ta.provider', ACKNOWLEDGE, { versionId }, 'FORBIDDEN', version(versionId));
    });

    it('the coordinator acknowledges only when their own agency is in the audience', async () => {
      const notAddressed = await publishedProtocol(hub);
      const versionId = must(notAddressed.currentVersion).id;
      await expectRefused(COORDINATOR, ACKNOWLEDGE, { versionId }, 'FORBIDDEN', version(versionId));
      const addressed = await publishedProtocol(hub, { audience: ['COORDINATOR'] });
      const ok = await hub.gql(
        ACKNOWLEDGE,
        { input: { versionId: must(addressed.currentVersion).id } },
        { user: COORDINATOR },
      );
      expect(ok.body.errors).toBeUndefined();
    });

    it("no one acknowledges on another agency's behalf, or a draft", async () => {
      const published = await publishedProtocol(hub);
      const versionId = must(published.currentVersion).id;
      await expectRefused(
        'ngo.lead',
        ACKNOWLEDGE,
        { versionId, agencyId: DEMO_AGENCY_IDS.bayviewPolice },
        'FORBIDDEN',
        version(versionId),
      );
      const withDraft = await editDraft(hub, published, { body: 'v2' });
      const draftId = must(withDraft.draft).id;
      await expectRefused('ngo.lead', ACKNOWLEDGE, { versionId: draftId }, 'NOT_FOUND', version(draftId));
      const addressed = await createProtocol(hub, { audience: ['COORDINATOR'] });
      const before = await hub.watermark();
      const draftAck = await hub.gql(
        ACKNOWLEDGE,
        { input: { versionId: must(addressed.draft).id } },
        { user: COORDINATOR },
      );
      expect(draftAck.body.errors?.[0]?.extensions).toMatchObject({
        code: 'ILLEGAL_TRANSITION',
        subjectType: 'ProtocolVersion',
        status: 'DRAFT',
        transition: 'acknowledge',
        allowed: ['publish', 'archive'],
      });
      await expectNothingWritten(hub, before, { allowDenied: true });
    });

    it('a new version needs its own acknowledgement; coordinators see who acknowledged and who is outstanding', async () => {
      const v1 = await publishedProtocol(hub, { title: 'Acknowledgement tracking protocol' });
      const v1Id = must(v1.currentVersion).id;
      const pendingOf = async (user: string) => {
        const { body } = await hub.gql<{
          pendingAcknowledgements: { edges: { node: { id: string; protocol: { id: string } } }[] };
        }>(PENDING, { first: 100 }, { user });
        expect(body.errors).toBeUndefined();
        return must(body.data).pendingAcknowledgements.edges.map((edge) => edge.node.id);
      };
      expect(await pendingOf('ngo.lead')).toContain(v1Id);
      expect(await pendingOf('ngo.caseworker')).toContain(v1Id);
      expect(await pendingOf('ta.provider')).not.toContain(v1Id);

      const ack = await hub.gql(ACKNOWLEDGE, { input: { versionId: v1Id } }, { user: 'ngo.lead' });
      expect(ack.body.errors).toBeUndefined();
      expect(await pendingOf('ngo.lead')).not.toContain(v1Id);
      expect(await pendingOf('legal.lead')).toContain(v1Id);

      type Statuses = {
        protocol: {
          versions: {
            id: string;
            acknowledgements: {
              agencyId: string;
              acknowledged: boolean;
              acknowledgedBy: string | null;
              agency: { name: string };
            }[];
          }[];
        };
      };
      const coordinatorView = await hub.gql<Statuses>(STATUSES, { id: v1.id }, { user: COORDINATOR });
      expect(coordinatorView.body.errors).toBeUndefined();
      const statuses = must(coordinatorView.body.data).protocol.versions[0].acknowledgements;
      expect(statuses.map((s) => [s.agencyId, s.acknowledged, s.acknowledgedBy]).sort()).toEqual(
        [
          [DEMO_AGENCY_IDS.harborLight, true, sub('ngo.lead')],
          [DEMO_AGENCY_IDS.safePassage, false, null],
          [DEMO_AGENCY_IDS.bayviewPolice, false, null],
        ].sort(),
      );
      expect(statuses.find((s) => s.agencyId === DEMO_AGENCY_IDS.harborLight)?.agency.name).toBe(
        'Harbor Light Survivor Services',
      );
      // A member agency sees its own status only.
      const memberView = await hub.gql<Statuses>(STATUSES, { id: v1.id }, { user: 'legal.lead' });
      expect(must(memberView.body.data).protocol.versions[0].acknowledgements).toEqual([
        expect.objectContaining({ agencyId: DEMO_AGENCY_IDS.safePassage, acknowledged: false }),
      ]);

      // Version 2: Harbor Light has to acknowledge again; version 1 can no longer be acknowledged.
      const withDraft = await editDraft(hub, v1, { body: 'Version 2' });
      const v2 = protocolOf(
        await hub.gql(PUBLISH, { input: { versionId: must(withDraft.draft).id } }, { user: COORDINATOR }),
      );
      const v2Id = must(v2.currentVersion).id;
      expect(await pendingOf('ngo.lead')).toContain(v2Id);
      expect(await pendingOf('ngo.lead')).not.toContain(v1Id);
      const before = await hub.watermark();
      const late = await hub.gql(ACKNOWLEDGE, { input: { versionId: v1Id } }, { user: 'legal.lead' });
      expect(codeOf(late)).toBe('ILLEGAL_TRANSITION');
      await expectNothingWritten(hub, before, { allowDenied: true });
      const afterV2 = await hub.gql<Statuses>(STATUSES, { id: v1.id }, { user: COORDINATOR });
      const [latest, previous] = must(afterV2.body.data).protocol.versions;
      expect(latest.acknowledgements.every((s) => !s.acknowledged)).toBe(true);
      expect(previous.acknowledgements.filter((s) => s.acknowledged).map((s) => s.agencyId)).toEqual([
        DEMO_AGENCY_IDS.harborLight,
      ]);
    });

    it('pendingAcknowledgements pages by keyset', async () => {
      await publishedProtocol(hub);
      await publishedProtocol(hub);
      await publishedProtocol(hub);
      const all: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page += 1) {
        const response: {
          body: {
            data?: {
              pendingAcknowledgements: {
                edges: { node: { id: string } }[];
                pageInfo: { hasNextPage: boolean; endCursor: string | null };
              };
            } | null;
          };
        } = await hub.gql(PENDING, { first: 2, after }, { user: 'pd.supervisor' });
        const connection = must(response.body.data).pendingAcknowledgements;
        all.push(...connection.edges.map((edge) => edge.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      const { body } = await hub.gql<{ pendingAcknowledgements: { edges: { node: { id: string } }[] } }>(
        PENDING,
        { first: 100 },
        { user: 'pd.supervisor' },
      );
      expect(all).toEqual(must(body.data).pendingAcknowledgements.edges.map((edge) => edge.node.id));
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(new Set(all).size).toBe(all.length);
    });
  });

  describe('availableActions (what the screen offers: the policy and the lifecycle)', () => {
    const ACTIONS = `query($id: ID!) { protocol(id: $id) { availableActions } }`;
    async function actionsOf(id: string, user: string): Promise<string[]> {
      const { body } = await hub.gql<{ protocol: { availableActions: string[] } }>(ACTIONS, { id }, { user });
      expect(body.errors).toBeUndefined();
      return must(body.data).protocol.availableActions;
    }

    it('each caller is offered exactly the mutations that would accept them, as the protocol moves', async () => {
      const created = await createProtocol(hub, { audience: ['NGO'] });
      expect(await actionsOf(created.id, COORDINATOR)).toEqual(['UPDATE_DRAFT', 'PUBLISH', 'ARCHIVE']);

      const published = protocolOf(
        await hub.gql(PUBLISH, { input: { versionId: must(created.draft).id } }, { user: COORDINATOR }),
      );
      // No draft to publish; the coordinating office is not in the audience, so it acknowledges nothing.
      expect(await actionsOf(published.id, COORDINATOR)).toEqual(['UPDATE_DRAFT', 'ARCHIVE']);
      expect(await actionsOf(published.id, 'ngo.lead')).toEqual(['ACKNOWLEDGE']);
      expect(await actionsOf(published.id, 'legal.lead')).toEqual(['ACKNOWLEDGE']);
      expect(await actionsOf(published.id, 'ngo.caseworker')).toEqual([]);

      const ack = await hub.gql(
        ACKNOWLEDGE,
        { input: { versionId: must(published.currentVersion).id } },
        { user: 'ngo.lead' },
      );
      expect(ack.body.errors).toBeUndefined();
      // Acknowledged for Harbor Light (by a colleague too): nothing left to do; Safe Passage still has it.
      expect(await actionsOf(published.id, 'ngo.lead')).toEqual([]);
      expect(await actionsOf(published.id, 'legal.lead')).toEqual(['ACKNOWLEDGE']);

      const withDraft = await editDraft(hub, published, { body: 'Version 2' });
      expect(await actionsOf(withDraft.id, COORDINATOR)).toEqual(['UPDATE_DRAFT', 'PUBLISH', 'ARCHIVE']);
      // The draft is not theirs to see; the version in force is still acknowledged.
      expect(await actionsOf(withDraft.id, 'ngo.lead')).toEqual([]);

      const archived = protocolOf(
        await hub.gql(
          ARCHIVE,
          { input: { protocolId: withDraft.id, expectedVersion: withDraft.version, reason: 'Replaced' } },
          { user: COORDINATOR },
        ),
      );
      expect(await actionsOf(archived.id, COORDINATOR)).toEqual([]);
    });

    it('the coordinator is offered ACKNOWLEDGE only when their own agency is in the audience', async () => {
      const addressed = await publishedProtocol(hub, { audience: ['COORDINATOR', 'NGO'] });
      expect(await actionsOf(addressed.id, COORDINATOR)).toEqual(['UPDATE_DRAFT', 'ARCHIVE', 'ACKNOWLEDGE']);
      // The TA provider reads it when addressed, but holds no acknowledging role.
      const forProviders = await publishedProtocol(hub, { audience: ['TA_PROVIDER'] });
      expect(await actionsOf(forProviders.id, 'ta.provider')).toEqual([]);
    });
  });

  describe('protocolPreview', () => {
    const PREVIEW = `query($body: String!) { protocolPreview(body: $body) { bodyHtml } }`;
    const BODY_HTML = `query($id: ID!) { protocol(id: $id) { currentVersion { bodyHtml } } }`;

    it('renders a body exactly as the published version will read, with the same sanitiser', async () => {
      const body =
        '# Intake\n\n<script>alert(1)</script> [call us](javascript:alert(1)) and [the line](https://example.org)\n\n| a | b |\n|:-|-:|\n| 1 | 2 |';
      const preview = await hub.gql<{ protocolPreview: { bodyHtml: string } }>(
        PREVIEW,
        { body },
        { user: COORDINATOR },
      );
      expect(preview.body.errors).toBeUndefined();
      const html = must(preview.body.data).protocolPreview.bodyHtml;
      expect(html).not.toContain('<script');
      // The unsafe link stays text, never a link.
      expect(html).not.toContain('href="javascript');
      expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">the line</a>');
      expect(html).toContain('<h1>Intake</h1>');

      const published = await publishedProtocol(hub, { body });
      const read = await hub.gql<{ protocol: { currentVersion: { bodyHtml: string } } }>(
        BODY_HTML,
        { id: published.id },
        { user: 'ngo.lead' },
      );
      expect(must(read.body.data).protocol.currentVersion.bodyHtml).toBe(html);
    });

    it('is for those who write protocols only, saves nothing, and refuses a body over the limit', async () => {
      for (const user of NON_COORDINATORS) {
        const before = await hub.watermark();
        const refused = await hub.gql(PREVIEW, { body: '# Hi' }, { user });
        expect({ user, code: codeOf(refused) }).toEqual({ user, code: 'FORBIDDEN' });
        await expectOnlyDenied(hub, before, {
          user,
          action: 'PREVIEW_PROTOCOL',
          subjectType: 'Protocol',
          subjectId: null,
        });
      }
      const before = await hub.watermark();
      const ok = await hub.gql(PREVIEW, { body: '' }, { user: COORDINATOR });
      expect(ok.body.data).toEqual({ protocolPreview: { bodyHtml: '' } });
      await expectNothingWritten(hub, before);
      const tooLong = await hub.gql(PREVIEW, { body: 'x'.repeat(30_001) }, { user: COORDINATOR });
      expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
      expect(tooLong.body.errors?.[0]?.extensions?.['problems']).toEqual([
        expect.objectContaining({ field: 'body' }),
      ]);
    });
  });

  describe('the README walk-through', () => {
    // The documents of the README's "Protocols" section, verbatim but for the ids filled in.
    const README_CREATE = `mutation { createProtocol(input: {
    taskForceId: "7f3c2a10-8e4b-4d2c-a1f0-000000000001", title: "Referral protocol",
    category: REFERRAL, audience: [NGO, LAW_ENFORCEMENT], reviewBy: "2029-12-31",
    body: "# Referral protocol\\n\\n1. Call the intake line.\\n2. Send the referral through the hub." })
  { protocol { id version draft { id number state } } } }`;
    const README_PUBLISH = (
      draftId: string,
    ) => `mutation { publishProtocolVersion(input: { versionId: "${draftId}", expectedVersion: 1 })
  { protocol { state currentVersion { id number effectiveDate bodyHtml } } } }`;
    const README_PENDING = `{ pendingAcknowledgements(first: 10) { edges { node { id number title protocol { id } } } } }`;
    const README_ACKNOWLEDGE = (
      versionId: string,
    ) => `mutation { acknowledgeProtocol(input: { versionId: "${versionId}" })
  { acknowledgement { agencyId acknowledgedBy acknowledgedAt } } }`;
    const README_STATUS = (
      protocolId: string,
    ) => `query { protocol(id: "${protocolId}") { title dueForReview currentVersion { number
    acknowledgements { agency { name } acknowledged acknowledgedAt } } } }`;

    it('runs as written', async () => {
      type Created = { createProtocol: { protocol: { id: string; version: number; draft: { id: string } } } };
      const created = await hub.gql<Created>(README_CREATE, {}, { user: COORDINATOR });
      expect(created.body.errors).toBeUndefined();
      const { id, draft } = must(created.body.data).createProtocol.protocol;
      type Published = {
        publishProtocolVersion: {
          protocol: { state: string; currentVersion: { id: string; bodyHtml: string } };
        };
      };
      const published = await hub.gql<Published>(README_PUBLISH(draft.id), {}, { user: COORDINATOR });
      expect(published.body.errors).toBeUndefined();
      const { state, currentVersion } = must(published.body.data).publishProtocolVersion.protocol;
      expect(state).toBe('PUBLISHED');
      expect(currentVersion.bodyHtml).toContain('<h1>Referral protocol</h1>');
      const pending = await hub.gql<{ pendingAcknowledgements: { edges: { node: { id: string } }[] } }>(
        README_PENDING,
        {},
        { user: 'ngo.lead' },
      );
      expect(pending.body.errors).toBeUndefined();
      const acknowledged = await hub.gql(README_ACKNOWLEDGE(currentVersion.id), {}, { user: 'ngo.lead' });
      expect(acknowledged.body.errors).toBeUndefined();
      type Status = {
        protocol: {
          currentVersion: { acknowledgements: { agency: { name: string }; acknowledged: boolean }[] };
        };
      };
      const status = await hub.gql<Status>(README_STATUS(id), {}, { user: COORDINATOR });
      expect(status.body.errors).toBeUndefined();
      expect(
        must(status.body.data).protocol.currentVersion.acknowledgements.map((a) => [
          a.agency.name,
          a.acknowledged,
        ]),
      ).toEqual([
        ['Bayview Police Department', false],
        ['Harbor Light Survivor Services', true],
        ['Safe Passage Legal Aid', false],
      ]);
    });
  });

  describe('outside the task force', () => {
    it('no one outside the task force sees anything of its protocols; its members do', async () => {
      const { protocolId, versionId } = await seedOutsideOnce();
      for (const user of ['ngo.lead', 'legal.lead', COORDINATOR, 'fed.liaison']) {
        const read = await hub.gql(READ, { id: protocolId }, { user });
        expect({ user, code: codeOf(read) }).toEqual({ user, code: 'NOT_FOUND' });
        expect(await listedIds(user)).not.toContain(protocolId);
        const { body } = await hub.gql<{ pendingAcknowledgements: { edges: { node: { id: string } }[] } }>(
          PENDING,
          { first: 100 },
          { user },
        );
        expect(must(body.data).pendingAcknowledgements.edges.map((edge) => edge.node.id)).not.toContain(
          versionId,
        );
      }
      await expectRefused(COORDINATOR, ARCHIVE, { protocolId }, 'NOT_FOUND', protocol(protocolId));
      await expectRefused(
        COORDINATOR,
        UPDATE,
        { protocolId, expectedVersion: 1, body: 'x' },
        'NOT_FOUND',
        protocol(protocolId),
      );
      await expectRefused('ngo.lead', ACKNOWLEDGE, { versionId }, 'NOT_FOUND', version(versionId));
      // The Bayview police are members of both task forces, and law enforcement is in the audience.
      const police = await hub.gql<{ protocol: ProtocolView }>(
        READ,
        { id: protocolId },
        { user: 'pd.supervisor' },
      );
      expect(police.body.data?.protocol.title).toBe('Harbor County information-sharing agreement');
      const ack = await hub.gql(ACKNOWLEDGE, { input: { versionId } }, { user: 'pd.supervisor' });
      expect(ack.body.errors).toBeUndefined();
    });
  });

  let outside: Promise<{ protocolId: string; versionId: string }> | undefined;
  function seedOutsideOnce(): Promise<{ protocolId: string; versionId: string }> {
    outside ??= seedOutsideTaskForce(hub);
    return outside;
  }
});
