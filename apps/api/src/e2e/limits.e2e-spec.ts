import { AgencyService, TaskForceService } from '@hub/agencies';
import { GraphqlResponse, TestHub } from '@hub/testing';
import { startHub } from './hub';

/**
 * Operation limits (GRAPHQL_MAX_DEPTH / _ALIASES / _COST): an operation over a limit is refused as
 * a validation failure (a request error: 200 as application/json, 400 as
 * application/graphql-response+json) naming the limit, and no resolver runs. Cost counts lists at
 * their page size (query-budget.spec.ts has the nested case).
 */
const USER = 'tf.coordinator';

const TOO_DEEP = '{ taskForces { edges { node { members { agency { name } } } } } }'; // depth 6
const DEEP_ENOUGH = '{ taskForces { edges { node { members { role } } } } }'; // depth 5
const TOO_DEEP_IN_FRAGMENTS = `query { taskForces { ...Page } }
  fragment Page on TaskForceConnection { edges { node { ...Members } } }
  fragment Members on TaskForce { members { agency { name } } }`; // depth 6 once fragments are flattened

const aliased = (count: number) =>
  `{ ${['a', 'b', 'c', 'd', 'e']
    .slice(0, count)
    .map((alias) => `${alias}: directory { edges { node { name } } }`)
    .join(' ')} }`;
const TOO_MANY_ALIASES = aliased(4);
const ENOUGH_ALIASES = aliased(3);

/** `directory(first: n) { edges { node { name } } }` costs 1 + n: one object per row, scalars free. */
const directoryPage = (first: number) => `{ directory(first: ${first}) { edges { node { id name } } } }`;

describe('operation limits (e2e, depth 5, aliases 3, cost 70)', () => {
  let hub: TestHub;
  let directorySpy: jest.SpyInstance;
  let taskForcesSpy: jest.SpyInstance;

  beforeAll(async () => {
    hub = await startHub({
      env: { GRAPHQL_MAX_DEPTH: '5', GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_COST: '70' },
    });
  });
  afterAll(async () => {
    await hub.close();
  });
  beforeEach(() => {
    directorySpy = jest.spyOn(hub.app.get(AgencyService), 'directory');
    taskForcesSpy = jest.spyOn(hub.app.get(TaskForceService), 'list');
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  function expectRefusedForLimit(response: GraphqlResponse, limit: RegExp): void {
    expect(response.body.data ?? undefined).toBeUndefined();
    expect(response.body.errors?.[0]?.message).toMatch(limit);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.status).toBe(200); // hub.gql accepts application/json
  }

  it('refuses an operation deeper than 5 before any resolver runs', async () => {
    const response = await hub.gql(TOO_DEEP, {}, { user: USER });
    expect(taskForcesSpy).not.toHaveBeenCalled();
    expectRefusedForLimit(response, /depth limit of 5 exceeded/i);
  });

  it('refuses an operation deeper than 5 hidden in fragments', async () => {
    const response = await hub.gql(TOO_DEEP_IN_FRAGMENTS, {}, { user: USER });
    expect(taskForcesSpy).not.toHaveBeenCalled();
    expectRefusedForLimit(response, /depth limit of 5 exceeded/i);
  });

  it('runs an operation of depth exactly 5 (control)', async () => {
    const response = await hub.gql<{ taskForces: { edges: { node: { members: { role: string }[] } }[] } }>(
      DEEP_ENOUGH,
      {},
      { user: USER },
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.taskForces.edges[0].node.members).toHaveLength(6);
    expect(taskForcesSpy).toHaveBeenCalledTimes(1);
  });

  it('refuses an operation with 4 aliases before any resolver runs', async () => {
    const response = await hub.gql(TOO_MANY_ALIASES);
    expect(directorySpy).not.toHaveBeenCalled();
    expectRefusedForLimit(response, /aliases limit of 3 exceeded/i);
  });

  it('runs an operation with 3 aliases (control)', async () => {
    const response = await hub.gql<Record<string, { edges: unknown[] }>>(ENOUGH_ALIASES);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(Object.keys(response.body.data ?? {})).toEqual(['a', 'b', 'c']);
    expect(response.body.data?.a.edges).toHaveLength(6);
    expect(directorySpy).toHaveBeenCalledTimes(3);
  });

  it('refuses a page size that makes an operation costlier than 70 before any resolver runs', async () => {
    const response = await hub.gql(directoryPage(70));
    expect(directorySpy).not.toHaveBeenCalled();
    // A request error, answered as application/json: HTTP 200 (GraphQL over HTTP).
    expect(response.status).toBe(200);
    expect(response.body.data ?? undefined).toBeUndefined();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'QUERY_COST',
      cost: 71,
      maxCost: 70,
    });
  });

  it('runs an operation costing exactly 70 (control)', async () => {
    const response = await hub.gql<{ directory: { edges: unknown[] } }>(directoryPage(69));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.directory.edges).toHaveLength(6);
    expect(directorySpy).toHaveBeenCalledTimes(1);
  });
});
