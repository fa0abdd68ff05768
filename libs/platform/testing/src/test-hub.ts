import type { INestApplication } from '@nestjs/common';
import type { Writable } from 'node:stream';
import request from 'supertest';
import { DEMO_USERS } from '@hub/demo-data';
import type { MigrationList } from '@hub/database';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@hub/database';
import { createTestDatabase, TestDatabase } from './test-database';
import { auditEventsSince, AuditRowSince, tablesWrittenSince, takeWatermark, Watermark } from './watermark';
import { startTestIdp, TestIdp } from './test-idp';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
    extensions?: Record<string, unknown>;
  };
}

export interface TestHub {
  app: INestApplication;
  url: string;
  db: TestDatabase;
  idp: TestIdp;
  /** POST /graphql, optionally as a demo user (username) or with a raw bearer token. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: { user?: string; token?: string },
  ): Promise<GraphqlResponse<T>>;
  /**
   * Another API process on the same database and identity provider — its own Nest app, pool and
   * LISTEN connection — as a second replica behind a load balancer would be. Closed with the hub.
   */
  startReplica(): Promise<TestReplica>;
  /** Runs work against the database as its owner (seeding, checking that nothing changed). */
  asOwner<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T>;
  /** A mark to check "nothing changed" against later (see watermark.ts). */
  watermark(): Promise<Watermark>;
  /** Tables written since the mark (`[]` when nothing changed). */
  tablesWrittenSince(mark: Watermark): Promise<string[]>;
  /** Audit events since the mark, SIGN_IN left out. */
  auditEventsSince(mark: Watermark): Promise<AuditRowSince[]>;
  close(): Promise<void>;
}

export interface TestReplica {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

export interface TestHubOptions {
  /** The API factory (apps/api's createApp); passed in because a lib never imports an app. */
  createApp: (options: { logs?: boolean; logDestination?: Writable }) => Promise<INestApplication>;
  migrations: MigrationList;
  seed?: (dataSource: DataSource) => Promise<void>;
  env?: Record<string, string>;
  /** Receives the app's real JSON log (set LOG_LEVEL in `env`); without it the app logs nothing. */
  logDestination?: Writable;
}

/**
 * The whole hub for an end-to-end suite: a throw-away database with real migrations, dev-idp
 * issuing real RS256 tokens, and the Nest app listening on a free port, configured only
 * through its environment variables, as in production.
 */
export async function startTestHub(options: TestHubOptions): Promise<TestHub> {
  const [db, idp] = await Promise.all([createTestDatabase(options.migrations, options.seed), startTestIdp()]);
  const settings: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.apiUrl,
    DATABASE_POOL_SIZE: '4',
    AUTH_SERVER_URL: idp.url,
    AUTH_REALM: 'taskforce',
    AUTH_CLIENT_ID: 'hub-api',
    // Suites send many requests as one user; a suite about the budget sets its own.
    GRAPHQL_RATE_LIMIT_POINTS: '1000000',
    // A user is recorded as seen on their first request only, so statement counts do not depend
    // on how long a suite has run.
    USER_SIGHTING_INTERVAL_SECONDS: '3600',
    ...options.env,
  };
  // Suites of one end-to-end group share a process (apps/api/src/e2e/e2e-groups.ts): what this hub
  // sets is put back on close, so no suite's settings reach the next suite's hub.
  const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  const restoreEnvironment = () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  const listening = async (logs: Parameters<TestHubOptions['createApp']>[0]) => {
    const started = await options.createApp(logs);
    await started.listen(0, '127.0.0.1');
    return { app: started, url: (await started.getUrl()).replace('[::1]', '127.0.0.1') };
  };
  const { app, url } = await listening(
    options.logDestination ? { logs: true, logDestination: options.logDestination } : { logs: false },
  );
  const replicas: INestApplication[] = [];

  // A token's first request records a SIGN_IN audit event. Suites that assert "this mutation
  // wrote exactly these audit rows" would see it too, so each demo user's token is used once,
  // harmlessly, when it is minted (a test about sign-ins mints its own token from hub.idp).
  const warmed = new Set<string>();
  const signedIn = async (user: string): Promise<string> => {
    const token = await idp.tokenFor(user);
    if (!warmed.has(token)) {
      warmed.add(token);
      await request(url)
        .post('/graphql')
        .set('authorization', `Bearer ${token}`)
        .send({ query: '{ me { userId } }' });
    }
    return token;
  };

  await Promise.all(DEMO_USERS.map((user) => signedIn(user.username)));

  // One owner connection for the whole suite, opened on first use (assertions read through it).
  let owner: Promise<DataSource> | undefined;
  const ownerConnection = () =>
    (owner ??= new DataSource(
      dataSourceOptions({ url: db.ownerUrl, applicationName: 'hub-test', poolSize: 2 }),
    ).initialize());

  return {
    app,
    url,
    db,
    idp,
    async gql(query, variables, as) {
      const token = as?.token ?? (as?.user ? await signedIn(as.user) : undefined);
      const call = request(url).post('/graphql').set('content-type', 'application/json');
      if (token) call.set('authorization', `Bearer ${token}`);
      const response = await call.send({ query, variables });
      return { status: response.status, body: response.body as GraphqlResponse['body'] } as never;
    },
    async startReplica() {
      const replica = await listening({ logs: false });
      replicas.push(replica.app);
      return {
        ...replica,
        close: async () => {
          replicas.splice(replicas.indexOf(replica.app), 1);
          await replica.app.close();
        },
      };
    },
    asOwner: async (work) => work(await ownerConnection()),
    watermark: async () => takeWatermark(await ownerConnection()),
    tablesWrittenSince: async (mark) => tablesWrittenSince(await ownerConnection(), mark),
    auditEventsSince: async (mark) => auditEventsSince(await ownerConnection(), mark),
    async close() {
      await Promise.all(replicas.map((replica) => replica.close()));
      await app.close();
      if (owner) await (await owner).destroy();
      await Promise.all([idp.close(), db.drop()]);
      restoreEnvironment();
    },
  };
}
