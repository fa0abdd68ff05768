import { DataSource } from 'typeorm';

/** Where a PostgreSQL URL points, without its password: what a log line may say. */
export interface DatabaseTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

export function describeDatabaseUrl(url: string): DatabaseTarget {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    user: decodeURIComponent(parsed.username),
  };
}

/** The first error code of a connection failure (a SQLSTATE, or ECONNREFUSED and the like). */
function errorCode(error: unknown): string | undefined {
  if (error instanceof AggregateError) return error.errors.map(errorCode).find(Boolean);
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && !error.message)
    return error.errors.map(errorMessage).filter(Boolean).join('; ');
  return error instanceof Error ? error.message : String(error);
}

/** PostgreSQL could not be reached or refused the login: says where, never with which password. */
export class DatabaseUnavailableError extends Error {
  readonly code: string | undefined;

  constructor(
    readonly target: DatabaseTarget,
    cause: unknown,
    password = '',
  ) {
    const reason = errorMessage(cause);
    super(
      `cannot connect to PostgreSQL at ${target.host}:${target.port}/${target.database} as ${target.user}: ${
        password ? reason.split(password).join('[REDACTED]') : reason
      }`,
    );
    this.name = 'DatabaseUnavailableError';
    this.code = errorCode(cause);
  }

  /** What a start-up failure line may say about it (process-log): where, and the driver's code. */
  logFields(): Record<string, unknown> {
    return { database: this.target, code: this.code };
  }
}

/**
 * Initialises a data source once, no retries: a database that is not there at start is reported
 * at once, naming its host (the orchestrator restarts the process; compose starts the API only
 * after PostgreSQL is healthy). Errors without a code (mapping mistakes) pass through unchanged.
 */
export async function initializeDataSource(dataSource: DataSource, url: string): Promise<DataSource> {
  try {
    return await dataSource.initialize();
  } catch (error) {
    if (errorCode(error) === undefined) throw error;
    throw new DatabaseUnavailableError(
      describeDatabaseUrl(url),
      error,
      decodeURIComponent(new URL(url).password),
    );
  }
}
