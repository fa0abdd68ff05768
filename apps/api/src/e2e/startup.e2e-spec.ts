import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

interface Run {
  code: number | null;
  /** stdout and stderr, line by line. */
  lines: string[];
}

/** Runs a real entry point (as `npm start` does) and collects what it says until it exits. */
function runEntry(entry: 'main.ts' | 'migrate.ts', env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['-r', resolve(ROOT, 'tools/register.js'), resolve(ROOT, 'apps/api/src', entry)],
      {
        cwd: ROOT,
        // Only what we give: nothing inherited may make the configuration valid by accident.
        env: { PATH: process.env.PATH ?? '', ...env },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 80_000);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, lines: output.split('\n').filter((line) => line.trim() !== '') });
    });
  });
}

interface FailureLine {
  level: number;
  time: number;
  pid: number;
  hostname: string;
  msg: string;
  problems?: { variable: string; message: string }[];
  database?: { host: string; port: number; database: string; user: string };
  code?: string;
}

/** A failed start says exactly one thing: one JSON line in pino's shape, at level error. */
function theFailureLine(run: Run): FailureLine {
  expect(run.code).toBe(1);
  expect(run.lines).toHaveLength(1);
  const line = JSON.parse(run.lines[0]) as FailureLine;
  expect(line).toMatchObject({
    level: 50,
    time: expect.any(Number),
    pid: expect.any(Number),
    hostname: expect.any(String),
    msg: expect.any(String),
  });
  return line;
}

const variables = (line: FailureLine) => (line.problems ?? []).map((p) => p.variable);

/** A port nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('start-up failures of main.ts and migrate.ts', () => {
  jest.setTimeout(90_000);

  it('stops with exit code 1 and names every missing or bad variable', async () => {
    const line = theFailureLine(
      await runEntry('main.ts', { PORT: 'abc', AUTH_JWKS_CACHE_SECONDS: '3600', GRAPHQL_MAX_DEPTH: '1' }),
    );
    expect(variables(line)).toEqual(
      expect.arrayContaining([
        'PORT',
        'DATABASE_URL',
        'AUTH_SERVER_URL',
        'AUTH_JWKS_CACHE_SECONDS',
        'GRAPHQL_MAX_DEPTH',
      ]),
    );
    expect(variables(line)).not.toEqual(expect.arrayContaining(['HOST']));
    expect(variables(line)).not.toEqual(expect.arrayContaining(['LOG_LEVEL']));
    expect(variables(line)).not.toEqual(expect.arrayContaining(['AUTH_REALM']));
  });

  it('refuses a database URL that is not PostgreSQL, without printing it', async () => {
    const run = await runEntry('main.ts', {
      DATABASE_URL: 'mysql://root:mysql-secret-1@localhost/hub',
      AUTH_SERVER_URL: 'http://127.0.0.1:8080',
    });
    expect(variables(theFailureLine(run))).toEqual(['DATABASE_URL']);
    expect(run.lines.join('\n')).not.toContain('mysql-secret-1');
  });

  it('refuses an AUTH_SERVER_URL without its http(s) scheme', async () => {
    const run = await runEntry('main.ts', {
      DATABASE_URL: 'postgres://hub_api@127.0.0.1:5432/hub',
      AUTH_SERVER_URL: 'localhost:8080',
    });
    expect(variables(theFailureLine(run))).toEqual(['AUTH_SERVER_URL']);
  });

  it('reports a database that is not there at once, naming its host and not the password', async () => {
    const port = await closedPort();
    const run = await runEntry('main.ts', {
      DATABASE_URL: `postgres://hub_api:pg-secret-2@127.0.0.1:${port}/hub`,
      AUTH_SERVER_URL: 'http://127.0.0.1:8080',
    });
    const line = theFailureLine(run);
    expect({ database: line.database, code: line.code }).toEqual({
      database: { host: '127.0.0.1', port, database: 'hub', user: 'hub_api' },
      code: 'ECONNREFUSED',
    });
    expect(run.lines.join('\n')).not.toContain('pg-secret-2');
  });

  it('migrate.ts fails the same way: one line naming the variable, or the database', async () => {
    const missing = theFailureLine(await runEntry('migrate.ts', {}));
    expect(variables(missing)).toEqual(['DATABASE_OWNER_URL']);

    const port = await closedPort();
    const run = await runEntry('migrate.ts', {
      DATABASE_OWNER_URL: `postgres://hub_owner:pg-secret-3@127.0.0.1:${port}/hub`,
    });
    expect(theFailureLine(run).database).toEqual({
      host: '127.0.0.1',
      port,
      database: 'hub',
      user: 'hub_owner',
    });
    expect(run.lines.join('\n')).not.toContain('pg-secret-3');
  });
});
