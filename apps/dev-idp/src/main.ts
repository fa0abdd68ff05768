import pino from 'pino';
import { ConfigError } from '@hub/config';
import { createLogger } from '@hub/observability';
import { createDevIdp, devIdpClients, type DevIdp } from '@hub/dev-idp';
import { demoUsers } from './demo-users';
import { runKeyCommand } from './key-commands';
import { loadDevIdpSettings, type DevIdpSettings } from './settings';

const SHUTDOWN_TIMEOUT_MS = 5_000;

/** The API's log format (@hub/observability): progress to stdout, failures to stderr. */
const log = createLogger('dev-idp');
const errorLog = createLogger('dev-idp', { destination: pino.destination({ dest: 2, sync: true }) });

const output = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

async function serve(settings: DevIdpSettings): Promise<void> {
  if (settings.production) {
    errorLog.error(
      'dev-idp refuses to start with NODE_ENV=production: it serves only demo users. Use Keycloak.',
    );
    process.exitCode = 1;
    return;
  }
  const users = demoUsers();
  const idp = await createDevIdp({
    host: settings.host,
    port: settings.port,
    realm: settings.realm,
    keyFile: settings.keyFile,
    users,
    clients: devIdpClients(settings.webOrigins),
    production: settings.production,
    logger: output.out,
  });
  log.info(
    {
      issuer: idp.issuer,
      url: idp.url,
      realm: settings.realm,
      keyFile: settings.keyFile,
      signingKid: await idp.signingKid(),
      users: users.map((user) => user.username),
    },
    'dev-idp ready',
  );
  handleShutdown(idp);
}

function handleShutdown(idp: DevIdp): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'dev-idp stopping');
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    idp.close().then(
      () => {
        log.info('dev-idp stopped');
        process.exit(0);
      },
      (error: unknown) => {
        errorLog.error({ err: error }, 'dev-idp failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  let settings: DevIdpSettings;
  try {
    settings = loadDevIdpSettings(process.env, process.cwd());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    errorLog.error({ problems: error.problems }, error.message);
    process.exitCode = 1;
    return;
  }
  const args = process.argv.slice(2);
  if (args.length > 0) {
    process.exitCode = await runKeyCommand(args, settings.keyFile, output);
    return;
  }
  await serve(settings);
}

main().catch((error: unknown) => {
  errorLog.error({ err: error }, 'dev-idp failed to start');
  process.exit(1);
});
