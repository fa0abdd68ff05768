import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { expectNothingWritten, expectOnlyDenied, TestHub } from '@hub/testing';
import { codeOf, must } from './e2e-support';
import { startHub } from './hub';
import {
  ACKNOWLEDGE,
  ARCHIVE,
  COORDINATOR,
  CREATE,
  createProtocol,
  editDraft,
  LIST,
  protocolInput,
  protocolOf,
  PUBLISH,
  publishedProtocol,
  UPDATE,
} from './protocols-support';

/** Bad input to the protocol operations: a clear error naming the problem, and nothing changed. */

const MAX_BODY = 30_000;
const SANITISED = `query($id: ID!) { protocol(id: $id) { currentVersion { body bodyHtml } draft { body bodyHtml } } }`;

type Problem = { field: string; message: string };

describe('protocols: bad input and sanitised Markdown (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  /**
   * The call fails with `code`, names `field` (when given) and writes nothing at all, or (`denied`,
   * for FORBIDDEN and NOT_FOUND, which the kernel audits) nothing but its one DENIED audit row.
   * Returns the error's extensions.
   */
  async function expectRejected(
    query: string,
    input: Record<string, unknown>,
    code: string,
    field?: string,
    user = COORDINATOR,
    denied?: { action: string; subjectType: string; subjectId: string | null },
  ): Promise<Record<string, unknown>> {
    const before = await hub.watermark();
    const response = await hub.gql(query, { input }, { user });
    expect(codeOf(response)).toBe(code);
    expect(response.body.data ?? null).toBeNull();
    const error = must(response.body.errors?.[0]);
    if (field) {
      const problems = (error.extensions?.problems ?? []) as Problem[];
      expect(problems.map((p) => p.field)).toContain(field);
    }
    if (denied)
      await expectOnlyDenied(hub, before, {
        user,
        ...denied,
        reason: code === 'NOT_FOUND' ? 'NOT_FOUND' : null,
      });
    else await expectNothingWritten(hub, before);
    return error.extensions ?? {};
  }

  describe('createProtocol', () => {
    it.each([
      ['an empty title', { title: '' }, 'title'],
      ['a blank title', { title: '   \n ' }, 'title'],
      ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
      ['an empty body', { body: '' }, 'body'],
      [`a body over ${MAX_BODY} characters`, { body: 'x'.repeat(MAX_BODY + 1) }, 'body'],
      ['an empty audience', { audience: [] }, 'audience'],
      ['an audience listing a type twice', { audience: ['NGO', 'NGO'] }, 'audience'],
      ['a review-by date that is not a date', { reviewBy: '2026-02-30' }, 'reviewBy'],
      [
        'a review-by date before the effective date',
        { effectiveDate: '2030-01-01', reviewBy: '2029-12-31' },
        'reviewBy',
      ],
      ['a date out of range', { effectiveDate: '1899-01-01' }, 'effectiveDate'],
      ['a summary over 2,000 characters', { summaryOfChanges: 'x'.repeat(2001) }, 'summaryOfChanges'],
      [
        'an owner agency outside the task force',
        { ownerAgencyId: '0a6e1d3c-5b1f-4c11-9d1a-00000000ffff' },
        'ownerAgencyId',
      ],
      ['a task force id that is no id', { taskForceId: 'bay-county' }, 'taskForceId'],
    ])('refuses %s (BAD_USER_INPUT)', async (_name, overrides, field) => {
      await expectRejected(CREATE, protocolInput(overrides), 'BAD_USER_INPUT', field);
    });

    it('accepts a body of exactly the limit', async () => {
      const created = await createProtocol(hub, { body: 'x'.repeat(MAX_BODY) });
      expect(must(created.draft).body).toHaveLength(MAX_BODY);
    });

    it.each([
      ['an unknown audience type', { audience: ['NGO', 'MILITIA'] }, 'audience[1]'],
      ['an unknown category', { category: 'POLICY' }, 'category'],
    ])('refuses %s (BAD_USER_INPUT, from the schema)', async (_name, overrides, field) => {
      await expectRejected(CREATE, protocolInput(overrides), 'BAD_USER_INPUT', field);
    });

    it('answers NOT_FOUND (audited DENIED) for a task force that does not exist', async () => {
      const taskForceId = '7f3c2a10-8e4b-4d2c-a1f0-00000000ffff';
      await expectRejected(CREATE, protocolInput({ taskForceId }), 'NOT_FOUND', undefined, COORDINATOR, {
        action: 'CREATE_PROTOCOL',
        subjectType: 'TaskForce',
        subjectId: taskForceId,
      });
    });
  });

  describe('updateProtocolDraft', () => {
    it.each([
      ['nothing to change', {}, undefined],
      ['a null title', { title: null }, 'title'],
      ['a blank body', { body: ' ' }, 'body'],
      [`a body over ${MAX_BODY} characters`, { body: 'y'.repeat(MAX_BODY + 1) }, 'body'],
      ['an unknown audience type', { audience: ['SHERIFF'] }, undefined],
      [
        'a review-by date before the effective date',
        { effectiveDate: '2031-05-01', reviewBy: '2031-04-30' },
        'reviewBy',
      ],
      ['an expectedVersion of 0', { expectedVersion: 0 }, 'expectedVersion'],
    ])('refuses %s (BAD_USER_INPUT)', async (_name, changes, field) => {
      const created = await createProtocol(hub);
      await expectRejected(
        UPDATE,
        { protocolId: created.id, expectedVersion: created.version, ...changes },
        'BAD_USER_INPUT',
        field,
      );
    });

    it('clears optional fields with null', async () => {
      const created = await createProtocol(hub, { effectiveDate: '2030-01-01', reviewBy: '2032-01-01' });
      const edited = await editDraft(hub, created, {
        effectiveDate: null,
        reviewBy: null,
        summaryOfChanges: null,
      });
      expect(edited.draft).toMatchObject({ effectiveDate: null, reviewBy: null, summaryOfChanges: null });
    });
  });

  describe('publishing and archiving', () => {
    it('publishing an archived protocol is an illegal transition', async () => {
      const created = await createProtocol(hub);
      const archived = protocolOf(
        await hub.gql(ARCHIVE, { input: { protocolId: created.id } }, { user: COORDINATOR }),
      );
      expect(archived.state).toBe('ARCHIVED');
      const extensions = await expectRejected(
        PUBLISH,
        { versionId: must(created.draft).id },
        'ILLEGAL_TRANSITION',
      );
      expect(extensions).toMatchObject({
        code: 'ILLEGAL_TRANSITION',
        subjectType: 'Protocol',
        status: 'ARCHIVED',
        transition: 'publish',
        allowed: [],
      });
    });

    it("the kernel's order: a stale expectedVersion on an archived protocol is CONFLICT, not ILLEGAL_TRANSITION", async () => {
      const created = await createProtocol(hub);
      const archived = protocolOf(
        await hub.gql(
          ARCHIVE,
          { input: { protocolId: created.id, expectedVersion: created.version } },
          { user: COORDINATOR },
        ),
      );
      expect(archived.version).toBe(created.version + 1);
      for (const [query, input] of [
        [PUBLISH, { versionId: must(created.draft).id, expectedVersion: created.version }],
        [UPDATE, { protocolId: created.id, expectedVersion: created.version, body: 'Too late' }],
        [ARCHIVE, { protocolId: created.id, expectedVersion: created.version }],
      ] as const) {
        await expectRejected(query, input, 'CONFLICT');
      }
      // With the current version, the same calls meet the lifecycle.
      await expectRejected(
        ARCHIVE,
        { protocolId: created.id, expectedVersion: archived.version },
        'ILLEGAL_TRANSITION',
      );
    });

    it('publishing a draft already due for review is refused', async () => {
      const created = await createProtocol(hub, { reviewBy: '2021-01-01' });
      await expectRejected(PUBLISH, { versionId: must(created.draft).id }, 'BAD_USER_INPUT', 'reviewBy');
    });

    it('publishing with a stale expectedVersion is a CONFLICT', async () => {
      const created = await createProtocol(hub);
      await editDraft(hub, created, { body: 'Changed after review' });
      await expectRejected(
        PUBLISH,
        { versionId: must(created.draft).id, expectedVersion: created.version },
        'CONFLICT',
      );
    });

    it('an id that is no id is BAD_USER_INPUT; an unknown one NOT_FOUND', async () => {
      await expectRejected(PUBLISH, { versionId: 'v1' }, 'BAD_USER_INPUT', 'versionId');
      const unknown = '00000000-0000-4000-8000-000000000000';
      await expectRejected(PUBLISH, { versionId: unknown }, 'NOT_FOUND', undefined, COORDINATOR, {
        action: 'PUBLISH_PROTOCOL_VERSION',
        subjectType: 'ProtocolVersion',
        subjectId: unknown,
      });
      await expectRejected(ARCHIVE, { protocolId: unknown }, 'NOT_FOUND', undefined, COORDINATOR, {
        action: 'ARCHIVE_PROTOCOL',
        subjectType: 'Protocol',
        subjectId: unknown,
      });
    });
  });

  describe('acknowledgeProtocol', () => {
    it('acknowledging a draft is refused: NOT_FOUND to a member, ILLEGAL_TRANSITION to a coordinator', async () => {
      const created = await createProtocol(hub, { audience: ['NGO', 'COORDINATOR'] });
      const versionId = must(created.draft).id;
      await expectRejected(ACKNOWLEDGE, { versionId }, 'NOT_FOUND', undefined, 'ngo.lead', {
        action: 'ACKNOWLEDGE_PROTOCOL',
        subjectType: 'ProtocolVersion',
        subjectId: versionId,
      });
      await expectRejected(ACKNOWLEDGE, { versionId }, 'ILLEGAL_TRANSITION', undefined, COORDINATOR);
    });

    it("acknowledging on another agency's behalf is refused", async () => {
      const published = await publishedProtocol(hub);
      const versionId = must(published.currentVersion).id;
      await expectRejected(
        ACKNOWLEDGE,
        { versionId, agencyId: DEMO_AGENCY_IDS.safePassage },
        'FORBIDDEN',
        undefined,
        'ngo.lead',
        { action: 'ACKNOWLEDGE_PROTOCOL', subjectType: 'ProtocolVersion', subjectId: versionId },
      );
    });
  });

  describe('list arguments', () => {
    it.each([
      ['a cursor from nowhere', { after: 'not-a-cursor' }],
      ['a page size over 100', { first: 101 }],
      ['blank search words', { text: '   ' }],
    ])('refuses %s', async (_name, variables) => {
      const response = await hub.gql(LIST, variables, { user: COORDINATOR });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
    });
  });

  describe('Markdown comes back sanitised', () => {
    const HOSTILE = [
      '# Screening protocol',
      '<script>alert("x")</script>',
      '<img src="x" onerror="alert(1)"> <a href="https://example.org" onclick="steal()">partner</a>',
      '[Open the form](javascript:alert(document.cookie)) and [the guide](https://example.org/guide).',
      '<iframe src="https://evil.example"></iframe>',
    ].join('\n\n');

    function expectSafe(html: string): void {
      expect(html).not.toMatch(/<script|<img|<iframe/i);
      expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/href\s*=\s*"\s*javascript:/i);
    }

    it('in the draft and in the published version, while the Markdown is kept as written', async () => {
      const created = await createProtocol(hub, { body: HOSTILE });
      const draftView = await hub.gql<{ protocol: { draft: { body: string; bodyHtml: string } } }>(
        SANITISED,
        { id: created.id },
        { user: COORDINATOR },
      );
      const draft = must(draftView.body.data).protocol.draft;
      expect(draft.body).toBe(HOSTILE);
      expect(draft.bodyHtml).toContain('<h1>Screening protocol</h1>');
      expect(draft.bodyHtml).toContain(
        '<a href="https://example.org/guide" rel="noopener noreferrer nofollow">the guide</a>',
      );
      expectSafe(draft.bodyHtml);

      await hub.gql(PUBLISH, { input: { versionId: must(created.draft).id } }, { user: COORDINATOR });
      const memberView = await hub.gql<{ protocol: { currentVersion: { bodyHtml: string } } }>(
        SANITISED,
        { id: created.id },
        { user: 'ngo.caseworker' },
      );
      expect(memberView.body.errors).toBeUndefined();
      expectSafe(must(memberView.body.data).protocol.currentVersion.bodyHtml);
    });
  });
});
