import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, GraphQLField, GraphQLObjectType, isLeafType } from 'graphql';
import pg from 'pg';
import { AGENCY_FIELD_COLUMNS } from '@hub/agencies';
import { REFERRAL_FIELD_COLUMNS } from '@hub/referrals';
import { TestHub } from '@hub/testing';
import { startHub } from './hub';
import { move, pastDeadline, referralAt } from './referrals-lifecycle-support';
import { createReferral, HARBOR, SAFE_PASSAGE, transition } from './referrals-race-support';
import {
  consentInput,
  createSurvivor,
  ok,
  personalData,
  recordConsent,
  REVOKE_CONSENT,
  tag,
} from './survivor-support';

/**
 * Bounded cost (issue 4, DESIGN.md §6): a page of 50 referrals with their agencies, needs,
 * survivor fields and last event costs the same number of SQL statements as a page of 1. The
 * statements are counted at the `pg` driver (Client.prototype.query, which every pooled
 * connection of the in-process API goes through), BEGIN/COMMIT included.
 */

const PAGE = `query($box: ReferralBox!, $first: Int) {
  referrals(box: $box, first: $first) {
    counts { received }
    edges { node { id status needs fromAgency { name } toAgency { name }
      survivor { reference givenName } lastEvent { toStatus } availableActions } }
  }
}`;
/** The inbox as the benchmark's W1 asks for it (tools/bench/src/workloads.ts): no counts, no personal field. */
const INBOX = `query($box: ReferralBox!, $first: Int) {
  referrals(box: $box, first: $first) {
    edges { node { id status urgency needs createdAt fromAgency { id name } lastEvent { toStatus occurredAt }
      survivor { reference } } }
    pageInfo { hasNextPage }
  }
}`;
const CONSENT_CLASSES = ['IDENTITY', 'CONTACT', 'NEEDS', 'NARRATIVE'];
/**
 * Every subset of the consent's classes that holds IDENTITY (8 of them): what a referral may share.
 * Each discloses the name asked for, so a page of 1 and a page of 50 both write their one
 * disclosure audit row and differ in nothing but their size.
 */
const SUBSETS = Array.from({ length: 8 }, (_, n) => [
  'IDENTITY',
  ...CONSENT_CLASSES.slice(1).filter((_, bit) => n & (1 << bit)),
]);

interface Node {
  id: string;
  status: string;
  needs: string[];
  fromAgency: { name: string };
  toAgency: { name: string };
  survivor: { reference: string; givenName: string | null } | null;
  lastEvent: { toStatus: string } | null;
  availableActions: string[];
}
type Page = { referrals: { counts: { received: number }; edges: { node: Node }[] } };

/** A statement as the results print it. */
const short = (sql: string) => sql.slice(0, 120);

type Query = (...args: unknown[]) => unknown;
const clientPrototype = pg.Client.prototype as unknown as { query: Query };
const driverQuery = clientPrototype.query;
const counter = { on: false, statements: [] as string[] };

describe('referrals inbox: statements per request do not grow with the page (e2e, counted at pg)', () => {
  jest.setTimeout(180_000);
  let hub: TestHub;
  const tokens: Record<string, string> = {};
  const survivors: { id: string; consentId: string; givenName: string }[] = [];
  /** Referral id → the classes it shares. */
  const shared = new Map<string, string[]>();
  const results: string[] = [];

  beforeAll(async () => {
    clientPrototype.query = function (this: unknown, ...args: unknown[]) {
      if (counter.on) {
        const first = args[0];
        const text = typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '?');
        counter.statements.push(text.replace(/\s+/g, ' '));
      }
      return driverQuery.apply(this, args);
    };
    // No background sealing of audit events while statements are counted.
    hub = await startHub({ env: { AUDIT_SEAL_INTERVAL_SECONDS: '0' } });
    // One token per user for the whole suite: a first sight of a token costs a sign-in record.
    for (const user of ['ngo.caseworker', 'legal.caseworker']) tokens[user] = await hub.idp.tokenFor(user);

    // 50 survivors of Harbor Light, each with a consent naming Safe Passage for SERVICE.
    for (let batch = 0; batch < 10; batch += 1) {
      await Promise.all(
        Array.from({ length: 5 }, async () => {
          const t = tag();
          const survivor = await createSurvivor(hub, 'ngo.caseworker', personalData(t));
          const consent = await recordConsent(
            hub,
            'ngo.caseworker',
            consentInput(survivor.id, { dataClasses: CONSENT_CLASSES }),
          );
          survivors.push({ id: survivor.id, consentId: consent.id, givenName: `Amaru${t}` });
        }),
      );
    }
  });

  afterAll(async () => {
    clientPrototype.query = driverQuery;
    process.stdout.write(`${results.join('\n')}\n`);
    await hub?.close();
  });

  /** One sent referral per survivor, each sharing what `classesOf(i)` says. */
  async function seedReferrals(classesOf: (i: number) => string[]): Promise<void> {
    for (let batch = 0; batch < 10; batch += 1) {
      await Promise.all(
        survivors.slice(batch * 5, batch * 5 + 5).map(async (s, k) => {
          const classes = classesOf(batch * 5 + k);
          const draft = await createReferral(hub, 'ngo.caseworker', {
            toAgencyId: SAFE_PASSAGE,
            needs: ['LEGAL', 'IMMIGRATION_LEGAL'],
            urgency: 'ROUTINE',
            survivorId: s.id,
            consentId: s.consentId,
            sharedClasses: classes,
          });
          const sent = await transition(hub, 'ngo.caseworker', 'sendReferral', {
            referralId: draft.id,
            expectedVersion: draft.version,
          });
          expect(sent.status).toBe('SENT');
          shared.set(sent.id, classes);
        }),
      );
    }
  }

  async function page(user: string, box: string, first: number, query = PAGE): Promise<Page['referrals']> {
    return ok(await hub.gql<Page>(query, { box, first }, { token: tokens[user] })).referrals;
  }

  /** The statements of one request, after the same request once uncounted (warm pool, caches, sign-in). */
  async function statementsOf(user: string, box: string, first: number, query = PAGE) {
    await page(user, box, first, query);
    counter.statements = [];
    counter.on = true;
    let result: Page['referrals'];
    try {
      result = await page(user, box, first, query);
    } finally {
      counter.on = false;
    }
    return { statements: [...counter.statements], result };
  }

  /** Every node is complete: agencies, needs, last event, and the survivor as the caller may see them. */
  function checkNodes(user: string, nodes: Node[]): void {
    const byId = new Map(survivors.map((s) => [s.givenName, s]));
    for (const node of nodes) {
      const classes = shared.get(node.id);
      expect(classes).toBeDefined();
      expect(node).toMatchObject({
        status: 'SENT',
        needs: ['LEGAL', 'IMMIGRATION_LEGAL'],
        fromAgency: { name: 'Harbor Light Survivor Services' },
        toAgency: { name: 'Safe Passage Legal Aid' },
        lastEvent: { toStatus: 'SENT' },
        // Judged from the loaded record: no statement of its own.
        availableActions:
          user === 'ngo.caseworker' ? ['WITHDRAW', 'MESSAGE'] : ['ACKNOWLEDGE', 'DECLINE', 'MESSAGE'],
      });
      expect(node.survivor?.reference).toMatch(/^S-/);
      // The owner sees the name; the recipient only through a referral that shares IDENTITY.
      const seesName = user === 'ngo.caseworker' || (classes ?? []).includes('IDENTITY');
      if (seesName) expect(byId.has(node.survivor?.givenName ?? '')).toBe(true);
      else expect(node.survivor?.givenName).toBeNull();
    }
  }

  async function compare(label: string, user: string, box: 'RECEIVED' | 'SENT', total: number) {
    const one = await statementsOf(user, box, 1);
    const fifty = await statementsOf(user, box, 50);
    expect(one.result.edges).toHaveLength(1);
    expect(fifty.result.edges).toHaveLength(50);
    if (box === 'RECEIVED') expect(fifty.result.counts.received).toBe(total);
    checkNodes(
      user,
      fifty.result.edges.map((e) => e.node),
    );
    results.push(
      `referrals cost (${label}, ${box} as ${user}): first=1 → ${one.statements.length} statements, first=50 → ${fifty.statements.length} statements`,
    );
    if (one.statements.length !== fifty.statements.length) {
      results.push(`  first=1:\n    ${one.statements.map(short).join('\n    ')}`);
      results.push(`  first=50:\n    ${fifty.statements.map(short).join('\n    ')}`);
    }
    // The request went through the driver at all (the counter is not blind).
    expect(one.statements.length).toBeGreaterThan(0);
    expect(fifty.statements.length).toBe(one.statements.length);
  }

  describe('50 referrals sharing the same classes', () => {
    beforeAll(async () => {
      await seedReferrals(() => ['IDENTITY', 'NEEDS']);
    });

    it('RECEIVED box of Safe Passage (legal.caseworker): page of 50 costs what a page of 1 costs', async () => {
      await compare('same shared classes', 'legal.caseworker', 'RECEIVED', 50);
    });

    it('SENT box of Harbor Light (ngo.caseworker): page of 50 costs what a page of 1 costs', async () => {
      await compare('same shared classes', 'ngo.caseworker', 'SENT', 50);
    });
  });

  it('the box counts cost one statement, and only when selected', async () => {
    const withCounts = await statementsOf('legal.caseworker', 'RECEIVED', 20);
    const without = await statementsOf(
      'legal.caseworker',
      'RECEIVED',
      20,
      PAGE.replace('counts { received }', ''),
    );
    expect(withCounts.statements.filter((sql) => sql.includes('sum(c.referrals)'))).toHaveLength(1);
    expect(without.statements.filter((sql) => sql.includes('sum(c.referrals)'))).toEqual([]);
    expect(without.statements.length).toBe(withCounts.statements.length - 1);
  });

  it('the inbox (agency, needs, last event, survivor reference) costs at most 3 statements at pages of 1, 20 and 50', async () => {
    for (const first of [1, 20, 50]) {
      const { statements, result } = await statementsOf('legal.caseworker', 'RECEIVED', first, INBOX);
      expect(result.edges).toHaveLength(first);
      for (const { node } of result.edges) {
        expect(node.survivor?.reference).toMatch(/^S-/);
        expect(node.lastEvent?.toStatus).toBe('SENT');
        expect(node.fromAgency.name).toBe('Harbor Light Survivor Services');
      }
      results.push(
        `inbox, first=${first}: ${statements.length} statements\n    ${statements.map(short).join('\n    ')}`,
      );
      expect(statements.length).toBeLessThanOrEqual(3);
    }
  });

  describe('50 more referrals, each sharing one of 8 different sets of the consent’s classes', () => {
    beforeAll(async () => {
      await seedReferrals((i) => SUBSETS[i % SUBSETS.length]);
    });

    it('RECEIVED box of Safe Passage (legal.caseworker): page of 50 costs what a page of 1 costs', async () => {
      await compare('varied shared classes', 'legal.caseworker', 'RECEIVED', 100);
    });

    it('SENT box of Harbor Light (ngo.caseworker): page of 50 costs what a page of 1 costs', async () => {
      await compare('varied shared classes', 'ngo.caseworker', 'SENT', 100);
    });
  });

  describe('the page reads the referral columns its selection needs, and answers every field as a whole row would', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));
    const referralType = schema.getType('Referral') as GraphQLObjectType;
    const agencyType = schema.getType('Agency') as GraphQLObjectType;
    /**
     * A field as selected: itself, or its object's fields — leaves, and the leaves of objects
     * below it down to `depth` (an agency's address) — none that takes arguments.
     */
    const selectionOf = (field: GraphQLField<unknown, unknown>, depth: number): string | null => {
      const type = getNamedType(field.type);
      if (isLeafType(type)) return field.name;
      if (depth === 0 || field.args.length > 0) return null;
      const inner = Object.values((type as GraphQLObjectType).getFields())
        .map((sub) => selectionOf(sub, depth - 1))
        .filter((sub) => sub !== null);
      return `${field.name} { ${inner.join(' ')} }`;
    };
    /** Each field of Referral with a selection of it. */
    const selections = Object.values(referralType.getFields()).map(
      (field) => [field.name, selectionOf(field, 2) as string] as const,
    );
    /** Each field of a referral's agency, alone (the page reads the agency's columns it needs). */
    const agencySelections = ['fromAgency', 'toAgency'].flatMap((name) =>
      Object.values(agencyType.getFields()).map(
        (field) => [name, field.name, `${name} { ${selectionOf(field, 1)} }`] as const,
      ),
    );
    const EVERY_FIELD = selections.map(([, selection]) => selection).join('\n');
    const pageOf = (selection: string) => `query($box: ReferralBox!, $first: Int) {
      referrals(box: $box, first: $first) { edges { node { ${selection} } } }
    }`;
    /** Whose boxes are compared: the sender's, and the recipient's two (its sub-referral in SENT). */
    const BOXES = [
      ['ngo.caseworker', 'SENT'],
      ['legal.caseworker', 'RECEIVED'],
      ['legal.caseworker', 'SENT'],
    ] as const;
    type Nodes = Record<string, unknown>[];

    async function nodes(user: string, box: string, selection: string): Promise<Nodes> {
      const page = await hub.gql<{ referrals: { edges: { node: Record<string, unknown> }[] } }>(
        pageOf(selection),
        { box, first: 16 },
        { token: tokens[user] },
      );
      return ok(page).referrals.edges.map((edge) => edge.node);
    }

    /** The referral columns the page statement of one request reads (its inner select). */
    async function columnsRead(user: string, box: string, selection: string) {
      const { statements } = await statementsOf(user, box, 5, pageOf(selection));
      const pageStatements = statements.filter((sql) => sql.includes('FROM referral r WHERE'));
      expect(pageStatements).toHaveLength(1);
      const inner = pageStatements[0].slice(pageStatements[0].indexOf('FROM (SELECT'));
      const select = inner.slice(0, inner.indexOf('FROM referral r'));
      return {
        text: pageStatements[0],
        columns: [...select.matchAll(/AS "(\w+)"/g)].map((m) => m[1]).sort(),
        agencyColumns: [...pageStatements[0].matchAll(/AS "fa\.(\w+)"/g)].map((m) => m[1]).sort(),
      };
    }

    beforeAll(async () => {
      // Referrals in every state whose fields differ: declined, completed (outcome), failed, on
      // hold, withdrawn, acknowledged, one past its deadline (EXPIRED), one with notes, and a
      // sub-referral of one Safe Passage received; and a revoked consent (its SENT referrals EXPIRED).
      const received = await referralAt(hub, 'ACCEPTED', { input: { notes: 'Bring the lease' } });
      for (const status of ['DECLINED', 'COMPLETED', 'FAILED', 'ON_HOLD', 'WITHDRAWN', 'ACKNOWLEDGED']) {
        await referralAt(hub, status);
      }
      const late = await referralAt(hub, 'SENT', { input: { urgency: 'EMERGENCY' } });
      await pastDeadline(hub, late.id);
      const onward = await referralAt(hub, 'DRAFT', {
        sender: 'legal.caseworker',
        input: { toAgencyId: HARBOR, parentReferralId: received.id, callback: 'Safe Passage desk' },
      });
      await move(hub, 'legal.caseworker', 'send', onward);
      // Two with a survivor (their own, this describe needs no other's): one shares the record,
      // the other's consent is revoked (the referral EXPIRED, the record no longer shared).
      for (const revoke of [false, true]) {
        const survivor = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
        const consent = await recordConsent(
          hub,
          'ngo.caseworker',
          consentInput(survivor.id, { dataClasses: CONSENT_CLASSES }),
        );
        const draft = await createReferral(hub, 'ngo.caseworker', {
          toAgencyId: SAFE_PASSAGE,
          needs: ['LEGAL'],
          urgency: 'URGENT',
          survivorId: survivor.id,
          consentId: consent.id,
          sharedClasses: ['IDENTITY', 'CONTACT'],
        });
        await transition(hub, 'ngo.caseworker', 'sendReferral', {
          referralId: draft.id,
          expectedVersion: draft.version,
        });
        if (revoke) {
          ok(
            await hub.gql(
              REVOKE_CONSENT,
              { input: { consentId: consent.id, channel: 'PHONE' } },
              { user: 'ngo.caseworker' },
            ),
          );
        }
      }
    });

    it('names exactly the schema’s fields of Referral and Agency in REFERRAL_FIELD_COLUMNS and AGENCY_FIELD_COLUMNS', () => {
      const named = (map: object) =>
        Object.keys(map)
          .filter((name) => name !== '__typename')
          .sort();
      expect(named(REFERRAL_FIELD_COLUMNS)).toEqual(Object.keys(referralType.getFields()).sort());
      expect(named(AGENCY_FIELD_COLUMNS)).toEqual(Object.keys(agencyType.getFields()).sort());
    });

    it('every field selected alone answers what it answers among all fields, and all answer as referral(id) does', async () => {
      const seen: Nodes = [];
      for (const [user, box] of BOXES) {
        const all = await nodes(user, box, EVERY_FIELD);
        expect(all.length).toBeGreaterThan(0);
        seen.push(...all);
        for (const [name, selection] of selections) {
          const alone = await nodes(user, box, selection);
          expect({ name, box, user, alone }).toEqual({
            name,
            box,
            user,
            alone: all.map((node) => ({ [name]: node[name] })),
          });
        }
        for (const [name, field, selection] of agencySelections) {
          const alone = await nodes(user, box, selection);
          expect({ name, field, alone }).toEqual({
            name,
            field,
            alone: all.map((node) => ({
              [name]: { [field]: (node[name] as Record<string, unknown>)[field] },
            })),
          });
        }
        // The single referral is read whole (every column): the page's answer is the same.
        for (const node of all) {
          const single = await hub.gql<{ referral: Record<string, unknown> }>(
            `query($id: ID!) { referral(id: $id) { ${EVERY_FIELD} } }`,
            { id: node.id },
            { token: tokens[user] },
          );
          expect(ok(single).referral).toEqual(node);
        }
      }
      // The pages held what the fields differ by.
      for (const field of [
        'parent',
        'survivor',
        'decline',
        'outcome',
        'failureReason',
        'notes',
        'callback',
      ]) {
        expect({ field, some: seen.some((node) => node[field] !== null) }).toEqual({ field, some: true });
      }
      const sent = await nodes('ngo.caseworker', 'SENT', 'status');
      expect(new Set(sent.map((node) => node.status))).toEqual(
        new Set([
          'SENT',
          'EXPIRED',
          'DECLINED',
          'COMPLETED',
          'FAILED',
          'ON_HOLD',
          'WITHDRAWN',
          'ACKNOWLEDGED',
          'ACCEPTED',
        ]),
      );
    });

    it('a narrow selection reads fewer columns, with one statement text per set of columns', async () => {
      const narrow = await columnsRead('legal.caseworker', 'RECEIVED', 'id');
      const reordered = await columnsRead('legal.caseworker', 'RECEIVED', '__typename id');
      const inbox = await columnsRead(
        'legal.caseworker',
        'RECEIVED',
        'id status urgency needs createdAt fromAgency { id name } lastEvent { toStatus occurredAt } survivor { reference }',
      );
      const every = await columnsRead('legal.caseworker', 'RECEIVED', EVERY_FIELD);
      // The page's order and joins (id, createdAt) and what the policy judges of a referral.
      expect(narrow.columns).toEqual(['createdAt', 'fromAgencyId', 'id', 'sentAt', 'toAgencyId']);
      expect(reordered.text).toBe(narrow.text);
      expect(inbox.columns).toEqual(
        [
          ...narrow.columns,
          ...['status', 'responseDueAt', 'consentId', 'consentLive', 'urgency', 'needs'],
          ...['survivorId', 'sharedClasses'],
        ].sort(),
      );
      // Every field: every column a field is made of (not the creator nor the requested hours).
      expect(every.columns).toEqual([...new Set(Object.values(REFERRAL_FIELD_COLUMNS).flat())].sort());
      expect(every.columns).toHaveLength(29);
      // The sending agency as the inbox shows it: its id and name, of its 26 columns.
      expect(inbox.agencyColumns).toEqual(['id', 'name']);
      expect(every.agencyColumns).toEqual([...new Set(Object.values(AGENCY_FIELD_COLUMNS).flat())].sort());
      results.push(
        `page columns: id alone ${narrow.columns.length}, the inbox ${inbox.columns.length} (+ ${inbox.agencyColumns.length} of its agency), every field ${every.columns.length} (+ ${every.agencyColumns.length})`,
      );
    });
  });
});
