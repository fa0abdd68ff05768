import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { DevIdp } from './dev-idp.types';
import { rotateKeyFile, withdrawKeyFile } from './key-store';
import {
  getJson,
  kidOf,
  lifetimeOf,
  passwordGrant,
  startTestIdp,
  tempDir,
  type TempDir,
} from './testing/spec-support';

async function certKids(idp: DevIdp): Promise<string[]> {
  const { body } = await getJson(`${idp.issuer}/protocol/openid-connect/certs`);
  return (body['keys'] as { kid: string }[]).map((key) => key.kid);
}

async function accessToken(idp: DevIdp): Promise<string> {
  const { status, body } = await passwordGrant(idp);
  expect(status).toBe(200);
  return String(body['access_token']);
}

/** A fresh remote key set, as a verifier that has never cached this realm's keys. */
async function verifies(idp: DevIdp, token: string): Promise<boolean> {
  const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/protocol/openid-connect/certs`));
  try {
    await jwtVerify(token, jwks, { issuer: idp.issuer, algorithms: ['RS256'] });
    return true;
  } catch {
    return false;
  }
}

describe('dev-idp key lifecycle', () => {
  let dir: TempDir;
  let keyFile: string;
  const running: DevIdp[] = [];

  async function start(overrides: Parameters<typeof startTestIdp>[1] = {}): Promise<DevIdp> {
    const idp = await startTestIdp(keyFile, overrides);
    running.push(idp);
    return idp;
  }

  beforeEach(async () => {
    dir = await tempDir();
    keyFile = `${dir.path}/nested/dir/keys.json`;
  });

  afterEach(async () => {
    for (const idp of running.splice(0)) await idp.close();
    await dir.remove();
  });

  it('keeps its keys across a restart with the same key file', async () => {
    const first = await start();
    const kid = await first.signingKid();
    const token = await accessToken(first);
    await first.close();

    const second = await start();
    expect(await second.signingKid()).toBe(kid);
    expect(await certKids(second)).toEqual([kid]);
    expect(kidOf(await accessToken(second))).toBe(kid);
    // Same port is not guaranteed, so check the signature against the restarted realm's keys only.
    const jwks = createRemoteJWKSet(new URL(`${second.issuer}/protocol/openid-connect/certs`));
    await expect(jwtVerify(token, jwks)).resolves.toMatchObject({ protectedHeader: { kid } });
  });

  it('rotateKey publishes the new key beside the old one and signs new tokens with it', async () => {
    const idp = await start();
    const oldKid = await idp.signingKid();
    const oldToken = await accessToken(idp);

    const newKid = await idp.rotateKey();
    expect(newKid).not.toBe(oldKid);
    expect(await idp.signingKid()).toBe(newKid);
    expect(await idp.publishedKids()).toEqual([oldKid, newKid]);
    expect(await certKids(idp)).toEqual([oldKid, newKid]);

    const newToken = await accessToken(idp);
    expect(kidOf(newToken)).toBe(newKid);
    expect(await verifies(idp, newToken)).toBe(true);
    expect(await verifies(idp, oldToken)).toBe(true);
  });

  it('withdrawKey removes a key from the JWKS, so its tokens stop verifying', async () => {
    const idp = await start();
    const oldKid = await idp.signingKid();
    const oldToken = await accessToken(idp);
    const newKid = await idp.rotateKey();

    await idp.withdrawKey(oldKid);
    expect(await certKids(idp)).toEqual([newKid]);
    expect(await idp.publishedKids()).toEqual([newKid]);
    expect(await verifies(idp, oldToken)).toBe(false);
    expect(await verifies(idp, await accessToken(idp))).toBe(true);

    // Tests may still mint tokens with the withdrawn key, to prove they are refused.
    const stale = await idp.signWithRealmKey({ sub: 'x', iss: idp.issuer }, { kid: oldKid });
    expect(kidOf(stale)).toBe(oldKid);
    expect(await verifies(idp, stale)).toBe(false);
  });

  it('refuses to withdraw the signing key (the only key) or an unknown key', async () => {
    const idp = await start();
    const kid = await idp.signingKid();
    await expect(idp.withdrawKey(kid)).rejects.toThrow(`Key ${kid} is the signing key`);
    await expect(idp.withdrawKey('no-such-kid')).rejects.toThrow('Unknown realm key: no-such-kid');
    expect(await certKids(idp)).toEqual([kid]);
  });

  it('sees a rotation and a withdrawal made by another process (the CLI) without restarting', async () => {
    const idp = await start();
    const oldKid = await idp.signingKid();
    expect(await certKids(idp)).toEqual([oldKid]);

    const newKid = await rotateKeyFile(keyFile);
    expect(await certKids(idp)).toEqual([oldKid, newKid]);
    expect(await idp.signingKid()).toBe(newKid);
    expect(kidOf(await accessToken(idp))).toBe(newKid);

    await withdrawKeyFile(keyFile, oldKid);
    expect(await certKids(idp)).toEqual([newKid]);
  });

  it('sees a rotation made by a second dev-idp on the same key file', async () => {
    const first = await start();
    const second = await start();
    expect(await second.signingKid()).toBe(await first.signingKid());

    const newKid = await second.rotateKey();
    expect(await first.signingKid()).toBe(newKid);
    const token = await accessToken(first);
    expect(kidOf(token)).toBe(newKid);
    expect(decodeJwt(token).iss).toBe(first.issuer);
  });

  it('refuses to serve users in production', async () => {
    await expect(start({ production: true })).rejects.toThrow(
      'dev-idp refuses to serve demo users in production (NODE_ENV=production)',
    );
    const empty = await start({ production: true, users: [] });
    const { status } = await getJson(`${empty.url}/health`);
    expect(status).toBe(200);
  });

  it('rejects when the port is taken and closes idempotently', async () => {
    const idp = await start();
    await expect(startTestIdp(keyFile, { port: idp.port })).rejects.toThrow(/EADDRINUSE/);
    await idp.close();
    await idp.close();
    await expect(fetch(`${idp.url}/health`)).rejects.toThrow();
  });

  it('validates its options', async () => {
    await expect(start({ realm: 'bad realm/..' })).rejects.toThrow('Invalid realm name');
    await expect(start({ accessTokenLifetimeSeconds: 0 })).rejects.toThrow('accessTokenLifetimeSeconds');
    const twin = {
      sub: 's',
      username: 'Twin',
      name: 'T',
      email: 't@x',
      agencyId: 'a',
      roles: [],
      password: 'p',
    };
    await expect(start({ users: [twin, { ...twin, username: 'twin' }] })).rejects.toThrow(
      'Duplicate dev-idp user',
    );
  });

  it('honours the realm, audience and lifetime options and logs JSON lines', async () => {
    const lines: string[] = [];
    const idp = await start({
      realm: 'other',
      audience: 'other-api',
      accessTokenLifetimeSeconds: 60,
      logger: (line) => lines.push(line),
    });
    expect(idp.issuer).toBe(`${idp.url}/realms/other`);
    const { body } = await passwordGrant(idp);
    expect(body['expires_in']).toBe(60);
    const claims = decodeJwt(String(body['access_token']));
    expect(claims.iss).toBe(idp.issuer);
    expect(claims.aud).toEqual(['other-api', 'account']);
    expect(lifetimeOf(claims)).toBe(60);
    expect((claims['realm_access'] as { roles: string[] }).roles).toContain('default-roles-other');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain('key file created');
  });
});
