import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { provisionDatabase } from '@hub/database';
import { findOrStartPostgres, PostgresServer } from './postgres-server';
import { ROOT, runNode, runTs, runTsToEnd, waitForHttp } from './processes';

const API_PORT = Number(process.env.PORT ?? 3000);
const IDP_PORT = Number(process.env.DEV_IDP_PORT ?? 8080);
const WORKER_PORT = Number(process.env.WORKER_PORT ?? 3100);
const SMTP_PORT = Number(process.env.MAILDEV_SMTP_PORT ?? 1025);
const INBOX_PORT = Number(process.env.MAILDEV_WEB_PORT ?? 1080);
const WEB_PORT = Number(process.env.WEB_PORT ?? 4200);
/** Where e-mail links point (the web app's development address). */
const WEB_URL = process.env.HUB_WEB_URL ?? `http://127.0.0.1:${WEB_PORT}`;
const log = (line: string) => process.stdout.write(`[hub] ${line}\n`);

/**
 * `npm start`: a database (DATABASE_URL, else the local server, else embedded), migrations, demo
 * data, dev-idp, a local mail server with a web inbox (maildev), the API, the worker and the web
 * app's dev server; prints how to call it. Ctrl-C stops everything it started.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const children: ChildProcess[] = [];
  let postgres: PostgresServer | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(
      children
        .filter((child) => child.exitCode === null)
        .map((child) => new Promise((r) => child.once('exit', r))),
    );
    await postgres?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    let apiUrl: string;
    let ownerUrl: string;
    if (process.env.DATABASE_URL) {
      apiUrl = process.env.DATABASE_URL;
      ownerUrl = process.env.DATABASE_OWNER_URL ?? apiUrl;
      log('using DATABASE_URL (and DATABASE_OWNER_URL for migrations, if set)');
    } else {
      postgres = await findOrStartPostgres({ dataDir: resolve(ROOT, '.hub/postgres'), log });
      const db = await provisionDatabase({
        adminUrl: postgres.adminUrl,
        database: process.env.HUB_DATABASE ?? 'hub_dev',
        // Development-only credentials for the two roles (production sets its own).
        ownerPassword: 'hub_owner_dev',
        apiPassword: 'hub_api_dev',
      });
      apiUrl = db.apiUrl;
      ownerUrl = db.ownerUrl;
    }

    await runTsToEnd('apps/api/src/migrate.ts', { DATABASE_OWNER_URL: ownerUrl }, '[migrate]');
    await runTsToEnd(
      'apps/api/src/seed.ts',
      { DATABASE_OWNER_URL: ownerUrl, NODE_ENV: 'development' },
      '[seed]',
    );

    // Every e-mail the hub sends in development lands in this inbox, whatever the address.
    const inboxUrl = `http://127.0.0.1:${INBOX_PORT}`;
    const maildev = runNode(
      [
        resolve(ROOT, 'node_modules/maildev/dist/bin/maildev.js'),
        ...['--ip', '127.0.0.1', '--smtp', String(SMTP_PORT)],
        ...['--web-ip', '127.0.0.1', '--web', String(INBOX_PORT)],
      ],
      {},
      { prefix: '[maildev]', quiet: true },
    );
    children.push(maildev);

    const idpUrl = `http://127.0.0.1:${IDP_PORT}`;
    const idp = runTs(
      'apps/dev-idp/src/main.ts',
      {
        DEV_IDP_PORT: String(IDP_PORT),
        NODE_ENV: 'development',
        // The web app may come back to its dev server after the login page, by either loopback name.
        DEV_IDP_WEB_ORIGINS: `http://127.0.0.1:${WEB_PORT},http://localhost:${WEB_PORT}`,
      },
      { prefix: '[dev-idp]' },
    );
    children.push(idp);
    await waitForHttp(`${idpUrl}/realms/taskforce/.well-known/openid-configuration`, idp, 60_000);

    const api = runTs(
      'apps/api/src/main.ts',
      {
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(API_PORT),
        DATABASE_URL: apiUrl,
        AUTH_SERVER_URL: idpUrl,
        AUTH_REALM: 'taskforce',
        AUTH_CLIENT_ID: 'hub-api',
      },
      { prefix: '[api]' },
    );
    children.push(api);
    const worker = runTs(
      'apps/worker/src/main.ts',
      {
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(WORKER_PORT),
        DATABASE_URL: apiUrl,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        HUB_WEB_URL: WEB_URL,
      },
      { prefix: '[worker]' },
    );
    children.push(worker);
    const base = `http://127.0.0.1:${API_PORT}`;
    const webUrl = `http://127.0.0.1:${WEB_PORT}`;
    // The web app (apps/web, docs/web.md): Vite's dev server, which proxies /graphql to the API.
    const web = runNode(
      [
        resolve(ROOT, 'node_modules/vite/bin/vite.js'),
        '--config',
        'apps/web/vite.config.mts',
        '--clearScreen',
        'false',
      ],
      {
        WEB_PORT: String(WEB_PORT),
        HUB_API_URL: base,
        VITE_HUB_AUTHORITY: `${idpUrl}/realms/taskforce`,
        VITE_HUB_CLIENT_ID: 'hub-web',
      },
      { prefix: '[web]' },
    );
    children.push(web);
    for (const child of children) {
      child.once('exit', (code) => {
        if (!stopping) {
          log(`a process exited unexpectedly (${code}); stopping`);
          void stop(1);
        }
      });
    }
    await waitForHttp(`${base}/health/ready`, api, 120_000);
    await waitForHttp(`http://127.0.0.1:${WORKER_PORT}/health/ready`, worker, 120_000);
    // The web UI answers only browsers (Accept: text/html); its API has a health check.
    await waitForHttp(`${inboxUrl}/api/healthz`, maildev, 60_000);
    await waitForHttp(webUrl, web, 60_000);

    const tokenCurl =
      `TOKEN=$(curl -s -d grant_type=password -d client_id=hub-cli -d username=ngo.caseworker -d password=demo ` +
      `${idpUrl}/realms/taskforce/protocol/openid-connect/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')`;
    const meCurl =
      `curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ` +
      `-d '{"query":"{ me { username roles agency { name } agencyType taskForces { taskForce { name } role } } }"}' ${base}/graphql`;
    process.stdout.write(
      [
        '',
        `Task Force Hub is ready (${((Date.now() - started) / 1000).toFixed(1)} s).`,
        `  Web app:   ${webUrl} (sign in as a demo user, e.g. legal.caseworker, password "demo")`,
        `  GraphQL:   ${base}/graphql`,
        `  GraphiQL:  ${base}/graphiql`,
        `  Identity:  ${idpUrl}/realms/taskforce (demo users, password "demo")`,
        `  Mail:      ${inboxUrl} (the inbox of every e-mail the hub sends; SMTP on 127.0.0.1:${SMTP_PORT})`,
        `  Worker:    http://127.0.0.1:${WORKER_PORT}/health/ready`,
        '',
        'Get a token for ngo.caseworker and ask who you are:',
        `  ${tokenCurl}`,
        `  ${meCurl}`,
        '',
        'A referral sent to Safe Passage Legal Aid (e.g. by ngo.caseworker) reaches its intake address',
        `within a second or two: watch ${inboxUrl}.`,
        '',
        'Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    log(`could not start: ${(error as Error).message}`);
    await stop(1);
  }
}

void main();
