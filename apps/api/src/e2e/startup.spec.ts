import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/** Runs the real entry point (as `npm start` does) and collects what it says until it exits. */
function runApi(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['-r', resolve(ROOT, 'tools/register.js'), resolve(ROOT, 'apps/api/src/main.ts')],
      {
        cwd: ROOT,
        // Only what we give: nothing inherited may make the configuration valid by accident.
        env: { PATH: process.env.PATH ?? '', ...env },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

describe('start-up configuration check', () => {
  jest.setTimeout(90_000);

  it('stops with exit code 1 and names every missing or bad variable', async () => {
    const { code, stderr } = await runApi({
      PORT: 'abc',
      AUTH_JWKS_CACHE_SECONDS: '3600',
      GRAPHQL_MAX_DEPTH: '1',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    for (const variable of [
      'PORT',
      'DATABASE_URL',
      'AUTH_SERVER_URL',
      'AUTH_JWKS_CACHE_SECONDS',
      'GRAPHQL_MAX_DEPTH',
    ]) {
      expect(stderr).toMatch(new RegExp(`- ${variable}:`));
    }
    expect(stderr).not.toMatch(/- (HOST|LOG_LEVEL|AUTH_REALM):/);
  });

  it('refuses a database URL that is not PostgreSQL', async () => {
    const { code, stderr } = await runApi({
      DATABASE_URL: 'mysql://root@localhost/hub',
      AUTH_SERVER_URL: 'http://127.0.0.1:8080',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/- DATABASE_URL: must be a postgres:\/\/ URL/);
  });
});
