import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  astFromValue,
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  print,
} from 'graphql';
import { TestHub } from '@hub/testing';
import { startHub } from './hub';

/**
 * Generated from the committed schema, so a new field is covered without editing this file:
 * every String/ID argument and input field (input objects walked recursively, required siblings
 * given minimal valid values) gets a NUL or an unpaired surrogate, and every connection a forged
 * `after` cursor. Each must be BAD_USER_INPUT, never INTERNAL_SERVER_ERROR. Each operation is
 * sent as a demo user who may use it (CALLERS); a root field missing there fails the suite.
 */
const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));

/** Who may call each root field (a new field needs an entry here). */
const CALLERS: Record<string, string> = {
  // queries
  agencies: 'ngo.caseworker',
  agency: 'ngo.caseworker',
  agencyUsers: 'ngo.lead',
  auditEvents: 'tf.auditor',
  auditEventsCsv: 'tf.auditor',
  breakGlassSessions: 'ngo.lead',
  consents: 'ngo.caseworker',
  directory: 'ngo.caseworker',
  directoryExport: 'tf.coordinator',
  notification: 'ngo.caseworker',
  notifications: 'ngo.caseworker',
  pendingAcknowledgements: 'ngo.lead',
  previewDirectoryImport: 'tf.coordinator',
  protocol: 'tf.coordinator',
  protocolPreview: 'tf.coordinator',
  protocols: 'tf.coordinator',
  referral: 'ngo.caseworker',
  referrals: 'ngo.caseworker',
  resources: 'ngo.caseworker',
  survivor: 'ngo.caseworker',
  survivors: 'ngo.caseworker',
  taskForces: 'tf.coordinator',
  technicalAssistanceRequest: 'ngo.lead',
  technicalAssistanceRequests: 'ngo.lead',
  verifyAuditTrail: 'tf.auditor',
  // mutations
  acceptReferral: 'ngo.caseworker',
  acknowledgeProtocol: 'ngo.lead',
  acknowledgeReferral: 'ngo.caseworker',
  addReferralMessage: 'ngo.caseworker',
  addTaskForceMember: 'tf.coordinator',
  addTechnicalAssistanceMessage: 'ngo.lead',
  applyDirectoryImport: 'tf.coordinator',
  archiveProtocol: 'tf.coordinator',
  assignTechnicalAssistance: 'tf.coordinator',
  closeTechnicalAssistance: 'ngo.lead',
  completeReferral: 'ngo.caseworker',
  createAgency: 'hub.admin',
  createChildSafetyReferral: 'ngo.lead',
  createProtocol: 'tf.coordinator',
  createReferral: 'ngo.caseworker',
  createResource: 'tf.coordinator',
  createSurvivor: 'ngo.caseworker',
  createTaskForce: 'hub.admin',
  deactivateAgency: 'hub.admin',
  declineReferral: 'ngo.caseworker',
  declineTechnicalAssistance: 'tf.coordinator',
  deliverTechnicalAssistance: 'ta.provider',
  failReferral: 'ngo.caseworker',
  holdReferral: 'ngo.caseworker',
  markNotificationsRead: 'ngo.caseworker',
  openBreakGlass: 'ngo.lead',
  endBreakGlass: 'ngo.lead',
  reviewBreakGlass: 'ngo.lead',
  publishProtocolVersion: 'tf.coordinator',
  recordConsent: 'ngo.caseworker',
  recordTechnicalAssistanceSession: 'ta.provider',
  reinstateAgencyUser: 'ngo.lead',
  removeTaskForceMember: 'tf.coordinator',
  requestTechnicalAssistance: 'ngo.lead',
  retireResource: 'tf.coordinator',
  revokeConsent: 'ngo.caseworker',
  sendReferral: 'ngo.caseworker',
  startReferral: 'ngo.caseworker',
  startTechnicalAssistance: 'ta.provider',
  suspendAgencyUser: 'ngo.lead',
  triageTechnicalAssistance: 'tf.coordinator',
  updateAgency: 'hub.admin',
  updateAgencyProfile: 'ngo.lead',
  updateProtocolDraft: 'tf.coordinator',
  updateResource: 'tf.coordinator',
  updateSurvivor: 'ngo.caseworker',
  updateTaskForceMember: 'tf.coordinator',
  withdrawReferral: 'ngo.caseworker',
  withdrawTechnicalAssistance: 'ngo.lead',
};

const NUL = 'Harbor\u0000Light';
const LONE_SURROGATE = 'Harbor\uD800Light';
const SOME_UUID = '0a6e1d3c-5b1f-4c11-9d1a-000000000001';

/** A minimal valid value of a type (required fields only), so only the hostile string is wrong. */
function minimal(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return minimal(type.ofType);
  if (isListType(type)) return [minimal(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, minimal(field.type)]),
    );
  }
  switch (type.name) {
    case 'ID':
      return SOME_UUID;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    default:
      return 'x';
  }
}

/** Every path to a String/ID inside a type: [] for the type itself, ['name'], ['address', 'city'], … */
function stringPaths(type: GraphQLInputType, seen: ReadonlySet<string> = new Set()): string[][] {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'String' || named.name === 'ID' ? [[]] : [];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const inside = new Set([...seen, named.name]);
  return Object.values(named.getFields()).flatMap((field) =>
    stringPaths(field.type, inside).map((path) => [field.name, ...path]),
  );
}

/** The minimal value of `type` with `hostile` at `path` (lists get one item). */
function withHostile(type: GraphQLInputType, path: string[], hostile: string): unknown {
  if (isNonNullType(type)) return withHostile(type.ofType, path, hostile);
  if (isListType(type)) return [withHostile(type.ofType, path, hostile)];
  if (path.length === 0) return hostile;
  if (!isInputObjectType(type)) throw new Error(`no field ${path.join('.')} in ${type.name}`);
  const [head, ...rest] = path;
  const base = minimal(type) as Record<string, unknown>;
  return { ...base, [head]: withHostile(type.getFields()[head].type, rest, hostile) };
}

interface Case {
  root: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  arg: GraphQLArgument;
  path: string[];
}

function rootFields(): { root: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] {
  const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  return roots.flatMap(([root, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ root, field })),
  );
}

const STRING_CASES: Case[] = rootFields().flatMap(({ root, field }) =>
  field.args.flatMap((arg) => stringPaths(arg.type).map((path) => ({ root, field, arg, path }))),
);

const CONNECTIONS = rootFields().filter(
  ({ root, field }) =>
    root === 'query' &&
    getNamedType(field.type).name.endsWith('Connection') &&
    field.args.some((arg) => arg.name === 'after'),
);

const selectionOf = (field: GraphQLField<unknown, unknown>) =>
  isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';

/** The operation with every argument passed as a variable: the hostile one plus required siblings. */
function asVariables(c: Case, hostile: string): { query: string; variables: Record<string, unknown> } {
  const args = c.field.args.filter((arg) => arg === c.arg || isNonNullType(arg.type));
  const variables = Object.fromEntries(
    args.map((arg) => [arg.name, arg === c.arg ? withHostile(arg.type, c.path, hostile) : minimal(arg.type)]),
  );
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return {
    query: `${c.root} Hostile(${definitions}) { ${c.field.name}(${passed})${selectionOf(c.field)} }`,
    variables,
  };
}

/** The same with every argument written inline as a literal (`"Harbor\u0000Light"`). */
function asLiteral(c: Case, hostile: string): string {
  const args = c.field.args.filter((arg) => arg === c.arg || isNonNullType(arg.type));
  const passed = args.map((arg) => {
    const value = arg === c.arg ? withHostile(arg.type, c.path, hostile) : minimal(arg.type);
    const ast = astFromValue(value, arg.type);
    if (!ast) throw new Error(`cannot write ${c.field.name}(${arg.name}) as a literal`);
    return `${arg.name}: ${print(ast)}`;
  });
  return `${c.root} { ${c.field.name}(${passed.join(', ')})${selectionOf(c.field)} }`;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** Forged cursors that no list made, whatever its key (text, timestamp, uuid or bigint parts). */
const FORGED_CURSORS: [string, string][] = [
  ['garbage, not base64 JSON', '!!not-a-cursor!!'],
  ['base64 of text that is not JSON', Buffer.from('hello', 'utf8').toString('base64url')],
  ['valid JSON of the wrong shape (object)', b64({ name: 'Harbor Light', id: SOME_UUID })],
  ['valid JSON of the wrong arity', b64(['Harbor Light'])],
  ['numbers where strings belong', b64([1, 2])],
  ['right shape, id not a UUID', b64(['2026-01-01T00:00:00.000000Z', "1' OR '1'='1"])],
  ['right shape, NUL in the first part', b64(['2026-01-01T00:00:00.000000Z\u0000', SOME_UUID])],
  ['right shape, NUL in the id', b64(['2026-01-01T00:00:00.000000Z', `${SOME_UUID}\u0000`])],
  ['right shape, unpaired surrogate', b64(['Harbor\uD800', SOME_UUID])],
];
/** Valid text for name-keyed lists, impossible for time-keyed ones: refused or an ordinary page, never a 500. */
const IMPOSSIBLE_TIME = b64(['2026-02-30T25:61:00.000000Z', SOME_UUID]);

function callerOf(fieldName: string): string {
  const user = CALLERS[fieldName];
  if (!user) {
    throw new Error(
      `hostile-input.spec.ts: add "${fieldName}" to CALLERS (a demo user who may call it), so its inputs are tested`,
    );
  }
  return user;
}

describe('hostile input (e2e, generated from schema.gql)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('knows a caller for every root field that takes text or pages', () => {
    const fields = new Set([...STRING_CASES, ...CONNECTIONS].map((c) => c.field.name));
    expect([...fields].filter((name) => !CALLERS[name])).toEqual([]);
    // The generator really found the inputs it is about (a broken walk would test nothing).
    expect(STRING_CASES.length).toBeGreaterThan(100);
    expect(CONNECTIONS.map(({ field }) => field.name)).toEqual(
      expect.arrayContaining(['agencies', 'taskForces', 'protocols', 'directory', 'resources', 'referrals']),
    );
  });

  it.each(STRING_CASES.map((c) => [`${c.field.name}(${[c.arg.name, ...c.path].join('.')})`, c] as const))(
    '%s: a NUL or an unpaired surrogate, as a variable or inline, is BAD_USER_INPUT',
    async (_name, c) => {
      const user = callerOf(c.field.name);
      const sent = [
        asVariables(c, NUL),
        asVariables(c, LONE_SURROGATE),
        { query: asLiteral(c, NUL), variables: {} },
      ];
      for (const { query, variables } of sent) {
        const response = await hub.gql(query, variables, { user });
        expect({
          query,
          code: response.body.errors?.[0]?.extensions?.code,
          data: response.body.data ?? null,
        }).toEqual({
          query,
          code: 'BAD_USER_INPUT',
          data: null,
        });
        // A request error answered as application/json is HTTP 200 (GraphQL over HTTP).
        expect(response.status).toBe(200);
      }
    },
  );

  it.each(CONNECTIONS.map((c) => [c.field.name, c] as const))(
    '%s: a forged `after` cursor is BAD_USER_INPUT',
    async (_name, { field }) => {
      const user = callerOf(field.name);
      const required = field.args.filter((arg) => isNonNullType(arg.type));
      const definitions = ['$after: String', ...required.map((arg) => `$${arg.name}: ${String(arg.type)}`)];
      const passed = ['after: $after', ...required.map((arg) => `${arg.name}: $${arg.name}`)];
      const query = `query Forged(${definitions.join(', ')}) { ${field.name}(${passed.join(', ')}) { pageInfo { hasNextPage } } }`;
      const base = Object.fromEntries(required.map((arg) => [arg.name, minimal(arg.type)]));
      for (const [forgery, after] of FORGED_CURSORS) {
        const response = await hub.gql(query, { ...base, after }, { user });
        expect({ forgery, codes: response.body.errors?.map((error) => error.extensions?.code) }).toEqual({
          forgery,
          codes: ['BAD_USER_INPUT'],
        });
      }
      const impossible = await hub.gql(query, { ...base, after: IMPOSSIBLE_TIME }, { user });
      expect(impossible.body.errors?.map((error) => error.extensions?.code) ?? []).not.toContain(
        'INTERNAL_SERVER_ERROR',
      );
      expect([undefined, 'BAD_USER_INPUT']).toContain(impossible.body.errors?.[0]?.extensions?.code);
    },
  );

  it('still pages with a cursor the list made (control)', async () => {
    const first = await hub.gql<{ agencies: { pageInfo: { endCursor: string } } }>(
      '{ agencies(first: 2) { pageInfo { endCursor } } }',
      {},
      { user: 'ngo.caseworker' },
    );
    const next = await hub.gql<{ agencies: { edges: unknown[] } }>(
      'query($after: String) { agencies(first: 2, after: $after) { edges { cursor } } }',
      { after: first.body.data?.agencies.pageInfo.endCursor },
      { user: 'ngo.caseworker' },
    );
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data?.agencies.edges).toHaveLength(2);
  });
});
