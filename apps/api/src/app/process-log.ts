import { hostname } from 'node:os';
import { ConfigError } from '@hub/config';
import { DatabaseUnavailableError } from '@hub/database';

const LEVELS = { info: 30, error: 50 } as const;

/**
 * One log line in pino's shape (`{"level":50,"time":…,"pid":…,"hostname":…,"msg":…}`) for the
 * moments the app's pino logger is not there: before the app exists and after it closed.
 */
export function logLine(
  level: keyof typeof LEVELS,
  msg: string,
  fields: Record<string, unknown> = {},
): string {
  return `${JSON.stringify({ level: LEVELS[level], time: Date.now(), pid: process.pid, hostname: hostname(), msg, ...fields })}\n`;
}

/**
 * The one line a failed start (or migration run) logs: the variables that are wrong (never their
 * values), the database it could not reach (never the password), else the error with its stack.
 */
export function startupFailureLine(what: string, error: unknown): string {
  if (error instanceof ConfigError) {
    const variables = [...new Set(error.problems.map((p) => p.variable))];
    return logLine('error', `${what}: invalid configuration of ${variables.join(', ')}`, {
      problems: error.problems,
    });
  }
  if (error instanceof DatabaseUnavailableError) {
    return logLine('error', `${what}: ${error.message}`, { database: error.target, code: error.code });
  }
  const err =
    error instanceof Error
      ? { type: error.name, message: error.message, stack: error.stack }
      : { type: typeof error, message: String(error) };
  return logLine('error', `${what}: ${err.message}`, { err });
}

/** Writes the line, then exits once it is out (a pipe may not take it synchronously everywhere). */
export function exitAfter(line: string, code: number): void {
  process.stdout.write(line, () => process.exit(code));
}
