import { readFile, stat, writeFile } from 'node:fs/promises';
import { calculateJwkThumbprint } from 'jose';
import { KeyStore, listKeyFile, rotateKeyFile, withdrawKeyFile } from './key-store';
import { tempDir, type TempDir } from './testing/spec-support';

interface KeyFile {
  keys: {
    kid: string;
    privateJwk: Record<string, unknown>;
    publicJwk: Record<string, unknown>;
    createdAt: string;
    signing: boolean;
  }[];
}

describe('KeyStore', () => {
  let dir: TempDir;
  let file: string;

  beforeEach(async () => {
    dir = await tempDir();
    file = `${dir.path}/a/b/keys.json`;
  });

  afterEach(async () => {
    await dir.remove();
  });

  it('creates the key file with its parent directories, mode 0600, one 2048-bit signing key', async () => {
    const store = await KeyStore.open(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const content = JSON.parse(await readFile(file, 'utf8')) as KeyFile;
    expect(content.keys).toHaveLength(1);
    const [key] = content.keys;
    expect(key).toEqual({
      kid: expect.any(String),
      privateJwk: expect.objectContaining({
        kty: 'RSA',
        d: expect.any(String),
        p: expect.any(String),
        kid: key.kid,
      }),
      publicJwk: { kid: key.kid, kty: 'RSA', alg: 'RS256', use: 'sig', n: expect.any(String), e: 'AQAB' },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      signing: true,
    });
    expect(key.kid).toBe(
      await calculateJwkThumbprint({ kty: 'RSA', n: String(key.publicJwk['n']), e: 'AQAB' }),
    );
    expect(Buffer.from(String(key.publicJwk['n']), 'base64url')).toHaveLength(256);
    expect(await store.list()).toEqual([{ kid: key.kid, createdAt: key.createdAt, signing: true }]);
    expect(await store.publicJwks()).toEqual([key.publicJwk]);
  });

  it('creates one key set when two processes open a missing file at once', async () => {
    const [one, two] = await Promise.all([KeyStore.open(file), KeyStore.open(file)]);
    expect(await one.publishedKids()).toEqual(await two.publishedKids());
    expect(await one.publishedKids()).toHaveLength(1);
  });

  it('rotates and withdraws through the file helpers the CLI uses', async () => {
    const [first] = await listKeyFile(file);
    const second = await rotateKeyFile(file);
    expect((await listKeyFile(file)).map(({ kid, signing }) => ({ kid, signing }))).toEqual([
      { kid: first.kid, signing: false },
      { kid: second, signing: true },
    ]);
    await withdrawKeyFile(file, first.kid);
    expect((await listKeyFile(file)).map((key) => key.kid)).toEqual([second]);
    await expect(withdrawKeyFile(file, second)).rejects.toThrow('is the signing key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('serialises concurrent rotations, losing none', async () => {
    const store = await KeyStore.open(file);
    const other = await KeyStore.open(file);
    const kids = await Promise.all([store.rotate(), other.rotate(), store.rotate()]);
    const published = await store.publishedKids();
    expect(published).toHaveLength(4);
    expect(published).toEqual(expect.arrayContaining(kids));
    expect((await store.list()).filter((key) => key.signing)).toHaveLength(1);
  });

  it('refuses an invalid key file at start, naming the file and the problem', async () => {
    await KeyStore.open(file);
    const content = JSON.parse(await readFile(file, 'utf8')) as KeyFile;
    content.keys[0].signing = false;
    await writeFile(file, JSON.stringify(content));
    await expect(KeyStore.open(file)).rejects.toThrow(`Key file ${file} is invalid`);
    await expect(KeyStore.open(file)).rejects.toThrow('exactly one key must have "signing": true');
    await writeFile(file, '{ not json');
    await expect(KeyStore.open(file)).rejects.toThrow('is not valid JSON');
  });

  it('keeps the last good key set while running when the file turns unreadable', async () => {
    const logged: string[] = [];
    const store = await KeyStore.open(file, (message) => logged.push(message));
    const kids = await store.publishedKids();
    await writeFile(file, '{ half a fi');
    expect(await store.publishedKids()).toEqual(kids);
    expect(logged).toContain('key file unreadable; keeping the previous key set');
  });
});
