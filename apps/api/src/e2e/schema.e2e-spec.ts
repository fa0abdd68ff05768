import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TestHub } from '@hub/testing';
import { startHub } from './hub';

const SCHEMA_FILE = resolve(__dirname, '../../schema.gql');
const HEADER = '# Generated from the code-first resolvers. Do not edit: run `npm run schema:write`.\n\n';

describe('committed schema (apps/api/schema.gql)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('matches the schema the code generates', () => {
    const generated = HEADER + printSchema(hub.app.get(GraphQLSchemaHost).schema) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    // When this fails the API changed: review the diff, then `npm run schema:write` and commit.
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
