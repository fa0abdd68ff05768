import { hostname } from 'node:os';
import { ConfigError } from '@hub/config';

const LEVELS = { info: 30, error: 50 } as const;

/**
 * A failure that says which of its fields may be logged (never a secret), such as the database's
 * DatabaseUnavailableError. Structural, so logging knows no lib that fails.
 */
interface DescribesItself extends Error {
  logFields(): Record<string, unknown>;
}

const describesItself = (error: unknown): error is DescribesItself =>
  error instanceof Error && typeof (error as Partial<DescribesItself>).logFields === 'function';

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
  if (describesItself(error)) return logLine('error', `${what}: ${error.message}`, error.logFields());
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

/**
 * Closes the app after a signal (HTTP server, then the providers' shutdown hooks, the pool last)
 * and returns the exit code: 0 once closed, 1 when closing failed or outlasted the grace period —
 * each said in a log line naming the process (`api stopping`, `worker stopped`), so an exit 1 is
 * never silent.
 */
export async function shutDownProcess(
  name: string,
  app: { close(): Promise<void> },
  options: { signal: string; graceMs: number; write: (line: string) => void },
): Promise<number> {
  const { signal, graceMs, write } = options;
  write(logLine('info', `${name} stopping`, { signal, graceMs }));
  let timer: NodeJS.Timeout | undefined;
  const gracePeriod = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), graceMs);
  });
  try {
    const outcome = await Promise.race([app.close().then(() => 'closed' as const), gracePeriod]);
    if (outcome === 'timeout') {
      write(
        logLine('error', 'shutdown grace period ran out; exiting before the app closed', { signal, graceMs }),
      );
      return 1;
    }
    write(logLine('info', `${name} stopped`, { signal }));
    return 0;
  } catch (error) {
    write(
      logLine('error', 'shutdown failed', {
        signal,
        err: {
          type: (error as Error).name,
          message: (error as Error).message,
          stack: (error as Error).stack,
        },
      }),
    );
    return 1;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The first SIGTERM or SIGINT closes the app and exits; later ones (Ctrl-C in a terminal sends
 * both to `npm start`'s children) wait for it, bounded by the grace period.
 */
export function stopOnSignals(
  name: string,
  app: { close(): Promise<void> },
  graceMs: number,
  /** After the app closed, before the process exits (e.g. flushing buffered spans); its failure is not the app's. */
  afterClose?: () => Promise<unknown> | undefined,
): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void shutDownProcess(name, app, {
        signal,
        graceMs,
        write: (line) => process.stdout.write(line),
      })
        .then(async (code) => {
          await afterClose?.()?.catch(() => undefined);
          return code;
        })
        .then((code) => exitAfter('', code));
    });
  }
}
