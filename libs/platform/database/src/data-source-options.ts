import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const MIGRATIONS_TABLE = 'hub_migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type MigrationList = MixedList<Function | string>;

/**
 * The one shape of every connection the hub opens. Schema changes only through committed
 * migrations: `synchronize` is off everywhere (it silently drops columns).
 */
export function dataSourceOptions(options: {
  url: string;
  entities?: EntityList;
  migrations?: MigrationList;
  poolSize?: number;
  ssl?: boolean;
  statementTimeoutMs?: number;
  applicationName?: string;
}): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Extensions are the migrations' business. Without this TypeORM runs CREATE EXTENSION
    // "uuid-ossp" on every connect when an entity has a uuid primary key, which the API role may
    // not do (an error in PostgreSQL's log at each start); ids come from gen_random_uuid(), core
    // since PostgreSQL 13, as the columns' defaults.
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    ssl: options.ssl ? { rejectUnauthorized: true } : false,
    applicationName: options.applicationName ?? 'task-force-hub',
    extra: {
      max: options.poolSize ?? 10,
      // Session time zone is UTC for every connection (STYLE.md: time is UTC).
      options: `-c timezone=UTC${options.statementTimeoutMs ? ` -c statement_timeout=${options.statementTimeoutMs}` : ''}`,
    },
  };
}
