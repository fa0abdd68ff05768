import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditSealService } from '@hub/audit';
import { ConfigError, loadConfig } from '@hub/config';
import { databaseConfig, dataSourceOptions, Transactions } from '@hub/database';

/**
 * `npm run audit:verify [-- --anchor <seq>:<hash>] [--no-seal]`: seals what is unsealed, then
 * checks every audit event, seal and link; with an anchor kept outside the hub it also catches
 * a chain rebuilt from scratch. Prints the report as JSON; exits 1 when the trail is broken.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const anchorArg = args[args.indexOf('--anchor') + 1];
  const anchorMatch = args.includes('--anchor') ? /^(\d+):([0-9a-f]{64})$/.exec(anchorArg ?? '') : null;
  if (args.includes('--anchor') && !anchorMatch)
    throw new ConfigError([{ variable: '--anchor', message: 'must be <seq>:<64 hex>' }]);
  const { DATABASE_URL } = loadConfig(databaseConfig);
  const dataSource = new DataSource(
    dataSourceOptions({ url: DATABASE_URL, applicationName: 'hub-audit-verify' }),
  );
  await dataSource.initialize();
  try {
    const seals = new AuditSealService(new Transactions(dataSource));
    if (!args.includes('--no-seal')) await seals.seal();
    const report = await seals.verify(
      anchorMatch ? { seq: Number(anchorMatch[1]), hash: anchorMatch[2] } : undefined,
    );
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
    );
    process.exit(2);
  },
);
