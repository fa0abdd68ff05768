import { ConfigError } from '@hub/config';
import { createDevIdp, type DevIdp } from '@hub/dev-idp';
import { demoUsers } from './demo-users';
import { runKeyCommand } from './key-commands';
import { loadDevIdpSettings, type DevIdpSettings } from './settings';

const SHUTDOWN_TIMEOUT_MS = 5_000;

function logLine(level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ level, time: new Date().toISOString(), name: 'dev-idp', msg, ...fields });
}

const output = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

async function serve(settings: DevIdpSettings): Promise<void> {
  if (settings.production) {
    output.err(
      logLine(
        'error',
        'dev-idp refuses to start with NODE_ENV=production: it serves only demo users. Use Keycloak.',
      ),
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
    production: settings.production,
    logger: output.out,
  });
  output.out(
    logLine('info', 'dev-idp ready', {
      issuer: idp.issuer,
      url: idp.url,
      realm: settings.realm,
      keyFile: settings.keyFile,
      signingKid: await idp.signingKid(),
      users: users.map((user) => user.username),
    }),
  );
  handleShutdown(idp);
}

function handleShutdown(idp: DevIdp): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    output.out(logLine('info', 'dev-idp stopping', { signal }));
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    idp.close().then(
      () => {
        output.out(logLine('info', 'dev-idp stopped'));
        process.exit(0);
      },
      (error: unknown) => {
        output.err(logLine('error', 'dev-idp failed to stop cleanly', { error: String(error) }));
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
    output.err(logLine('error', error.message, { problems: error.problems }));
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
  output.err(
    logLine('error', 'dev-idp failed to start', {
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  process.exit(1);
});
