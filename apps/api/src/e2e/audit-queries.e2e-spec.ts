import { demoUser, type TestHub } from '@hub/testing';
import { auditMaxId, auditOfRequest, auditWhere, send } from './audit-support';
import { startHub } from './hub';
import { move, POLICE, referralAt } from './referrals-lifecycle-support';
import {
  createSurvivor,
  CREATE_SURVIVOR,
  expectError,
  HARBOR,
  ok,
  personalData,
  SAFE_PASSAGE,
  SURVIVOR_BY_ID,
  SurvivorNode,
  tag,
} from './survivor-support';

/**
 * Issue 7, reading the trail: `auditEvents` shows an agency admin the events by their users and
 * on their records, an auditor everything, nobody else anything; every filter selects exactly
 * what it says; keyset pages visit each event once; the CSV export is RFC 4180 with formulas
 * neutralised and is for auditors only.
 */

const EVENTS = `query Events($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id occurredAt actorUserId actorAgencyId action subjectType subjectId fields purpose decision reason requestId subjectAgencyIds } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CSV = `query Csv($filter: AuditEventFilter, $limit: Int) { auditEventsCsv(filter: $filter, limit: $limit) }`;

interface EventNode {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  fields: string[];
  decision: string;
  subjectAgencyIds: string[];
}
type EventsPage = {
  auditEvents: {
    edges: { cursor: string; node: EventNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

/** RFC 4180: records separated by CRLF, fields by commas, quoted fields with doubled quotes inside. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`a bare line break outside quotes at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || record.length) throw new Error('the last record does not end with CRLF');
  return records;
}

const HEADER = [
  'id',
  'occurred_at',
  'actor_user_id',
  'actor_agency_id',
  'action',
  'subject_type',
  'subject_id',
  'fields',
  'purpose',
  'decision',
  'reason',
  'request_id',
  'subject_agency_ids',
];

describe('auditEvents and the CSV export (e2e)', () => {
  let hub: TestHub;
  let harborSurvivor: SurvivorNode;
  let passageSurvivor: SurvivorNode;
  let acknowledgedReferral: string;

  beforeAll(async () => {
    hub = await startHub();
    // Harbor Light's own record; Safe Passage's own record, read by its staff; a referral from
    // Harbor Light acknowledged by Safe Passage (an event by Safe Passage on a Harbor Light
    // record); a refusal (ta.provider may not create survivors); police activity.
    harborSurvivor = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
    ok(await hub.gql(SURVIVOR_BY_ID('id givenName'), { id: harborSurvivor.id }, { user: 'ngo.caseworker' }));
    passageSurvivor = await createSurvivor(hub, 'legal.caseworker', personalData(tag()));
    ok(
      await hub.gql(SURVIVOR_BY_ID('id givenName phone'), { id: passageSurvivor.id }, { user: 'legal.lead' }),
    );
    const sent = await referralAt(hub, 'SENT');
    acknowledgedReferral = (await move(hub, 'legal.caseworker', 'acknowledge', sent)).id;
    expectError(
      await hub.gql(CREATE_SURVIVOR, { input: personalData(tag()) }, { user: 'ta.provider' }),
      'FORBIDDEN',
    );
    await createSurvivor(hub, 'pd.investigator', personalData(tag()));
    await referralAt(hub, 'SENT', {
      sender: 'pd.investigator',
      recipient: 'ngo.caseworker',
      input: { toAgencyId: HARBOR },
    });
    await referralAt(hub, 'SENT', {
      sender: 'legal.caseworker',
      recipient: 'pd.investigator',
      input: { toAgencyId: POLICE },
    });
  });
  afterAll(async () => {
    await hub.close();
  });

  /** Every event `user` gets for `filter`, page by page (newest first), and the number of pages. */
  async function walk(user: string, filter: Record<string, unknown> = {}, first = 50) {
    const nodes: EventNode[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: EventsPage = ok(await hub.gql<EventsPage>(EVENTS, { filter, first, after }, { user }));
      pages += 1;
      expect(data.auditEvents.edges.length).toBeLessThanOrEqual(first);
      nodes.push(...data.auditEvents.edges.map((edge) => edge.node));
      if (!data.auditEvents.pageInfo.hasNextPage) break;
      after = data.auditEvents.pageInfo.endCursor;
      if (pages > 1000) throw new Error('paging does not end');
    }
    return { ids: nodes.map((node) => node.id), nodes, pages };
  }

  /** The oracle: ids of the events up to `maxId` matching a SQL condition, newest first. */
  async function oracle(maxId: number, condition = 'true', params: unknown[] = []): Promise<string[]> {
    const rows = await hub.asOwner(
      (ds) =>
        ds.query(
          `SELECT id::text FROM audit_event e WHERE e.id <= ${maxId} AND (${condition})
            ORDER BY e.occurred_at DESC, e.id DESC`,
          params,
        ) as Promise<{ id: string }[]>,
    );
    return rows.map((row) => row.id);
  }

  const harborSees = (agency: string) =>
    `(e.actor_agency_id = '${agency}' OR '${agency}' = ANY (e.subject_agency_ids))`;

  describe('visibility', () => {
    it('an agency admin (ngo.lead) sees exactly the events by Harbor Light users and on Harbor Light records', async () => {
      const maxId = await auditMaxId(hub);
      const { ids, nodes } = await walk('ngo.lead');
      expect(ids).toEqual(await oracle(maxId, harborSees(HARBOR)));
      for (const node of nodes) {
        expect(node.actorAgencyId === HARBOR || node.subjectAgencyIds.includes(HARBOR)).toBe(true);
      }
      const seen = (action: string, subjectId: string, actor: string) =>
        nodes.some(
          (n) => n.action === action && n.subjectId === subjectId && n.actorUserId === demoUser(actor).sub,
        );
      expect(seen('CREATE_SURVIVOR', harborSurvivor.id, 'ngo.caseworker')).toBe(true);
      // By a Safe Passage user, on a Harbor Light record.
      expect(seen('ACKNOWLEDGE_REFERRAL', acknowledgedReferral, 'legal.caseworker')).toBe(true);
      // Safe Passage's own business is not Harbor Light's.
      expect(nodes.some((n) => n.subjectId === passageSurvivor.id)).toBe(false);
    });

    it('Safe Passage’s admin (legal.lead) sees Safe Passage’s events, not Harbor Light’s own', async () => {
      const maxId = await auditMaxId(hub);
      const { ids, nodes } = await walk('legal.lead');
      expect(ids).toEqual(await oracle(maxId, harborSees(SAFE_PASSAGE)));
      expect(nodes.some((n) => n.subjectId === passageSurvivor.id && n.action === 'CREATE_SURVIVOR')).toBe(
        true,
      );
      expect(nodes.some((n) => n.subjectId === harborSurvivor.id)).toBe(false);
    });

    it('tf.auditor sees every event', async () => {
      const maxId = await auditMaxId(hub);
      const { ids } = await walk('tf.auditor', {}, 100);
      expect(ids).toEqual(await oracle(maxId));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it.each(['ngo.caseworker', 'legal.caseworker', 'pd.investigator', 'fed.liaison', 'ta.provider'])(
      'is FORBIDDEN for %s (neither agency admin nor auditor)',
      async (user) => {
        expectError(await hub.gql(EVENTS, { first: 5 }, { user }), 'FORBIDDEN');
      },
    );

    it('a refused read of the audit trail is itself audited (DENIED)', async () => {
      const refused: [string, string][] = [
        ['ngo.caseworker', `{ auditEvents(first: 5) { edges { node { id } } } }`],
        ['ngo.lead', `{ auditEventsCsv }`],
        ['ngo.lead', `{ verifyAuditTrail { ok } }`],
      ];
      for (const [user, query] of refused) {
        const response = await send(hub, { user }, query);
        expectError(response, 'FORBIDDEN');
        const rows = await auditOfRequest(hub, response.requestId);
        expect(rows.map((row) => [row.actor_user_id, row.subject_type, row.decision])).toEqual([
          [demoUser(user).sub, 'AuditTrail', 'DENIED'],
        ]);
      }
    });
  });

  describe('filters (as tf.auditor, each against the database)', () => {
    const cases: [string, () => Record<string, unknown>, () => [string, unknown[]]][] = [
      [
        'actor',
        () => ({ actorUserId: demoUser('legal.caseworker').sub }),
        () => [`e.actor_user_id = $1`, [demoUser('legal.caseworker').sub]],
      ],
      ['agency (actor or records)', () => ({ agencyId: SAFE_PASSAGE }), () => [harborSees(SAFE_PASSAGE), []]],
      [
        'subject',
        () => ({ subjectType: 'Survivor', subjectId: harborSurvivor.id }),
        () => [`e.subject_type = 'Survivor' AND e.subject_id = $1`, [harborSurvivor.id]],
      ],
      ['action', () => ({ action: 'CREATE_SURVIVOR' }), () => [`e.action = 'CREATE_SURVIVOR'`, []]],
      ['decision', () => ({ decision: 'DENIED' }), () => [`e.decision = 'DENIED'`, []]],
      [
        'several at once',
        () => ({ agencyId: HARBOR, action: 'READ_SURVIVOR', decision: 'ALLOWED' }),
        () => [`${harborSees(HARBOR)} AND e.action = 'READ_SURVIVOR' AND e.decision = 'ALLOWED'`, []],
      ],
    ];

    it.each(cases)('by %s', async (_name, filter, sql) => {
      const maxId = await auditMaxId(hub);
      const [condition, params] = sql();
      const expected = await oracle(maxId, condition, params);
      expect(expected.length).toBeGreaterThan(0);
      expect((await walk('tf.auditor', filter(), 4)).ids).toEqual(expected);
    });

    it('by time: from (inclusive) and to (exclusive)', async () => {
      const maxId = await auditMaxId(hub);
      const all = await auditWhere(hub, `id <= $1`, [maxId]);
      const times = [...new Set(all.map((row) => row.occurred_at.getTime()))].sort((a, b) => a - b);
      const from = new Date(times[Math.floor(times.length / 4)]);
      const to = new Date(times[Math.floor((3 * times.length) / 4)]);
      const expected = await oracle(maxId, `e.occurred_at >= $1 AND e.occurred_at < $2`, [from, to]);
      expect(expected.length).toBeGreaterThan(1);
      const { ids } = await walk('tf.auditor', { from: from.toISOString(), to: to.toISOString() }, 5);
      expect(ids).toEqual(expected);
    });

    it('a filter never widens what an agency admin sees (ngo.lead filtering by Safe Passage)', async () => {
      const maxId = await auditMaxId(hub);
      const expected = await oracle(maxId, `${harborSees(HARBOR)} AND ${harborSees(SAFE_PASSAGE)}`);
      expect(expected.length).toBeGreaterThan(0);
      expect((await walk('ngo.lead', { agencyId: SAFE_PASSAGE }, 3)).ids).toEqual(expected);
    });

    it.each([
      [{ action: 'read survivor' }],
      [{ subjectType: 'Survivor; DROP' }],
      [{ agencyId: 'not-a-uuid' }],
      [{ from: 'yesterday' }],
    ])('a malformed filter %j is BAD_USER_INPUT', async (filter) => {
      const response = await hub.gql(EVENTS, { filter, first: 5 }, { user: 'tf.auditor' });
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('keyset paging', () => {
    it('small pages visit each event exactly once, in order, and agree with one big page', async () => {
      const maxId = await auditMaxId(hub);
      const expected = await oracle(maxId);
      const small = await walk('tf.auditor', {}, 7);
      expect(small.ids).toEqual(expected);
      expect(new Set(small.ids).size).toBe(small.ids.length);
      expect(small.pages).toBe(Math.max(1, Math.ceil(expected.length / 7)));
    });

    it('events written while paging do not shift or repeat later pages', async () => {
      const maxId = await auditMaxId(hub);
      const expected = await oracle(maxId);
      const ids: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 1000; page += 1) {
        const data: EventsPage = ok(
          await hub.gql<EventsPage>(EVENTS, { first: 5, after }, { user: 'tf.auditor' }),
        );
        ids.push(...data.auditEvents.edges.map((edge) => edge.node.id));
        // Someone else keeps working meanwhile.
        ok(
          await hub.gql(
            SURVIVOR_BY_ID('id givenName'),
            { id: harborSurvivor.id },
            { user: 'ngo.caseworker' },
          ),
        );
        if (!data.auditEvents.pageInfo.hasNextPage) break;
        after = data.auditEvents.pageInfo.endCursor;
      }
      expect(ids).toEqual(expected);
    });

    it.each(['nonsense', Buffer.from(JSON.stringify(['2026-01-01', '1'])).toString('base64url')])(
      'a cursor that is not one of this list’s (%s) is BAD_USER_INPUT',
      async (after) => {
        const response = await hub.gql(EVENTS, { first: 5, after }, { user: 'tf.auditor' });
        expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      },
    );
  });

  describe('auditEventsCsv', () => {
    it('as tf.auditor: RFC 4180 with a header row, CRLF, every value quoted, quotes doubled, line breaks kept, formulas neutralised', async () => {
      const subject = `csv-${tag()}`;
      await hub.asOwner((ds) =>
        ds.query(
          `INSERT INTO audit_event (occurred_at, actor_user_id, actor_agency_id, action, subject_type, subject_id, fields, purpose, decision, reason, request_id, subject_agency_ids)
           VALUES (now(), '@attacker', $2, 'READ_SURVIVOR', 'Survivor', $1, '{+givenName,phone}', 'SERVICE', 'ALLOWED',
                   $3, '-request-1', ARRAY[$2::uuid])`,
          [subject, HARBOR, '=HYPERLINK("http://evil.example","click, here")\r\nsecond line'],
        ),
      );
      const response = await send<{ auditEventsCsv: string }>(hub, { user: 'tf.auditor' }, CSV, {
        filter: { subjectId: subject },
      });
      const text = ok(response).auditEventsCsv;
      expect(text.startsWith(`${HEADER.join(',')}\r\n`)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text).toContain('""http://evil.example""');
      const [header, ...records] = parseCsv(text);
      expect(header).toEqual(HEADER);
      expect(records).toHaveLength(1);
      const row = Object.fromEntries(HEADER.map((name, i) => [name, records[0][i]]));
      expect(records[0]).toHaveLength(HEADER.length);
      expect(row).toEqual({
        id: expect.stringMatching(/^\d+$/),
        occurred_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        actor_user_id: "'@attacker",
        actor_agency_id: HARBOR,
        action: 'READ_SURVIVOR',
        subject_type: 'Survivor',
        subject_id: subject,
        fields: "'+givenName phone",
        purpose: 'SERVICE',
        decision: 'ALLOWED',
        reason: `'=HYPERLINK("http://evil.example","click, here")\r\nsecond line`,
        request_id: "'-request-1",
        subject_agency_ids: HARBOR,
      });
      // Every value is quoted (the header is not); empty values stay empty.
      const line = text.split('\r\n')[1];
      expect(line.startsWith('"')).toBe(true);
      // The export is audited, with its filter.
      const audit = await auditOfRequest(hub, response.requestId);
      expect(audit.map((r) => [r.action, r.decision, r.reason])).toEqual([
        ['EXPORT_AUDIT_TRAIL', 'ALLOWED', `filter: ${JSON.stringify({ subjectId: subject })}`],
      ]);
    });

    it('lists the same events as auditEvents for the same filter, newest first, and honours limit', async () => {
      const maxId = await auditMaxId(hub);
      const filter = { action: 'CREATE_SURVIVOR' };
      const csv = ok(
        await hub.gql<{ auditEventsCsv: string }>(CSV, { filter }, { user: 'tf.auditor' }),
      ).auditEventsCsv;
      const ids = parseCsv(csv)
        .slice(1)
        .map((record) => record[0])
        .filter((id) => Number(id) <= maxId);
      expect(ids).toEqual(await oracle(maxId, `e.action = 'CREATE_SURVIVOR'`));
      const limited = ok(
        await hub.gql<{ auditEventsCsv: string }>(CSV, { filter, limit: 2 }, { user: 'tf.auditor' }),
      );
      expect(parseCsv(limited.auditEventsCsv)).toHaveLength(3);
    });

    it.each(['ngo.lead', 'legal.lead', 'ngo.caseworker'])('is FORBIDDEN for %s', async (user) => {
      expectError(await hub.gql(CSV, {}, { user }), 'FORBIDDEN');
    });
  });
});
