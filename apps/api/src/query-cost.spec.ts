import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getIntrospectionQuery, OperationDefinitionNode, parse } from 'graphql';
import { queryCost, queryCostPlugin } from '@hub/graphql';

/** The list-aware cost of operations against the committed schema (the e2e limits use the same numbers). */
const schema = buildSchema(readFileSync(join(__dirname, '../schema.gql'), 'utf8'));

function costOf(query: string, variables: Record<string, unknown> = {}): number | null {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  if (!operation) throw new Error('no operation');
  return queryCost(schema, document, operation, variables);
}

describe('queryCost', () => {
  it.each([
    ['a connection at the default page (20)', '{ agencies { edges { node { id name } } } }', 21],
    ['a connection at first: 100', '{ agencies(first: 100) { edges { node { id } } } }', 101],
    [
      'nested objects count once each per row',
      '{ agencies(first: 10) { edges { node { id address { city } } } } }',
      21,
    ],
    [
      'an unpaged list counts 100 per parent',
      '{ taskForces(first: 1) { edges { node { members { agency { id } } } } } }',
      1 + 1 * (1 + 1 + 100),
    ],
    ['pageInfo is one object', '{ resources(first: 5) { pageInfo { hasNextPage } } }', 1 + 5 * 1],
    ['scalars at the root are free', '{ unreadNotificationCount }', 0],
  ])('%s', (_name, query, cost) => {
    expect(costOf(query)).toBe(cost);
  });

  it('reads the page size from variables', () => {
    expect(costOf('query($n: Int) { agencies(first: $n) { edges { node { id } } } }', { n: 7 })).toBe(8);
  });

  it('leaves variables that do not fit the operation to execution (null)', () => {
    expect(
      costOf('query($n: Int) { agencies(first: $n) { edges { node { id } } } }', { n: 'seven' }),
    ).toBeNull();
  });

  it('does not charge introspection (GraphiQL and codegen read the schema, not data)', () => {
    expect(costOf(getIntrospectionQuery())).toBe(0);
  });
});

describe('queryCostPlugin', () => {
  it('counts a document once per variables: the same operation asking a larger page is still refused', async () => {
    const plugin = queryCostPlugin(50);
    const document = parse('query Page($n: Int) { agencies(first: $n) { edges { node { id } } } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const costOfRun = async (n: unknown) => {
      const hooks = (await plugin.requestDidStart?.({} as never)) as {
        didResolveOperation(context: unknown): Promise<void>;
      };
      return hooks.didResolveOperation({ schema, document, operation, request: { variables: { n } } }).then(
        () => 'ran',
        (error: { extensions: { cost: number } }) => error.extensions.cost,
      );
    };
    const answers = [];
    for (const n of [7, 7, 70, 7, 70, 'seven']) answers.push(await costOfRun(n));
    expect(answers).toEqual(['ran', 'ran', 71, 'ran', 71, 'ran']);
  });
});
