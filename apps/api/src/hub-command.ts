import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { bootstrapFirstTaskForce, BootstrapInput } from '@hub/agencies';
import { loadConfig } from '@hub/config';
import { migrationConfig, runMigrations } from '@hub/database';
import { HubError } from '@hub/graphql';
import { apiMigrations } from './app/migrations';
import { exitAfter, logLine, startupFailureLine } from '@hub/observability';

const USAGE = `usage: npm run hub -- bootstrap --task-force <name> --jurisdiction <place>
         --coordinating-agency <name> [--agency-jurisdiction <place>] [--agency-email <e-mail>]
         [--agency-phone <phone>] [--description <text>]
         [--admin-username <username> [--admin-email <e-mail>] [--admin-first-name <name>]
          [--admin-last-name <name>] [--keycloak-file <path>]]
  (in the API image: node hub.js bootstrap …)  Reads DATABASE_OWNER_URL.`;

/** A refusal of the command line itself: the usage, exit 2. */
class UsageError extends Error {}

function parse(argv: string[]): { input: BootstrapInput; keycloakFile: string | undefined } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'task-force': { type: 'string' },
      jurisdiction: { type: 'string' },
      description: { type: 'string' },
      'coordinating-agency': { type: 'string' },
      'agency-jurisdiction': { type: 'string' },
      'agency-email': { type: 'string' },
      'agency-phone': { type: 'string' },
      'admin-username': { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-first-name': { type: 'string' },
      'admin-last-name': { type: 'string' },
      'keycloak-file': { type: 'string' },
    },
  });
  if (positionals.length !== 1 || positionals[0] !== 'bootstrap') throw new UsageError('unknown command');
  const required = (name: 'task-force' | 'jurisdiction' | 'coordinating-agency') => {
    const value = values[name];
    if (value === undefined) throw new UsageError(`--${name} is required`);
    return value;
  };
  const username = values['admin-username'];
  if (values['keycloak-file'] !== undefined && username === undefined)
    throw new UsageError('--keycloak-file needs --admin-username');
  return {
    input: {
      taskForce: {
        name: required('task-force'),
        jurisdiction: required('jurisdiction'),
        description: values.description,
      },
      coordinatingAgency: {
        name: required('coordinating-agency'),
        jurisdiction: values['agency-jurisdiction'],
        intakeEmail: values['agency-email'],
        intakePhone: values['agency-phone'],
      },
      hubAdmin:
        username === undefined
          ? undefined
          : {
              username,
              email: values['admin-email'],
              firstName: values['admin-first-name'],
              lastName: values['admin-last-name'],
            },
    },
    keycloakFile: values['keycloak-file'],
  };
}

/**
 * `npm run hub -- bootstrap …` (in the image: `node hub.js bootstrap …`): the first run of a
 * deployment. Applies pending migrations, then registers the coordinating office and its task force
 * (bootstrapFirstTaskForce: idempotent), and prints their ids and what the first hub
 * administrator's Keycloak account must carry (written as a partial import with --keycloak-file).
 * Exit 0 done (also when everything was already there), 1 refused or failed, 2 bad usage or input.
 */
async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')))
      throw error;
    process.stderr.write(`hub: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { DATABASE_OWNER_URL } = loadConfig(migrationConfig);
  await runMigrations(DATABASE_OWNER_URL, apiMigrations);
  try {
    const result = await bootstrapFirstTaskForce(DATABASE_OWNER_URL, parsed.input);
    if (parsed.keycloakFile && result.hubAdmin)
      await writeFile(parsed.keycloakFile, `${JSON.stringify(result.hubAdmin.keycloak, null, 2)}\n`);
    process.stdout.write(logLine('info', 'bootstrap done', { ...result }));
    return 0;
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    // A refusal of the hub's own (BAD_USER_INPUT naming fields, CONFLICT for other values than the first run's).
    const code = String(error.extensions.code);
    const message =
      error.extensions.reason === 'IDEMPOTENCY_KEY_REUSED'
        ? 'this database was bootstrapped with other values; nothing changed'
        : error.message;
    process.stdout.write(logLine('error', `bootstrap refused: ${message}`, { ...error.extensions }));
    return code === 'BAD_USER_INPUT' ? 2 : 1;
  }
}

main().then(
  (code) => exitAfter('', code),
  (error: unknown) => exitAfter(startupFailureLine('bootstrap failed', error), 1),
);
