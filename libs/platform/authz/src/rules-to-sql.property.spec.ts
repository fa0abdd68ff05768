import { AnyMongoAbility, createMongoAbility, RawRuleOf, subject } from '@casl/ability';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { rulesToSql, SqlFieldMap, SqlSubjectMap } from './rules-to-sql';
import { logicalMongoQueryMatcher } from './rules-to-sql.test-matcher';

/**
 * Differential test (STYLE.md §Tests, property-based): for random rows and random abilities, the rows
 * `SELECT … WHERE rulesToSql(…)` returns in real Postgres are exactly the rows `ability.can('read', row)`
 * allows, and `WHERE NOT (…)` returns exactly the others (the fragment is never NULL).
 */

const WORLDS = 1000;

const adminUrl = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `hub_rules_${randomBytes(6).toString('hex')}`;
let admin: Client;
let db: Client;

beforeAll(async () => {
  admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  db = new Client({ connectionString: url.toString() });
  await db.connect();
  // A linguistic collation where the server has one ('a' < 'B' < 'é' < 'z'), so that the test sees the
  // translator order strings as JS does (by code unit: 'B' < 'a' < 'z' < 'é') whatever the database's default.
  const icu = await db.query(`SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'`);
  const text = icu.rowCount ? 'text COLLATE "und-x-icu"' : 'text';
  const texts = icu.rowCount ? 'text[] COLLATE "und-x-icu"' : 'text[]';
  await db.query(`
    CREATE TABLE "row" (id serial PRIMARY KEY, owner ${text}, kind ${text}, level int, tags ${texts}, flag boolean, at timestamptz);
    CREATE TABLE "grant" (row_id int NOT NULL REFERENCES "row", agency ${text}, purposes ${texts}, until timestamptz, revoked boolean);
    CREATE INDEX ON "grant" (row_id);
  `);
});

afterAll(async () => {
  await db?.end();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
});

// --- The world: rows, their grants, and the values conditions draw from ----------------------

interface Grant {
  agency: string | null;
  purposes: (string | null)[] | null;
  until: Date | null;
  revoked: boolean | null;
}
interface Row {
  id: number;
  owner: string | null;
  kind: string | null;
  level: number | null;
  tags: (string | null)[] | null;
  flag: boolean | null;
  at: Date | null;
  grants: Grant[];
}

type ValueType = 'string' | 'int' | 'bool' | 'date' | 'strings';
const ROW_FIELDS = {
  owner: 'string',
  kind: 'string',
  level: 'int',
  tags: 'strings',
  flag: 'bool',
  at: 'date',
} as const;
const GRANT_FIELDS = { agency: 'string', purposes: 'strings', until: 'date', revoked: 'bool' } as const;

// Few values, so that equality hits; awkward ones for array literals, collation, and JS's
// `null > '-1'` coercion ('-1', '10', '9', '', ' ').
const STRINGS = [
  'a',
  'b',
  'B',
  'ab',
  '',
  ' ',
  '-1',
  '10',
  '9',
  'é',
  'z',
  'NULL',
  'x,y',
  '"q"',
  '{z}',
  "o'k",
  'a\\b',
];
const DAY = 86_400_000;
// Around the epoch so that some dates are negative: CASL finds `null > new Date(-1)` true (0 > -1).
const dateArb = fc.integer({ min: -3, max: 3 }).map((days) => new Date(days * DAY));
const clockArb = fc.integer({ min: -7, max: 7 }).map((halfDays) => new Date((halfDays * DAY) / 2));

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
// Mostly a few common values so that conditions hit, now and then an awkward one.
const stringArb = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'b', 'B'), weight: 3 },
  { arbitrary: fc.constantFrom(...STRINGS), weight: 2 },
);
const stringsArb = fc.array(fc.option(stringArb, { nil: null, freq: 8 }), { maxLength: 4 });

const grantArb: fc.Arbitrary<Grant> = fc.record({
  agency: nullable(stringArb),
  purposes: nullable(stringsArb),
  until: nullable(dateArb),
  revoked: nullable(fc.boolean()),
});
const rowsArb: fc.Arbitrary<Row[]> = fc
  .array(
    fc.record({
      owner: nullable(stringArb),
      kind: nullable(stringArb),
      level: nullable(fc.integer({ min: -3, max: 3 })),
      tags: nullable(stringsArb),
      flag: nullable(fc.boolean()),
      at: nullable(dateArb),
      grants: fc.array(grantArb, { maxLength: 3 }),
    }),
    { minLength: 20, maxLength: 60 },
  )
  .map((rows) => rows.map((row, i) => ({ id: i + 1, ...row })));

// --- Conditions CASL accepts ---------------------------------------------------------------------

type Doc = Record<string, unknown>;

function valueArb(type: ValueType, clock: Date): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
    case 'strings':
      return stringArb;
    case 'int':
      // Fractions and a large number exercise the ::numeric cast.
      return fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constantFrom(-0.5, 1.5, 2 ** 40));
    case 'bool':
      return fc.boolean();
    case 'date':
      return fc.oneof(dateArb, fc.constant(clock));
  }
}

function operatorArb(type: ValueType, operator: string, clock: Date): fc.Arbitrary<unknown> {
  const value = valueArb(type, clock);
  const list = fc.array(fc.option(value, { nil: null, freq: 5 }), { maxLength: 3 });
  switch (operator) {
    case '$eq':
    case '$ne':
      return fc.option(value, { nil: null, freq: 4 });
    case '$in':
    case '$nin':
    case '$all':
      return list;
    case '$exists':
      return fc.boolean();
    case '$size':
      return fc.constantFrom(0, 1, 2, 3, 1.5);
    default:
      // $lt/$lte/$gt/$gte: CASL accepts only strings, numbers and dates.
      return value;
  }
}

function operatorsFor(type: ValueType): string[] {
  const common = ['$eq', '$ne', '$in', '$nin', '$exists', '$all', '$size'];
  return type === 'bool' ? common : [...common, '$lt', '$lte', '$gt', '$gte'];
}

function fieldConditionArb(type: ValueType, clock: Date): fc.Arbitrary<unknown> {
  const plain = fc.option(valueArb(type, clock), { nil: null, freq: 4 });
  const operators = fc
    .uniqueArray(fc.constantFrom(...operatorsFor(type)), { minLength: 1, maxLength: 2 })
    .chain((ops) =>
      fc.tuple(...ops.map((op) => operatorArb(type, op, clock))).map((values) => zip(ops, values)),
    );
  return fc.oneof({ arbitrary: plain, weight: 1 }, { arbitrary: operators, weight: 3 });
}

const zip = (keys: string[], values: unknown[]): Doc =>
  Object.fromEntries(keys.map((k, i) => [k, values[i]]));

function fieldsDocArb<F extends string>(
  fields: Record<F, ValueType>,
  clock: Date,
  minKeys: number,
  extra?: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Doc> {
  const arbs: Record<string, fc.Arbitrary<unknown>> = { ...extra };
  for (const [field, type] of Object.entries(fields) as [F, ValueType][])
    arbs[field] = fieldConditionArb(type, clock);
  return fc
    .uniqueArray(fc.constantFrom(...Object.keys(arbs)), { minLength: minKeys, maxLength: 2 })
    .chain((keys) => fc.tuple(...keys.map((k) => arbs[k])).map((values) => zip(keys, values)));
}

function conditionsArb(clock: Date, logical: boolean): fc.Arbitrary<Doc> {
  const grants = fieldsDocArb(GRANT_FIELDS, clock, 0).map((inner) => ({ $elemMatch: inner }));
  const fieldsDoc = fieldsDocArb(ROW_FIELDS, clock, 1, { grants });
  if (!logical) return fieldsDoc;
  // $and/$or/$nor only at document level: inside $elemMatch CASL's parser rejects them.
  const logicalDoc = (inner: fc.Arbitrary<Doc>) =>
    fc
      .tuple(fc.constantFrom('$and', '$or', '$nor'), fc.array(inner, { minLength: 1, maxLength: 3 }))
      .map(([op, docs]): Doc => ({ [op]: docs }));
  const level1 = fc.oneof(fieldsDoc, logicalDoc(fieldsDoc));
  return fc.oneof(
    fieldsDoc,
    logicalDoc(level1),
    fc.tuple(fieldsDoc, logicalDoc(fieldsDoc)).map(([a, b]) => ({ ...a, ...b })),
  );
}

const stripUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const ruleFieldNames = [...Object.keys(ROW_FIELDS), 'grants'];
function rulesArb(clock: Date, logical: boolean): fc.Arbitrary<RawRuleOf<AnyMongoAbility>[]> {
  const rule = fc
    .record({
      action: fc.constantFrom('read', 'read', 'read', 'read', 'read', 'update', 'manage'),
      subject: fc.constantFrom('Row', 'Row', 'Row', 'Row', 'Row', 'all', 'Other'),
      inverted: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
      fields: fc.option(fc.uniqueArray(fc.constantFrom(...ruleFieldNames), { minLength: 1, maxLength: 2 }), {
        nil: undefined,
        freq: 3,
      }),
      conditions: fc.option(conditionsArb(clock, logical), { nil: undefined, freq: 6 }),
    })
    .map(stripUndefined);
  return fc.array(rule, { minLength: 1, maxLength: 6 }) as fc.Arbitrary<RawRuleOf<AnyMongoAbility>[]>;
}

// --- One world: rows + ability + how the record shows a NULL, per field --------------------------

const nullAsArb = fc.constantFrom<'null' | 'missing'>('null', 'null', 'missing');
const worldArb = fc
  .record({ clock: clockArb, logical: fc.boolean() })
  .chain(({ clock, logical }) =>
    fc.record({
      clock: fc.constant(clock),
      logical: fc.constant(logical),
      rows: rowsArb,
      rules: rulesArb(clock, logical),
      rowNullAs: fc.record({
        owner: nullAsArb,
        kind: nullAsArb,
        level: nullAsArb,
        tags: nullAsArb,
        flag: nullAsArb,
        at: nullAsArb,
      }),
      grantNullAs: fc.record({
        agency: nullAsArb,
        purposes: nullAsArb,
        until: nullAsArb,
        revoked: nullAsArb,
      }),
      firstParam: fc.constantFrom(1, 1, 3),
    }),
  )
  .map((world) => ({
    ...world,
    ability: createMongoAbility(
      world.rules,
      world.logical ? { conditionsMatcher: logicalMongoQueryMatcher } : {},
    ) as AnyMongoAbility,
  }))
  // The generator only makes shapes CASL accepts; CASL parses lazily, so make sure here.
  .filter(({ ability }) => ability.rulesFor('read', 'Row').every((rule) => accepted(() => rule.ast)));

function accepted(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

function mapFor(world: World): SqlSubjectMap {
  const field = (sql: string, kind: 'scalar' | 'array', nullAs: 'null' | 'missing'): SqlFieldMap => ({
    sql,
    kind,
    nullAs,
  });
  const r = world.rowNullAs;
  const g = world.grantNullAs;
  return {
    fields: {
      owner: field('r.owner', 'scalar', r.owner),
      kind: field('r.kind', 'scalar', r.kind),
      level: field('r.level', 'scalar', r.level),
      tags: field('r.tags', 'array', r.tags),
      flag: field('r.flag', 'scalar', r.flag),
      at: field('r.at', 'scalar', r.at),
    },
    collections: {
      grants: {
        exists: (inner) => `EXISTS (SELECT 1 FROM "grant" g WHERE g.row_id = r.id AND ${inner})`,
        fields: {
          agency: field('g.agency', 'scalar', g.agency),
          purposes: field('g.purposes', 'array', g.purposes),
          until: field('g.until', 'scalar', g.until),
          revoked: field('g.revoked', 'scalar', g.revoked),
        },
      },
    },
  };
}

/** The plain record CASL sees: a NULL column is a null property or, where the map says so, no property. */
function record(source: object, nullAs: Record<string, 'null' | 'missing'>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(nullAs)) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== null || nullAs[key] === 'null') out[key] = value;
  }
  return out;
}

const stats = { worlds: 0, rowChecks: 0, mixed: 0, allowedNone: 0, allowedAll: 0 };

async function idsWhere(where: string, params: unknown[], firstParam: number): Promise<number[]> {
  const prefix = firstParam === 3 ? 'r.id > $1 AND r.id < $2 AND ' : '';
  const all = firstParam === 3 ? [0, 1_000_000, ...params] : params;
  const result = await db.query<{ id: number }>(
    `SELECT r.id FROM "row" r WHERE ${prefix}${where} ORDER BY r.id`,
    all,
  );
  return result.rows.map((row) => row.id);
}

async function check(world: World): Promise<void> {
  const { rows, ability, firstParam } = world;
  const fragment = rulesToSql(ability, 'read', 'Row', mapFor(world), firstParam);
  const expected = rows
    .filter((row) =>
      ability.can(
        'read',
        subject('Row', {
          ...record(row, world.rowNullAs),
          grants: row.grants.map((grant) => record(grant, world.grantNullAs)),
        }),
      ),
    )
    .map((row) => row.id);
  const denied = rows.map((row) => row.id).filter((id) => !expected.includes(id));

  await db.query('BEGIN');
  try {
    const rowsJson = rows.map(({ grants: _grants, ...row }) => row);
    const grantsJson = rows.flatMap((row) => row.grants.map((grant) => ({ row_id: row.id, ...grant })));
    await db.query(
      `INSERT INTO "row" (id, owner, kind, level, tags, flag, at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(id int, owner text, kind text, level int, tags text[], flag boolean, at timestamptz)`,
      [JSON.stringify(rowsJson)],
    );
    await db.query(
      `INSERT INTO "grant" (row_id, agency, purposes, until, revoked)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(row_id int, agency text, purposes text[], until timestamptz, revoked boolean)`,
      [JSON.stringify(grantsJson)],
    );
    let allowed: number[];
    let notAllowed: number[];
    try {
      allowed = await idsWhere(fragment.sql, fragment.params, firstParam);
      notAllowed = await idsWhere(`NOT ${fragment.sql}`, fragment.params, firstParam);
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\nSQL: ${fragment.sql}\nparams: ${JSON.stringify(fragment.params)}`,
      );
    }
    expect({ sql: fragment.sql, ids: allowed }).toEqual({ sql: fragment.sql, ids: expected });
    expect(notAllowed).toEqual(denied);
  } finally {
    // Rolling back leaves the tables empty for the next world (cheaper than TRUNCATE).
    await db.query('ROLLBACK');
  }

  stats.worlds++;
  stats.rowChecks += rows.length;
  if (expected.length === 0) stats.allowedNone++;
  else if (expected.length === rows.length) stats.allowedAll++;
  else stats.mixed++;
}

describe('rulesToSql against ability.can on random worlds in Postgres', () => {
  it(`agrees row by row on ${WORLDS} random worlds`, async () => {
    await fc.assert(fc.asyncProperty(worldArb, check), { numRuns: WORLDS });

    // Guard against a vacuous run: many worlds must split their rows between allowed and denied.
    expect(stats.worlds).toBe(WORLDS);
    console.info(`rulesToSql differential: ${JSON.stringify(stats)}`);
    expect(stats.mixed).toBeGreaterThan(WORLDS / 4);
  }, 120_000);
});
