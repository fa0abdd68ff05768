import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../..');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs main.ts the way `npm run dev-idp` does (tools/register.js: ts-node via SWC, tsconfig paths). */
function startMain(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/dev-idp/src/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((done) => {
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
  return { child, finished };
}

/** The JSON log line announcing readiness (earlier lines, e.g. "key file created", are skipped). */
async function readyLine(child: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolveLine, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry['msg'] !== 'dev-idp ready') continue;
        child.stdout?.off('data', onData);
        resolveLine(entry);
        return;
      }
    };
    child.stdout?.on('data', onData);
    child.once('close', (code) =>
      reject(new Error(`dev-idp exited with ${String(code)} before it was ready`)),
    );
  });
}

describe('apps/dev-idp main', () => {
  let dir: string;
  let keyFile: string;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-idp-main-'));
    keyFile = join(dir, 'keys.json');
  });

  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  });

  function run(args: string[], env: Record<string, string>) {
    const started = startMain(args, { DEV_IDP_KEY_FILE: keyFile, ...env });
    children.push(started.child);
    return started;
  }

  it('refuses to start with NODE_ENV=production', async () => {
    const { code, stdout, stderr } = await run([], { NODE_ENV: 'production', DEV_IDP_PORT: '0' }).finished;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('dev-idp refuses to start with NODE_ENV=production: it serves only demo users');
  });

  it('names a bad environment variable and exits 1', async () => {
    const { code, stderr } = await run([], { DEV_IDP_PORT: '70000' }).finished;
    expect(code).toBe(1);
    expect(stderr).toContain('DEV_IDP_PORT');
  });

  it('serves the demo realm, sees a key rotated by the CLI, and stops on SIGTERM', async () => {
    const server = run([], { DEV_IDP_PORT: '0' });
    const ready = await readyLine(server.child);
    expect(ready).toMatchObject({
      level: 30,
      time: expect.any(Number),
      name: 'dev-idp',
      msg: 'dev-idp ready',
      issuer: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/realms\/taskforce$/),
      keyFile,
      users: expect.arrayContaining(['ngo.caseworker', 'pd.supervisor']),
    });
    const issuer = String(ready['issuer']);

    const login = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'hub-cli',
        username: 'pd.investigator',
        password: 'demo',
      }),
    });
    expect(login.status).toBe(200);

    const rotation = await run(['rotate-key'], {}).finished;
    expect(rotation.code).toBe(0);
    const newKid = rotation.stdout.trim();
    const certs = (await (await fetch(`${issuer}/protocol/openid-connect/certs`)).json()) as {
      keys: { kid: string }[];
    };
    expect(certs.keys.map((key) => key.kid)).toEqual([String(ready['signingKid']), newKid]);

    server.child.kill('SIGTERM');
    const { code, stdout } = await server.finished;
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"dev-idp stopped"');
  });
});
