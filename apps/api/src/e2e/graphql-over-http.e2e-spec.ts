import { serverAudits } from 'graphql-http';
import type { TestHub } from '@hub/testing';
import { startHub } from './hub';

/**
 * GraphQL over HTTP to the letter: every MUST and SHOULD audit of graphql-http's server suite
 * against the running hub (anonymous; the audits send no token). The MAY audits are options we
 * do not all take (GET needs csrfPrevention's preflight header), so they are not asserted.
 */
const audits = (url: () => string) => serverAudits({ url });

describe('GraphQL over HTTP (graphql-http audits, e2e)', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const required = audits(() => `${hub.url}/graphql`).filter((audit) => /^(MUST|SHOULD) /.test(audit.name));

  it('holds the whole suite: 13 MUST and 23 SHOULD audits', () => {
    const count = (level: string) => required.filter((audit) => audit.name.startsWith(`${level} `)).length;
    expect({ must: count('MUST'), should: count('SHOULD') }).toEqual({ must: 13, should: 23 });
  });

  it('answers every operation Cache-Control: no-store: over POST, over GET, and a refusal', async () => {
    const query = '{ __typename }';
    const post = (body: unknown) =>
      fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const answers = await Promise.all([
      post({ query }),
      fetch(`${hub.url}/graphql?query=${encodeURIComponent(query)}`, {
        headers: { 'apollo-require-preflight': 'true' },
      }),
      post({ query: '{ noSuchField }' }),
    ]);
    const refusal = (await answers[2].json()) as { errors?: { extensions?: { code?: string } }[] };
    expect({
      cacheControl: answers.map((answer) => answer.headers.get('cache-control')),
      refused: refusal.errors?.map((error) => error.extensions?.code),
    }).toEqual({
      cacheControl: ['no-store', 'no-store', 'no-store'],
      refused: ['GRAPHQL_VALIDATION_FAILED'],
    });
  });

  it.each(required.map((audit) => [audit.id, audit.name, audit] as const))(
    '%s %s',
    async (_id, _name, audit) => {
      const result = await audit.fn();
      expect({
        id: result.id,
        status: result.status,
        reason: 'reason' in result ? result.reason : undefined,
      }).toEqual({ id: audit.id, status: 'ok', reason: undefined });
    },
  );
});
