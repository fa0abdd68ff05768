import { logLine } from './process-log';

/**
 * Closes the app after a signal (HTTP server, then the providers' shutdown hooks, the pool last)
 * and returns the exit code: 0 once closed, 1 when closing failed or outlasted the grace period —
 * each said in a log line, so an exit 1 is never silent.
 */
export async function shutDown(
  app: { close(): Promise<void> },
  options: { signal: string; graceMs: number; write: (line: string) => void },
): Promise<number> {
  const { signal, graceMs, write } = options;
  write(logLine('info', 'api stopping', { signal, graceMs }));
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
    write(logLine('info', 'api stopped', { signal }));
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
