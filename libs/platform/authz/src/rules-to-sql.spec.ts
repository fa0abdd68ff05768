import { AbilityBuilder, createMongoAbility, MongoAbility, MongoQuery, subject } from '@casl/ability';
import { accessWhere, rulesToSql, SqlFragment, SqlSubjectMap } from './rules-to-sql';
import { logicalMongoQueryMatcher } from './rules-to-sql.test-matcher';

/** The generated SQL, operator by operator; the property spec checks what it means against ability.can. */

const map: SqlSubjectMap = {
  fields: {
    owner: { sql: 'r.owner', kind: 'scalar' },
    kind: { sql: 'r.kind', kind: 'scalar' },
    level: { sql: 'r.level', kind: 'scalar' },
    flag: { sql: 'r.flag', kind: 'scalar' },
    at: { sql: 'r.at', kind: 'scalar' },
    closedAt: { sql: 'r.closed_at', kind: 'scalar', nullAs: 'missing' },
    name: { sql: 'lower(r.name)', kind: 'scalar' },
    tags: { sql: 'r.tags', kind: 'array' },
  },
  collections: {
    grants: {
      exists: (inner) => `EXISTS (SELECT 1 FROM grant g WHERE g.row_id = r.id AND ${inner})`,
      fields: {
        agency: { sql: 'g.agency', kind: 'scalar' },
        until: { sql: 'g.until', kind: 'scalar' },
        purposes: { sql: 'g.purposes', kind: 'array' },
      },
    },
  },
};

type Ability = MongoAbility;
const define = (rules: (builder: AbilityBuilder<Ability>) => void, options = {}): Ability => {
  const builder = new AbilityBuilder<Ability>(createMongoAbility);
  rules(builder);
  return builder.build(options);
};
const toSql = (ability: Ability, firstParam?: number): SqlFragment =>
  rulesToSql(ability, 'read', 'Row', map, firstParam);
const readWhere = (conditions: MongoQuery): SqlFragment =>
  toSql(define(({ can }) => can('read', 'Row', conditions)));

const EPOCH = new Date(0);
const BEFORE_EPOCH = new Date(-1000);

describe('rulesToSql: one condition', () => {
  it.each<[string, MongoQuery, string, unknown[]]>([
    // scalar equality; a NULL column never equals a value, $ne keeps it (IS DISTINCT FROM)
    ['plain value', { owner: 'a' }, '(r.owner IS NOT NULL AND r.owner = $1)', ['a']],
    ['$eq', { owner: { $eq: 'a' } }, '(r.owner IS NOT NULL AND r.owner = $1)', ['a']],
    ['boolean', { flag: true }, '(r.flag IS NOT NULL AND r.flag = $1)', [true]],
    ['null', { owner: null }, '(r.owner IS NULL)', []],
    ['$ne', { owner: { $ne: 'a' } }, '(r.owner IS DISTINCT FROM $1)', ['a']],
    ['$ne null', { owner: { $ne: null } }, '(NOT (r.owner IS NULL))', []],
    [
      'an expression, not a column',
      { name: 'a' },
      '((lower(r.name)) IS NOT NULL AND (lower(r.name)) = $1)',
      ['a'],
    ],
    // $in / $nin: a null in the list matches a null column
    ['$in', { owner: { $in: ['a', 'b'] } }, '(r.owner IS NOT NULL AND r.owner = ANY($1))', [['a', 'b']]],
    [
      '$in with null',
      { owner: { $in: ['a', null] } },
      '((r.owner IS NOT NULL AND r.owner = $1) OR (r.owner IS NULL))',
      ['a'],
    ],
    ['$in []', { owner: { $in: [] } }, 'FALSE', []],
    [
      '$nin',
      { owner: { $nin: ['a', 'b'] } },
      '(NOT (r.owner IS NOT NULL AND r.owner = ANY($1)))',
      [['a', 'b']],
    ],
    ['$nin []', { owner: { $nin: [] } }, 'TRUE', []],
    // comparisons: NULL matches whenever JS's `null OP value` does (ucast compare is a JS comparison)
    ['$gt 2 (null > 2 is false)', { level: { $gt: 2 } }, '(r.level IS NOT NULL AND r.level > $1)', [2]],
    [
      '$gt -5 (null > -5 is true)',
      { level: { $gt: -5 } },
      '((r.level IS NOT NULL AND r.level > $1) OR (r.level IS NULL))',
      [-5],
    ],
    ['$gte 0', { level: { $gte: 0 } }, '(r.level IS NOT NULL AND r.level >= $1)', [0]],
    ['$lte 0', { level: { $lte: 0 } }, '((r.level IS NOT NULL AND r.level <= $1) OR (r.level IS NULL))', [0]],
    [
      '$lt a fraction (numeric)',
      { level: { $lt: 2.5 } },
      '((r.level IS NOT NULL AND r.level < $1::numeric) OR (r.level IS NULL))',
      [2.5],
    ],
    [
      '$lt a string (code-unit order)',
      { owner: { $lt: 'b' } },
      '((r.owner IS NOT NULL AND r.owner COLLATE "C" < $1) OR (r.owner IS NULL))',
      ['b'],
    ],
    ['$gt a date', { at: { $gt: EPOCH } }, '(r.at IS NOT NULL AND r.at > $1)', [EPOCH]],
    [
      '$gt a date before 1970 (null > -1000 is true)',
      { at: { $gt: BEFORE_EPOCH } },
      '((r.at IS NOT NULL AND r.at > $1) OR (r.at IS NULL))',
      [BEFORE_EPOCH],
    ],
    // $exists: a null property exists; only a missing one does not
    ['$exists true', { owner: { $exists: true } }, 'TRUE', []],
    ['$exists false', { owner: { $exists: false } }, 'FALSE', []],
    ['$exists false, NULL is missing', { closedAt: { $exists: false } }, '(r.closed_at IS NULL)', []],
    ['$in [null], NULL is missing', { closedAt: { $in: [null] } }, 'FALSE', []],
    [
      '$gt before 1970, NULL is missing (undefined > x is false)',
      { closedAt: { $gt: BEFORE_EPOCH } },
      '(r.closed_at IS NOT NULL AND r.closed_at > $1)',
      [BEFORE_EPOCH],
    ],
    // a scalar is never an array
    ['$all on a scalar', { owner: { $all: ['a'] } }, 'FALSE', []],
    ['$size on a scalar', { owner: { $size: 1 } }, 'FALSE', []],
    // arrays: a value means "contains"
    ['array contains', { tags: 'x' }, '(r.tags IS NOT NULL AND r.tags @> $1)', [['x']]],
    ['array null', { tags: null }, '((r.tags IS NULL) OR (array_position(r.tags, NULL) IS NOT NULL))', []],
    ['array $ne', { tags: { $ne: 'x' } }, '(NOT (r.tags IS NOT NULL AND r.tags @> $1))', [['x']]],
    ['array $in', { tags: { $in: ['x', 'y'] } }, '(r.tags IS NOT NULL AND r.tags && $1)', [['x', 'y']]],
    [
      'array $in with null',
      { tags: { $in: ['x', null] } },
      '((r.tags IS NOT NULL AND r.tags && $1) OR (array_position(r.tags, NULL) IS NOT NULL) OR (r.tags IS NULL))',
      [['x']],
    ],
    ['array $nin', { tags: { $nin: ['x'] } }, '(NOT (r.tags IS NOT NULL AND r.tags && $1))', [['x']]],
    ['array $all', { tags: { $all: ['x', 'y'] } }, '((r.tags IS NOT NULL) AND (r.tags @> $1))', [['x', 'y']]],
    ['array $all []', { tags: { $all: [] } }, '(r.tags IS NOT NULL)', []],
    ['array $size', { tags: { $size: 2 } }, '(r.tags IS NOT NULL AND cardinality(r.tags) = $1)', [2]],
    ['array $size 1.5', { tags: { $size: 1.5 } }, 'FALSE', []],
    [
      'array $gt (some element)',
      { tags: { $gt: 'm' } },
      '(EXISTS (SELECT 1 FROM unnest(r.tags) AS _casl_e1(v) WHERE _casl_e1.v COLLATE "C" > $1))',
      ['m'],
    ],
    [
      'array $lt (a null element or column matches too)',
      { tags: { $lt: 'm' } },
      '((EXISTS (SELECT 1 FROM unnest(r.tags) AS _casl_e1(v) WHERE _casl_e1.v COLLATE "C" < $1 OR _casl_e1.v IS NULL)) OR (r.tags IS NULL))',
      ['m'],
    ],
    // collections
    [
      '$elemMatch',
      { grants: { $elemMatch: { agency: 'A', until: { $gt: EPOCH } } } },
      '(EXISTS (SELECT 1 FROM grant g WHERE g.row_id = r.id AND ((g.agency IS NOT NULL AND g.agency = $1) AND (g.until IS NOT NULL AND g.until > $2))))',
      ['A', EPOCH],
    ],
    [
      '$elemMatch on an array of the element',
      { grants: { $elemMatch: { purposes: 'care' } } },
      '(EXISTS (SELECT 1 FROM grant g WHERE g.row_id = r.id AND (g.purposes IS NOT NULL AND g.purposes @> $1)))',
      [['care']],
    ],
    [
      '$elemMatch {} (any element)',
      { grants: { $elemMatch: {} } },
      '(EXISTS (SELECT 1 FROM grant g WHERE g.row_id = r.id AND TRUE))',
      [],
    ],
    ['$elemMatch never', { grants: { $elemMatch: { agency: { $in: [] } } } }, 'FALSE', []],
    // several fields and several operators on one field: AND
    [
      'several',
      { owner: 'a', level: { $gte: 1, $lte: 3 } },
      '((r.owner IS NOT NULL AND r.owner = $1) AND (r.level IS NOT NULL AND r.level >= $2) AND ((r.level IS NOT NULL AND r.level <= $3) OR (r.level IS NULL)))',
      ['a', 1, 3],
    ],
    ['{} matches everything', {}, 'TRUE', []],
  ])('%s', (_name, conditions, sql, params) => {
    expect(readWhere(conditions)).toEqual({ sql, params });
  });
});

describe('rulesToSql: rules, priority and cannot', () => {
  it('is FALSE without rules, or with rules for other actions and subjects only', () => {
    expect(toSql(define(() => undefined))).toEqual({ sql: 'FALSE', params: [] });
    const other = define(({ can }) => {
      can('update', 'Row');
      can('read', 'Other');
    });
    expect(toSql(other)).toEqual({ sql: 'FALSE', params: [] });
  });

  it('is TRUE for an unconditional can, also through manage/all', () => {
    expect(toSql(define(({ can }) => can('read', 'Row')))).toEqual({ sql: 'TRUE', params: [] });
    expect(toSql(define(({ can }) => can('manage', 'all')))).toEqual({ sql: 'TRUE', params: [] });
  });

  it('is FALSE with cannot rules only', () => {
    expect(toSql(define(({ cannot }) => cannot('read', 'Row', { owner: 'a' })))).toEqual({
      sql: 'FALSE',
      params: [],
    });
  });

  it('casl#1068: a later conditional can overrides an earlier cannot', () => {
    const ability = define(({ can, cannot }) => {
      can('read', 'Row');
      cannot('read', 'Row', { kind: 'secret' });
      can('read', 'Row', { owner: 'me' });
    });
    expect(ability.can('read', subject('Row', { kind: 'secret', owner: 'me' }))).toBe(true);
    expect(toSql(ability)).toEqual({
      sql: '((r.owner IS NOT NULL AND r.owner = $1) OR NOT (r.kind IS NOT NULL AND r.kind = $2))',
      params: ['me', 'secret'],
    });
  });

  it('casl#1010: a cannot rule is not lost', () => {
    const ability = define(({ can, cannot }) => {
      can('read', 'Row', { owner: 'me' });
      cannot('read', 'Row', { flag: true });
    });
    expect(toSql(ability)).toEqual({
      sql: '(NOT (r.flag IS NOT NULL AND r.flag = $1) AND (r.owner IS NOT NULL AND r.owner = $2))',
      params: [true, 'me'],
    });
  });

  it('casl#957: a conditional rule next to an unconditional one, in either order', () => {
    const before = define(({ can }) => {
      can('read', 'Row', { owner: 'me' });
      can('read', 'Row');
    });
    const after = define(({ can }) => {
      can('read', 'Row');
      can('read', 'Row', { owner: 'me' });
    });
    // No parameter is left behind by the branch simplified away.
    expect(toSql(before)).toEqual({ sql: 'TRUE', params: [] });
    expect(toSql(after)).toEqual({ sql: 'TRUE', params: [] });
  });

  it('casl#957: field-restricted rules, as ability.can(action, record) without a field reads them', () => {
    // A can with fields grants the record (some fields of it); a cannot with fields only hides those fields.
    const ability = define(({ can, cannot }) => {
      can('read', 'Row', ['owner'], { kind: 'public' });
      cannot('read', 'Row', ['tags'], { flag: true });
    });
    expect(ability.can('read', subject('Row', { kind: 'public', flag: true }))).toBe(true);
    expect(toSql(ability)).toEqual({ sql: '(r.kind IS NOT NULL AND r.kind = $1)', params: ['public'] });
  });

  it('casl#696: rule order decides', () => {
    const canLast = define(({ can, cannot }) => {
      cannot('read', 'Row', { kind: 'x' });
      can('read', 'Row');
    });
    const cannotLast = define(({ can, cannot }) => {
      can('read', 'Row');
      cannot('read', 'Row', { kind: 'x' });
    });
    expect(toSql(canLast)).toEqual({ sql: 'TRUE', params: [] });
    expect(toSql(cannotLast)).toEqual({ sql: '(NOT (r.kind IS NOT NULL AND r.kind = $1))', params: ['x'] });
  });

  it('an unconditional cannot denies everything below it', () => {
    const ability = define(({ can, cannot }) => {
      can('read', 'Row', { owner: 'me' });
      cannot('read', 'Row');
    });
    expect(toSql(ability)).toEqual({ sql: 'FALSE', params: [] });
  });

  it('numbers placeholders from firstParam', () => {
    const ability = define(({ can, cannot }) => {
      can('read', 'Row', { owner: 'a' });
      cannot('read', 'Row', { level: 1 });
    });
    expect(toSql(ability, 3)).toEqual({
      sql: '(NOT (r.level IS NOT NULL AND r.level = $3) AND (r.owner IS NOT NULL AND r.owner = $4))',
      params: [1, 'a'],
    });
    expect(() => toSql(ability, 0)).toThrow(/firstParam/);
  });
});

describe('rulesToSql: $and/$or/$nor', () => {
  it('are not operators of the default matcher: "$or" is an unknown field', () => {
    const conditions = { $or: [{ owner: 'a' }] } as MongoQuery;
    expect(() => readWhere(conditions)).toThrow(/unknown field "\$or".*reads it as a field name/);
  });

  it('are translated when the ability is built with a matcher that has them', () => {
    const ability = define(
      ({ can, cannot }) => {
        can('read', 'Row', { $or: [{ owner: 'a' }, { level: 1 }] } as MongoQuery);
        cannot('read', 'Row', { $nor: [{ kind: 'x' }] } as MongoQuery);
        can('read', 'Row', { $and: [{ flag: true }, { tags: 'x' }] } as MongoQuery);
      },
      { conditionsMatcher: logicalMongoQueryMatcher },
    );
    expect(ability.can('read', subject('Row', { owner: 'a', kind: 'x' }))).toBe(true);
    expect(toSql(ability)).toEqual({
      sql:
        '(((r.flag IS NOT NULL AND r.flag = $1) AND (r.tags IS NOT NULL AND r.tags @> $2)) OR ' +
        // cannot $nor [kind x] = NOT NOT (kind = x), simplified
        '((r.kind IS NOT NULL AND r.kind = $3) AND ((r.owner IS NOT NULL AND r.owner = $4) OR (r.level IS NOT NULL AND r.level = $5))))',
      params: [true, ['x'], 'x', 'a', 1],
    });
  });
});

describe('rulesToSql: refuses what it cannot translate', () => {
  it.each<[string, MongoQuery, RegExp]>([
    ['an unknown field', { nope: 1 }, /unknown field "nope" on Row/],
    ['a dotted path', { 'grants.agency': 'a' }, /dotted path "grants.agency"/],
    ['an unknown operator', { owner: { $regex: '^a' } }, /unsupported operator "\$regex" on field "owner"/],
    [
      '$elemMatch on an array column',
      { tags: { $elemMatch: { $eq: 'x' } } },
      /\$elemMatch on "tags".*only collections/,
    ],
    ['operators on a collection element itself', { grants: { $elemMatch: { $eq: 'x' } } }, /element itself/],
    [
      'a collection without $elemMatch',
      { grants: { agency: 'a' } },
      /collection "grants".*only be tested with \$elemMatch/,
    ],
    [
      'an unknown element field',
      { grants: { $elemMatch: { nope: 1 } } },
      /unknown field "nope" on Row\.grants\[\]/,
    ],
    ['a regular expression value', { owner: { $in: [/a/] } }, /unsupported value \/a\//],
    ['undefined', { owner: undefined }, /unsupported value undefined/],
    ['an object value', { owner: { id: 1 } }, /unsupported value \{"id":1\}/],
    ['mixed types in a list', { owner: { $in: ['1', 1] } }, /mixes value types/],
    ["a shape CASL's parser rejects", { level: { $gt: true } }, /expects value to be comparable/],
  ])('%s', (_name, conditions, error) => {
    expect(() => readWhere(conditions)).toThrow(error);
  });

  it('even in a rule that an unconditional rule makes unreachable', () => {
    const ability = define(({ can }) => {
      can('read', 'Row', { nope: 1 });
      can('read', 'Row');
    });
    expect(() => toSql(ability)).toThrow(/unknown field "nope"/);
  });
});

describe('rulesToSql: a rule that narrows another adds nothing to the SQL', () => {
  it('drops a rule whose conditions (an $elemMatch included) contain another rule’s', () => {
    const ability = define(({ can }) => {
      can('read', 'Row', ['owner'], { grants: { $elemMatch: { agency: 'a' } } });
      can('read', 'Row', ['name'], {
        grants: { $elemMatch: { agency: 'a', purposes: 'SERVICE' } },
        kind: 'k',
      });
      can('read', 'Row', { owner: 'a' });
    });
    expect(toSql(ability)).toEqual({
      sql: '((r.owner IS NOT NULL AND r.owner = $1) OR (EXISTS (SELECT 1 FROM grant g WHERE g.row_id = r.id AND (g.agency IS NOT NULL AND g.agency = $2))))',
      params: ['a', 'a'],
    });
  });

  it('keeps every rule when one is a cannot (rule order decides then)', () => {
    const ability = define(({ can, cannot }) => {
      can('read', 'Row', { owner: 'a', kind: 'k' });
      cannot('read', 'Row', { flag: true });
      can('read', 'Row', { owner: 'a' });
    });
    expect(toSql(ability).params).toEqual(['a', true, 'a', 'k']);
  });
});

describe('accessWhere for one field', () => {
  it('is the SQL of can(action, row, field): the rules that speak of the field, cannot rules naming it included', () => {
    const ability = define(({ can, cannot }) => {
      can('read', 'Row');
      cannot('read', 'Row', ['owner'], { flag: true });
      can('read', 'Row', ['owner'], { kind: 'k' });
    });
    const owner = accessWhere(ability, 'read', 'Row', map, 'owner');
    expect(owner.sql.replace(/:access_\d+_/g, ':p')).toBe(
      '((r.kind IS NOT NULL AND r.kind = :p0) OR NOT (r.flag IS NOT NULL AND r.flag = :p1))',
    );
    expect(Object.values(owner.params)).toEqual(['k', true]);
    expect(accessWhere(ability, 'read', 'Row', map, 'kind').sql).toBe('TRUE');
  });
});

describe('accessWhere: compiled once per set of rules', () => {
  const byAgency = (agency: string, user: string) =>
    define(({ can, cannot }) => {
      can('read', 'Row', { owner: agency });
      can('read', 'Row', { grants: { $elemMatch: { agency, purposes: 'SERVICE' } } });
      cannot('read', 'Row', { tags: user });
    });
  const names = (where: { sql: string }): string[] => where.sql.match(/:access_\d+_\d+/g) ?? [];

  it('gives the same rules (another ability: another request) the same text and parameters, other rules their own', () => {
    const first = accessWhere(byAgency('a', 'u'), 'read', 'Row', map);
    const again = accessWhere(byAgency('a', 'u'), 'read', 'Row', map);
    const other = accessWhere(byAgency('b', 'u'), 'read', 'Row', map);
    expect(again).toEqual(first);
    expect(Object.values(first.params)).toEqual([['u'], 'a', ['SERVICE'], 'a']);
    expect(Object.values(other.params)).toEqual([['u'], 'b', ['SERVICE'], 'b']);
    // Other rules, other names: the two can sit in one statement.
    expect(names(other).some((name) => names(first).includes(name))).toBe(false);
    expect(first.sql.replace(/:access_\d+_/g, ':p')).toBe(other.sql.replace(/:access_\d+_/g, ':p'));
  });

  it('answers what a fresh compilation answers, per map, action and field', () => {
    const ability = define(({ can, cannot }) => {
      can('read', 'Row');
      cannot('read', 'Row', ['owner'], { flag: true });
      can('update', 'Row', { owner: 'a' });
    });
    const positional = (where: { sql: string; params: Record<string, unknown> }) => {
      const order = names(where);
      return {
        sql: order.reduce((sql, name, i) => sql.replace(name, `$${i + 1}`), where.sql),
        params: order.map((name) => where.params[name.slice(1)]),
      };
    };
    const otherMap: SqlSubjectMap = {
      fields: { ...map.fields, owner: { sql: 'r.owner_id', kind: 'scalar' } },
    };
    for (let round = 0; round < 2; round++) {
      expect(positional(accessWhere(ability, 'update', 'Row', map))).toEqual(
        rulesToSql(ability, 'update', 'Row', map),
      );
      expect(positional(accessWhere(ability, 'update', 'Row', otherMap))).toEqual(
        rulesToSql(ability, 'update', 'Row', otherMap),
      );
      expect(accessWhere(ability, 'read', 'Row', map).sql).toBe('TRUE');
      expect(positional(accessWhere(ability, 'read', 'Row', map, 'owner'))).toEqual({
        sql: '(NOT (r.flag IS NOT NULL AND r.flag = $1))',
        params: [true],
      });
    }
  });

  it('hands out its parameters as a copy: what a caller adds stays with the caller', () => {
    const first = accessWhere(byAgency('c', 'u'), 'read', 'Row', map);
    first.params['now'] = EPOCH;
    expect(Object.keys(accessWhere(byAgency('c', 'u'), 'read', 'Row', map).params)).not.toContain('now');
  });

  it('keeps refusing what it cannot translate: a value no key can spell is compiled, and refused, every time', () => {
    const regex = () => define(({ can }) => can('read', 'Row', { name: /a/ } as MongoQuery));
    expect(() => accessWhere(regex(), 'read', 'Row', map)).toThrow(/unsupported value \/a\//);
    expect(() => accessWhere(regex(), 'read', 'Row', map)).toThrow(/unsupported value \/a\//);
  });

  it('compiles $and/$or/$nor every time: another matcher reads the same conditions otherwise', () => {
    const conditions = { $or: [{ owner: 'a' }, { level: 1 }] } as MongoQuery;
    const logical = define(({ can }) => can('read', 'Row', conditions), {
      conditionsMatcher: logicalMongoQueryMatcher,
    });
    const plain = define(({ can }) => can('read', 'Row', conditions));
    expect(accessWhere(logical, 'read', 'Row', map).sql).toContain('r.owner');
    expect(() => accessWhere(plain, 'read', 'Row', map)).toThrow(/unknown field "\$or"/);
    expect(accessWhere(logical, 'read', 'Row', map).sql).toContain('r.level');
  });
});
