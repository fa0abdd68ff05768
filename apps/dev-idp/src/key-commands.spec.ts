import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKeyCommand, USAGE } from './key-commands';

describe('runKeyCommand', () => {
  let dir: string;
  let keyFile: string;
  let out: string[];
  let err: string[];
  const output = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-idp-cli-'));
    keyFile = join(dir, 'keys.json');
    out = [];
    err = [];
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const listed = () => JSON.parse(out[out.length - 1]) as { kid: string; signing: boolean }[];

  it('lists, rotates and withdraws keys in the key file', async () => {
    expect(await runKeyCommand(['list-keys'], keyFile, output)).toBe(0);
    const [first] = listed();
    expect(first.signing).toBe(true);

    expect(await runKeyCommand(['rotate-key'], keyFile, output)).toBe(0);
    const rotated = out[out.length - 1];
    expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect(await runKeyCommand(['withdraw-key', first.kid], keyFile, output)).toBe(0);
    expect(out[out.length - 1]).toBe(`withdrawn ${first.kid}`);
    expect(await runKeyCommand(['list-keys'], keyFile, output)).toBe(0);
    expect(listed().map(({ kid, signing }) => ({ kid, signing }))).toEqual([{ kid: rotated, signing: true }]);
    expect(err).toEqual([]);
  });

  it('reports a refused withdrawal with exit code 1', async () => {
    expect(await runKeyCommand(['list-keys'], keyFile, output)).toBe(0);
    const [only] = listed();
    expect(await runKeyCommand(['withdraw-key', only.kid], keyFile, output)).toBe(1);
    expect(err).toEqual([
      `dev-idp withdraw-key: Key ${only.kid} is the signing key; rotate to a new key before withdrawing it`,
    ]);
  });

  it('prints usage with exit code 2 for an unknown command or wrong arguments', async () => {
    expect(await runKeyCommand(['rotate'], keyFile, output)).toBe(2);
    expect(await runKeyCommand(['withdraw-key'], keyFile, output)).toBe(2);
    expect(err).toEqual([USAGE, USAGE]);
    expect(await runKeyCommand(['--help'], keyFile, output)).toBe(0);
    expect(out).toEqual([USAGE]);
  });
});
