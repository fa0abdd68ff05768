import { shutDown } from './shutdown';

/** Runs shutDown against a stand-in app and returns the exit code and the parsed log lines. */
async function stop(close: () => Promise<void>, graceMs = 50) {
  const lines: Record<string, unknown>[] = [];
  const code = await shutDown(
    { close },
    { signal: 'SIGTERM', graceMs, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { code, lines: lines.map(({ level, msg, signal }) => ({ level, msg, signal })) };
}

describe('shutDown', () => {
  it('exits 0 once the app closed, saying so', async () => {
    expect(await stop(() => Promise.resolve())).toEqual({
      code: 0,
      lines: [
        { level: 30, msg: 'api stopping', signal: 'SIGTERM' },
        { level: 30, msg: 'api stopped', signal: 'SIGTERM' },
      ],
    });
  });

  it('exits 1 with an error line when closing outlasts the grace period', async () => {
    const result = await stop(() => new Promise<void>(() => undefined), 20);
    expect(result).toEqual({
      code: 1,
      lines: [
        { level: 30, msg: 'api stopping', signal: 'SIGTERM' },
        { level: 50, msg: 'shutdown grace period ran out; exiting before the app closed', signal: 'SIGTERM' },
      ],
    });
  });

  it('exits 1 with an error line when closing fails', async () => {
    const result = await stop(() => Promise.reject(new Error('pool end failed')));
    expect(result).toEqual({
      code: 1,
      lines: [
        { level: 30, msg: 'api stopping', signal: 'SIGTERM' },
        { level: 50, msg: 'shutdown failed', signal: 'SIGTERM' },
      ],
    });
  });
});
