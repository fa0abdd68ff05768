import type { AnyMongoAbility } from '@casl/ability';
import { isDeepStrictEqual } from 'node:util';
import type { NamedSql } from '@hub/database';

/**
 * Rules → SQL: the WHERE of a list query that returns exactly the rows `ability.can(action, row)`
 * allows (DESIGN.md §4 "Lists filter in SQL"). Our own translator, because CASL's query helpers
 * lose `cannot` rules and rule order (casl#1068, #1010, #957, #696) and turn unknown operators
 * into equality (casl#1018). It reads the conditions as CASL itself parsed them (`rule.ast`, the
 * @ucast/mongo AST) and gives each node the meaning @ucast/js gives it, null handling included;
 * rules-to-sql.property.spec.ts checks that against `ability.can` on random data in Postgres.
 */

/** One field of a record, as SQL. */
export interface SqlFieldMap {
  /** SQL expression on the main row (or on the collection element inside `exists`). */
  sql: string;
  kind: 'scalar' | 'array';
  /**
   * What a SQL NULL is in the record handed to `ability.can`: a property set to `null` (default;
   * what pg and TypeORM rows look like) or a missing property. CASL tells them apart in
   * `$exists`, in `$in`/`$nin` lists holding `null`, and in `$lt`/`$lte`/`$gt`/`$gte`.
   */
  nullAs?: 'null' | 'missing';
}

/** How a subject's fields map to SQL. Keys are the field names used in rule conditions. */
export interface SqlSubjectMap {
  /** scalar/array columns: field -> SQL expression on the main row, e.g. 'survivor.owner_agency_id' */
  fields: Record<string, SqlFieldMap>;
  /**
   * related collections a condition may test with $elemMatch, e.g. liveGrants -> EXISTS over grants:
   * exists(innerWhereSql) returns a full boolean SQL expression (e.g. `EXISTS (SELECT 1 FROM consent_grant g
   * WHERE g.survivor_id = survivor.id AND g.revoked_at IS NULL AND ${inner})`), and `fields` maps the
   * element's fields (e.g. agencyId -> g.agency_id, purposes -> g.purposes array).
   */
  collections?: Record<
    string,
    { exists: (innerWhere: string) => string; fields: Record<string, SqlFieldMap> }
  >;
}

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * WHERE expression (parenthesised) equivalent to ability.can(action, <row of subjectType>) for every row.
 * Placeholders are $n starting at `firstParam` (default 1) so callers can append to their own params.
 * Returns 'FALSE' when nothing is permitted, 'TRUE' when everything is.
 * Throws (never silently degrades) on an operator or field it does not know.
 *
 * The expression is two-valued (never NULL), so it may also be negated or compared.
 * Supports abilities whose conditions matcher is CASL's default mongo matcher (createMongoAbility),
 * optionally extended with `$and`/`$or`/`$nor` through buildMongoQueryMatcher. Condition values must
 * have the column's type: CASL compares strictly (`'1'` never equals `1`), Postgres coerces.
 */
export function rulesToSql(
  ability: AnyMongoAbility,
  action: string,
  subjectType: string,
  map: SqlSubjectMap,
  firstParam = 1,
): SqlFragment {
  if (!Number.isInteger(firstParam) || firstParam < 1) {
    throw new Error(`rulesToSql: firstParam must be a positive integer, got ${firstParam}`);
  }
  const params: unknown[] = [];
  const param: Param = (value) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  return { sql: renderTop(compileRules(ability, action, subjectType, map), param), params };
}

/** Compiled WHEREs kept per subject map: as many rule sets as callers were seen lately. */
const MAX_COMPILED_PER_MAP = 1_000;
const compiledByMap = new WeakMap<SqlSubjectMap, Map<string, NamedSql>>();
let compiledSeq = 0;

/**
 * The same WHERE as `rulesToSql`, with named parameters (`:access_<n>_<i>`), so it composes into a
 * TypeORM query builder (`.andWhere(sql, params)`) or a named query (`namedQuery` in
 * @hub/database) without anyone counting parameter positions.
 *
 * Compiled once per set of rules: what it answers depends only on the rules that decide
 * `action` on `subjectType` (their order, `cannot`s and conditions, the actor's agency and ids
 * written into them) and on `map`, not on the request. So it is kept per map (a map made once:
 * a module constant, or one per alias) under those rules, the most recently used
 * `MAX_COMPILED_PER_MAP` of them, and each entry keeps its parameter names: a statement built
 * from it has the same text on every request. Rules whose conditions a key cannot spell exactly
 * (a value that is not a string, number, boolean, null, date, array or plain object) or that
 * different matchers read differently (`$and`/`$or`/`$nor`) are compiled every time.
 */
export function accessWhere(
  ability: AnyMongoAbility,
  action: string,
  subjectType: string,
  map: SqlSubjectMap,
  /** A field: the SQL of `ability.can(action, row, field)` instead (e.g. whether a row's address may be shown). */
  field?: string,
): NamedSql {
  const key = rulesKey(ability.rulesFor(action, subjectType, field), action, subjectType, field);
  if (key === undefined) return compileNamed(ability, action, subjectType, map, field);
  let compiled = compiledByMap.get(map);
  if (!compiled) {
    compiled = new Map();
    compiledByMap.set(map, compiled);
  }
  let entry = compiled.get(key);
  if (entry) {
    // Most recently used last: the first key is the one to drop.
    compiled.delete(key);
  } else {
    entry = compileNamed(ability, action, subjectType, map, field);
    if (compiled.size >= MAX_COMPILED_PER_MAP) compiled.delete(compiled.keys().next().value as string);
  }
  compiled.set(key, entry);
  return { sql: entry.sql, params: { ...entry.params } };
}

function compileNamed(
  ability: AnyMongoAbility,
  action: string,
  subjectType: string,
  map: SqlSubjectMap,
  field: string | undefined,
): NamedSql {
  // Unique per compilation: two fragments in one statement never share a name unless they are one.
  const prefix = `access_${++compiledSeq}_`;
  const params: Record<string, unknown> = {};
  let count = 0;
  const param: Param = (value) => {
    const name = `${prefix}${count++}`;
    params[name] = value;
    return `:${name}`;
  };
  return { sql: renderTop(compileRules(ability, action, subjectType, map, field), param), params };
}

/**
 * What the compiled WHERE depends on, as a string: the rules `rulesFor` answered in their order
 * (inverted or not, conditions as written) and what was asked. Undefined when a condition holds
 * a value it cannot spell exactly, or a logical operator (see accessWhere).
 */
function rulesKey(
  rules: readonly (RuleLike & { inverted: boolean })[],
  action: string,
  subjectType: string,
  field: string | undefined,
): string | undefined {
  const parts = [JSON.stringify([action, subjectType, field ?? null])];
  for (const rule of rules) {
    const conditions = rule.conditions === undefined ? '-' : spell(rule.conditions);
    if (conditions === undefined) return undefined;
    parts.push(`${rule.inverted ? '!' : '+'}${conditions}`);
  }
  return parts.join('\n');
}

const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);

/** A condition value spelled so that two values spell the same only when CASL reads them the same. */
function spell(value: unknown): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (value === undefined) return 'undefined';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : `Date(${value.getTime()})`;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      const spelt = spell(item);
      if (spelt === undefined) return undefined;
      items.push(spelt);
    }
    return `[${items.join(',')}]`;
  }
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const entries: string[] = [];
    for (const [name, item] of Object.entries(value)) {
      if (LOGICAL_OPERATORS.has(name)) return undefined;
      const spelt = spell(item);
      if (spelt === undefined) return undefined;
      entries.push(`${JSON.stringify(name)}:${spelt}`);
    }
    return `{${entries.join(',')}}`;
  }
  return undefined;
}

function compileRules(
  ability: AnyMongoAbility,
  action: string,
  subjectType: string,
  map: SqlSubjectMap,
  field?: string,
): Expr {
  const context: Context = { aliases: 0 };
  const root: Scope = { fields: map.fields, collections: map.collections ?? {}, label: subjectType };

  // ability.can takes the first rule, highest priority first, whose conditions match (Ability.relevantRuleFor);
  // rulesFor(action, type) with no field already dropped inverted rules that name fields (Rule.matchesField).
  // Folding from the lowest priority up: allowed_k = can_k ? cond_k OR allowed_k+1 : NOT cond_k AND allowed_k+1,
  // which is "OR over can-rules i of (cond_i AND NOT any higher-priority cannot cond_j)" with each condition once.
  // With a field, rulesFor keeps the rules that speak of it, `cannot` rules naming it included (as can() does).
  const rules = ability.rulesFor(action, subjectType, field);
  const needed = new Set(withoutImpliedRules(rules));
  let allowed: Expr = FALSE;
  for (let k = rules.length - 1; k >= 0; k--) {
    const rule = rules[k];
    // Every rule is translated, a redundant one too: what cannot be translated is refused wherever it is.
    const condition = rule.conditions ? compileNode(conditionsAst(rule, subjectType), root, context) : TRUE;
    if (!needed.has(rule)) continue;
    allowed = rule.inverted ? and([not(condition), allowed]) : or([condition, allowed]);
  }
  return allowed;
}

/**
 * When no rule is a `cannot`, the record-level answer is the OR of the rules' conditions, and a rule
 * whose conditions imply another's adds nothing: dropped, so the SQL (and its planning) stays small.
 * The survivor policy grants each data class by a rule that narrows the record-level grant rule (a
 * class in the same `$elemMatch`): 13 EXISTS become 2. Implication is judged on the conditions as
 * written, conservatively: every condition of the implied rule appears in the other, equal, or as an
 * `$elemMatch` whose conditions appear in the other's. Of two equal rules the first is kept.
 */
function withoutImpliedRules<R extends RuleLike & { inverted: boolean }>(rules: readonly R[]): readonly R[] {
  if (rules.some((rule) => rule.inverted)) return rules;
  return rules.filter(
    (rule, i) =>
      !rules.some(
        (other, j) =>
          j !== i &&
          implies(rule.conditions, other.conditions) &&
          (j < i || !implies(other.conditions, rule.conditions)),
      ),
  );
}

/** Whether conditions `a` (a mongo query, undefined: none) imply conditions `b`, judged as written. */
function implies(a: unknown, b: unknown): boolean {
  if (b === undefined) return true;
  if (a === undefined || !isPlainObject(a) || !isPlainObject(b)) return false;
  return Object.entries(b).every(([key, wanted]) => {
    if (!Object.hasOwn(a, key)) return false;
    const given = a[key];
    if (isDeepStrictEqual(given, wanted)) return true;
    const inner = (value: unknown) =>
      isPlainObject(value) && Object.keys(value).length === 1 ? value.$elemMatch : undefined;
    const [givenElem, wantedElem] = [inner(given), inner(wanted)];
    return givenElem !== undefined && wantedElem !== undefined && implies(givenElem, wantedElem);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

// ---------------------------------------------------------------------------------------------
// Boolean expressions, simplified as they are built; values become placeholders only when rendered,
// so a branch simplified away leaves no unused parameter behind.

type Param = (value: unknown) => string;
type Expr =
  | { t: 'const'; v: boolean }
  | { t: 'atom'; render: (param: Param) => string }
  | { t: 'and' | 'or'; xs: Expr[] }
  | { t: 'not'; x: Expr };

const TRUE: Expr = { t: 'const', v: true };
const FALSE: Expr = { t: 'const', v: false };
const constant = (v: boolean): Expr => (v ? TRUE : FALSE);
const atom = (render: (param: Param) => string): Expr => ({ t: 'atom', render });
const sql = (text: string): Expr => atom(() => text);

function junction(t: 'and' | 'or', xs: Expr[]): Expr {
  const absorbing = t === 'or';
  const flat: Expr[] = [];
  for (const x of xs) {
    if (x.t === 'const') {
      if (x.v === absorbing) return x;
      continue;
    }
    if (x.t === t) flat.push(...x.xs);
    else flat.push(x);
  }
  if (flat.length === 0) return constant(!absorbing);
  return flat.length === 1 ? flat[0] : { t, xs: flat };
}
const and = (xs: Expr[]) => junction('and', xs);
const or = (xs: Expr[]) => junction('or', xs);
function not(x: Expr): Expr {
  if (x.t === 'const') return constant(!x.v);
  if (x.t === 'not') return x.x;
  return { t: 'not', x };
}

function render(e: Expr, param: Param): string {
  switch (e.t) {
    case 'const':
      return e.v ? 'TRUE' : 'FALSE';
    case 'atom':
      return e.render(param);
    case 'and':
    case 'or':
      return `(${e.xs.map((x) => operand(x, param)).join(e.t === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      return `NOT ${operand(e.x, param)}`;
  }
}
const operand = (e: Expr, param: Param) => (e.t === 'atom' ? `(${render(e, param)})` : render(e, param));
const renderTop = (e: Expr, param: Param) => (e.t === 'not' ? `(${render(e, param)})` : operand(e, param));

// ---------------------------------------------------------------------------------------------
// The @ucast AST of one rule's conditions, and its translation.

/** A node of @ucast/core's Condition tree: a FieldCondition has `field`, a CompoundCondition does not. */
interface AstNode {
  operator: string;
  value: unknown;
  field?: string;
}

interface Scope {
  fields: Record<string, SqlFieldMap>;
  collections: NonNullable<SqlSubjectMap['collections']>;
  label: string;
}

interface Context {
  /** Numbers the unnest aliases so that nested ones never shadow each other. */
  aliases: number;
}

interface RuleLike {
  conditions?: unknown;
  ast?: unknown;
}

function conditionsAst(rule: RuleLike, subjectType: string): AstNode {
  // Reading `ast` parses the conditions with the ability's own matcher: it throws exactly where CASL does.
  const ast = rule.ast;
  if (!isAstNode(ast)) {
    throw new Error(
      `rulesToSql: a rule on ${subjectType} has conditions but its matcher gives no @ucast AST`,
    );
  }
  return ast;
}

function isAstNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).operator === 'string';
}

function compileNode(node: AstNode, scope: Scope, context: Context): Expr {
  if (typeof node.field === 'string')
    return compileField(node as AstNode & { field: string }, scope, context);
  const children = (): Expr[] => {
    if (!Array.isArray(node.value) || !node.value.every(isAstNode)) {
      throw new Error(`rulesToSql: malformed "${node.operator}" condition on ${scope.label}`);
    }
    return node.value.map((child: AstNode) => compileNode(child, scope, context));
  };
  // @ucast/js: and = every, or = some, nor = !some (no $and/$or/$nor in CASL's default matcher,
  // but a matcher extended with them produces these nodes).
  switch (node.operator) {
    case 'and':
      return and(children());
    case 'or':
      return or(children());
    case 'nor':
      return not(or(children()));
    default:
      throw new Error(`rulesToSql: unsupported operator "$${node.operator}" on ${scope.label}`);
  }
}

/** @ucast/core's field name for "the value itself", e.g. inside `{ $elemMatch: { $eq: 1 } }`. */
const ITSELF = '__itself__';
const FIELD_OPERATORS = new Set(['eq', 'ne', 'in', 'nin', 'lt', 'lte', 'gt', 'gte', 'exists', 'all', 'size']);

function compileField(node: AstNode & { field: string }, scope: Scope, context: Context): Expr {
  const { field, operator } = node;
  if (field.includes('.')) {
    // @ucast/js reads "a.b" as a path through nested objects and arrays, with its own rules for a null
    // or an array on the way; a flat field on the record says what it means.
    throw new Error(
      `rulesToSql: dotted path "${field}" on ${scope.label} is not supported; use a flat field`,
    );
  }
  if (Object.hasOwn(scope.collections, field)) {
    if (operator !== 'elemMatch') {
      throw new Error(
        `rulesToSql: collection "${field}" of ${scope.label} can only be tested with $elemMatch, not "$${operator}"`,
      );
    }
    return compileElemMatch(node, field, scope.collections[field], scope, context);
  }
  if (!Object.hasOwn(scope.fields, field)) {
    const hint = field.startsWith('$')
      ? ` (CASL's default mongo matcher has no "${field}" operator and reads it as a field name)`
      : field === ITSELF
        ? " ($elemMatch with operators on the element itself; test the element's fields instead)"
        : '';
    throw new Error(`rulesToSql: unknown field "${field}" on ${scope.label}${hint}`);
  }
  if (operator === 'elemMatch') {
    throw new Error(`rulesToSql: $elemMatch on "${field}" of ${scope.label}: only collections support it`);
  }
  if (!FIELD_OPERATORS.has(operator)) {
    throw new Error(`rulesToSql: unsupported operator "$${operator}" on field "${field}" of ${scope.label}`);
  }
  const spec = scope.fields[field];
  const where = `"${field}" of ${scope.label}`;
  return spec.kind === 'array'
    ? arrayField(operator, node.value, spec, where, context)
    : scalarField(operator, node.value, spec, where);
}

function compileElemMatch(
  node: AstNode,
  field: string,
  collection: NonNullable<SqlSubjectMap['collections']>[string],
  scope: Scope,
  context: Context,
): Expr {
  if (!isAstNode(node.value))
    throw new Error(`rulesToSql: malformed $elemMatch on "${field}" of ${scope.label}`);
  // @ucast/js elemMatch: isArray(value) && value.some(element => matches(element)). The element scope has no
  // collections of its own; `{ $elemMatch: { $eq: … } }` (operators on the element itself) parses to the
  // field ITSELF, which is not a mapped element field and therefore throws.
  const inner = compileNode(
    node.value,
    { fields: collection.fields, collections: {}, label: `${scope.label}.${field}[]` },
    context,
  );
  if (inner.t === 'const' && !inner.v) return FALSE;
  return atom((param) => collection.exists(renderTop(inner, param)));
}

// ---------------------------------------------------------------------------------------------
// Field operators. Every expression here is two-valued: SQL NULL never leaks out of an atom.

type Comparison = 'lt' | 'lte' | 'gt' | 'gte';
const SQL_COMPARISON: Record<Comparison, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** @ucast/mongo2js compares with @ucast/js `compare` after turning a Date into its epoch ms. */
function caslCompare(a: unknown, b: unknown): 0 | 1 | -1 {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (x === y) return 0;
  // JS relational comparison, coercions included: `null > -1` is true, `undefined > x` is never.
  return (x as number) > (y as number) ? 1 : -1;
}

function comparisonHolds(operator: Comparison, result: 0 | 1 | -1): boolean {
  switch (operator) {
    case 'lt':
      return result === -1;
    case 'lte':
      return result !== 1;
    case 'gt':
      return result === 1;
    case 'gte':
      return result !== -1;
  }
}

type Scalar = string | number | boolean | Date;

function checkScalar(value: unknown, where: string, operator: string): Scalar | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw new Error(`rulesToSql: unsupported value ${show(value)} for "$${operator}" on ${where}`);
}

function checkList(value: unknown, where: string, operator: string): { items: Scalar[]; hasNull: boolean } {
  if (!Array.isArray(value)) throw new Error(`rulesToSql: "$${operator}" on ${where} expects an array`);
  const items: Scalar[] = [];
  let hasNull = false;
  for (const item of value) {
    const scalar = checkScalar(item, where, operator);
    if (scalar === null) hasNull = true;
    else items.push(scalar);
  }
  // Postgres would coerce ['1', 1] to one type; CASL compares each strictly. Refuse instead of guessing.
  if (new Set(items.map(typeOfScalar)).size > 1) {
    throw new Error(`rulesToSql: "$${operator}" on ${where} mixes value types`);
  }
  return { items, hasNull };
}

function checkComparable(value: unknown, where: string, operator: string): string | number | Date {
  const scalar = checkScalar(value, where, operator);
  if (scalar === null || typeof scalar === 'boolean') {
    throw new Error(`rulesToSql: "$${operator}" on ${where} needs a string, number or date`);
  }
  return scalar;
}

const typeOfScalar = (value: Scalar) => (value instanceof Date ? 'date' : typeof value);
const show = (value: unknown) =>
  value instanceof RegExp ? String(value) : value === undefined ? 'undefined' : JSON.stringify(value);

const isInt32 = (value: number) => Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1;
/** A placeholder Postgres types from the column; a fraction or a large number could not be read as int. */
const valueParam = (param: Param, value: Scalar) =>
  typeof value === 'number' && !isInt32(value) ? `${param(value)}::numeric` : param(value);
const listParam = (param: Param, values: Scalar[]) =>
  values.some((v) => typeof v === 'number' && !isInt32(v)) ? `${param(values)}::numeric[]` : param(values);
/** JS orders strings by UTF-16 code unit; "C" (byte order) agrees with it, a locale collation does not. */
const ordered = (expression: string, value: unknown) =>
  typeof value === 'string' ? `${expression} COLLATE "C"` : expression;

/** The expression as an operand: a bare column stays bare, anything else is parenthesised. */
const operandSql = (expression: string) =>
  /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)*$|^"[^"]+"(\."[^"]+")*$/.test(expression.trim())
    ? expression.trim()
    : `(${expression})`;

/** The value the record gives CASL for a SQL NULL: null, or undefined when the property is left out. */
const nullValue = (spec: SqlFieldMap) => (spec.nullAs === 'missing' ? undefined : null);

function scalarField(operator: string, raw: unknown, spec: SqlFieldMap, where: string): Expr {
  const c = operandSql(spec.sql);
  const isNull = sql(`${c} IS NULL`);
  switch (operator) {
    case 'eq':
    case 'ne': {
      // eq(null): the property is missing or null. eq(x): compare(value, x) === 0, so never for a null.
      const value = checkScalar(raw, where, operator);
      if (value === null) return operator === 'eq' ? isNull : not(isNull);
      if (operator === 'ne') return atom((p) => `${c} IS DISTINCT FROM ${valueParam(p, value)}`);
      return atom((p) => `${c} IS NOT NULL AND ${c} = ${valueParam(p, value)}`);
    }
    case 'in':
    case 'nin': {
      // in: includes(list, value); a null in the list matches a null, not a missing property
      // (compare(null, undefined) is -1).
      const { items, hasNull } = checkList(raw, where, operator);
      const within = or([
        items.length === 0
          ? FALSE
          : items.length === 1
            ? atom((p) => `${c} IS NOT NULL AND ${c} = ${valueParam(p, items[0])}`)
            : atom((p) => `${c} IS NOT NULL AND ${c} = ANY(${listParam(p, items)})`),
        hasNull && spec.nullAs !== 'missing' ? isNull : FALSE,
      ]);
      return operator === 'in' ? within : not(within);
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      // compare(null, x) is a JS relational comparison: `{ $gt: -5 }` matches null (0 > -5),
      // `{ $lt: 5 }` matches null and undefined. Whatever it gives for this x, a NULL column gives too.
      const value = checkComparable(raw, where, operator);
      const nullMatches = comparisonHolds(operator, caslCompare(nullValue(spec), value));
      return or([
        atom(
          (p) =>
            `${c} IS NOT NULL AND ${ordered(c, value)} ${SQL_COMPARISON[operator]} ${valueParam(p, value)}`,
        ),
        nullMatches ? isNull : FALSE,
      ]);
    }
    case 'exists':
      return existsField(raw, spec, c, where);
    case 'all':
    case 'size':
      // Both require the value to be an array (@ucast/js all/size); a scalar column never is.
      if (operator === 'size') checkSize(raw, where);
      else checkList(raw, where, operator);
      return FALSE;
    default:
      throw new Error(`rulesToSql: unsupported operator "$${operator}" on ${where}`);
  }
}

function arrayField(
  operator: string,
  raw: unknown,
  spec: SqlFieldMap,
  where: string,
  context: Context,
): Expr {
  const c = operandSql(spec.sql);
  const isNull = sql(`${c} IS NULL`);
  const hasNullElement = sql(`array_position(${c}, NULL) IS NOT NULL`);
  switch (operator) {
    case 'eq':
    case 'ne': {
      // eq(null): missing, null, or an array holding a null. eq(x): the array contains x.
      const value = checkScalar(raw, where, operator);
      const equal =
        value === null
          ? or([isNull, hasNullElement])
          : atom((p) => `${c} IS NOT NULL AND ${c} @> ${listParam(p, [value])}`);
      return operator === 'eq' ? equal : not(equal);
    }
    case 'in':
    case 'nin': {
      // in: some element is in the list; a non-array (null) value is itself looked up in the list.
      const { items, hasNull } = checkList(raw, where, operator);
      const within = or([
        items.length === 0 ? FALSE : atom((p) => `${c} IS NOT NULL AND ${c} && ${listParam(p, items)}`),
        hasNull ? hasNullElement : FALSE,
        hasNull && spec.nullAs !== 'missing' ? isNull : FALSE,
      ]);
      return operator === 'in' ? within : not(within);
    }
    case 'all': {
      // all: isArray(value) && list.every(x => value includes x); so [] matches any array, never null.
      const { items, hasNull } = checkList(raw, where, operator);
      return and([
        sql(`${c} IS NOT NULL`),
        items.length === 0 ? TRUE : atom((p) => `${c} @> ${listParam(p, items)}`),
        hasNull ? hasNullElement : TRUE,
      ]);
    }
    case 'size': {
      const size = checkSize(raw, where);
      if (!Number.isInteger(size) || size < 0 || size > 2 ** 31 - 1) return FALSE;
      return atom((p) => `${c} IS NOT NULL AND cardinality(${c}) = ${p(size)}`);
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      // Some element compares so; a null element compares as null does, a NULL column as null/undefined.
      const value = checkComparable(raw, where, operator);
      const alias = `_casl_e${++context.aliases}`;
      const elementNullMatches = comparisonHolds(operator, caslCompare(null, value));
      const columnNullMatches = comparisonHolds(operator, caslCompare(nullValue(spec), value));
      return or([
        atom(
          (p) =>
            `EXISTS (SELECT 1 FROM unnest(${c}) AS ${alias}(v) WHERE ` +
            `${ordered(`${alias}.v`, value)} ${SQL_COMPARISON[operator]} ${valueParam(p, value)}` +
            `${elementNullMatches ? ` OR ${alias}.v IS NULL` : ''})`,
        ),
        columnNullMatches ? isNull : FALSE,
      ]);
    }
    case 'exists':
      return existsField(raw, spec, c, where);
    default:
      throw new Error(`rulesToSql: unsupported operator "$${operator}" on ${where}`);
  }
}

function existsField(raw: unknown, spec: SqlFieldMap, c: string, where: string): Expr {
  // @ucast/js exists: hasOwn(record, field) === value. A null property exists; only a missing one does not.
  if (typeof raw !== 'boolean') throw new Error(`rulesToSql: "$exists" on ${where} expects a boolean`);
  if (spec.nullAs !== 'missing') return constant(raw);
  return sql(raw ? `${c} IS NOT NULL` : `${c} IS NULL`);
}

function checkSize(raw: unknown, where: string): number {
  if (typeof raw !== 'number') throw new Error(`rulesToSql: "$size" on ${where} expects a number`);
  return raw;
}
