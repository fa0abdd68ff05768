import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestHub } from '@hub/testing';
import { webContentSecurityPolicy } from '../app/web-app';
import { startHub } from './hub';

const PAGE =
  '<!doctype html><html><head><script type="module" src="/assets/app-1a2b.js"></script></head></html>';
const SCRIPT = 'console.log("app");\n'.repeat(200);

describe('the web app served by the API (WEB_APP_DIR, production)', () => {
  let hub: TestHub;
  let dir: string;
  const get = (path: string, accept = 'text/html') =>
    fetch(`${hub.url}${path}`, { headers: { accept }, redirect: 'manual' });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-web-app-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), PAGE);
    await writeFile(join(dir, 'assets/app-1a2b.js'), SCRIPT);
    await writeFile(join(dir, '.env'), 'SECRET=1');
    hub = await startHub({ env: { WEB_APP_DIR: dir } });
  });
  afterAll(async () => {
    await hub?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the page at / with the strict Content-Security-Policy naming only itself and the realm', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(PAGE);
    const realm = new URL(hub.idp.url).origin;
    expect(response.headers.get('content-security-policy')).toBe(webContentSecurityPolicy(realm));
    expect(webContentSecurityPolicy(realm)).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        `connect-src 'self' ${realm}; manifest-src 'self'; base-uri 'none'; form-action 'self'; ` +
        "frame-ancestors 'none'; object-src 'none'",
    );
    expect({
      nosniff: response.headers.get('x-content-type-options'),
      referrer: response.headers.get('referrer-policy'),
      frame: response.headers.get('x-frame-options'),
      cache: response.headers.get('cache-control'),
    }).toEqual({ nosniff: 'nosniff', referrer: 'no-referrer', frame: 'DENY', cache: 'no-cache' });
  });

  it("answers the app's own paths with the page, so a reload or a bookmark works", async () => {
    for (const path of [
      '/referrals/2f6c6f4e-1d5b-4c41-9a53-0d1c2a3b4c5d',
      '/survivors',
      '/signed-in?code=x',
    ]) {
      const response = await get(path);
      expect([path, response.status, await response.text()]).toEqual([path, 200, PAGE]);
    }
  });

  it('serves hashed files for a year, and a missing one as 404 (never the page)', async () => {
    const script = await get('/assets/app-1a2b.js', '*/*');
    expect(script.status).toBe(200);
    expect(await script.text()).toBe(SCRIPT);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    // Compressed for a browser that accepts it (fetch asks for gzip and unpacks it).
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect((await get('/assets/old-chunk.js', '*/*')).status).toBe(404);
    expect((await get('/assets/old-chunk.js')).status).toBe(404);
  });

  it('serves no dotfile and nothing outside its folder: such a path gets the page (or 404 under /assets), never the file', async () => {
    const page = [200, PAGE];
    const missing = [404, '{"errors":[{"message":"No such resource","extensions":{"code":"NOT_FOUND"}}]}'];
    const cases: [string, (string | number)[]][] = [
      ['/.env', page],
      ['/..%2f..%2fetc%2fpasswd', page],
      ['/%2e%2e/%2e%2e/etc/passwd', page],
      ['/assets/..%2f.env', missing],
      ['/assets/.env', missing],
    ];
    for (const [path, expected] of cases) {
      const response = await get(path, '*/*');
      expect([path, response.status, await response.text()]).toEqual([path, ...expected]);
    }
  });

  it("leaves the API's own paths to the API", async () => {
    const health = await get('/health/live', 'text/html,*/*');
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
    expect(health.headers.get('content-security-policy')).toBeNull();
    const { status, body } = await hub.gql<{ __typename: string }>(
      '{ __typename }',
      {},
      { user: 'ngo.caseworker' },
    );
    expect([status, body.data?.__typename]).toEqual([200, 'Query']);
  });
});
