import { generate } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

const workspace = resolve(import.meta.dirname, '../../..');

describe('generated GraphQL types (src/gql)', () => {
  it('match apps/api/schema.gql and the operations in src: run `npx nx codegen web` when this fails', async () => {
    const outputs = (await generate({ ...config, cwd: workspace, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const onDisk = readFileSync(resolve(workspace, output.filename), 'utf8');
      expect([output.filename, onDisk]).toEqual([output.filename, output.content]);
    }
  }, 30_000);
});
