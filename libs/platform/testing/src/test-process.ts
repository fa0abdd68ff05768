import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The workspace root (this file is libs/platform/testing/src/test-process.ts). */
export const WORKSPACE = resolve(__dirname, '../../../..');

/**
 * The script of a package's command (its package.json `bin`), to run with this Node
 * (`[process.execPath, packageBin('jest'), …]`): `npx` would load npm first, ≈ 0.5 s of CPU each time.
 */
export function packageBin(pkg: string, command = pkg, workspace = WORKSPACE): string {
  const manifest = join(workspace, 'node_modules', pkg, 'package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> };
  const script = typeof bin === 'string' ? bin : bin?.[command];
  if (!script) throw new Error(`${pkg} has no "${command}" command`);
  return join(dirname(manifest), script);
}

/**
 * What every run of Nx here sets: no daemon (a one-shot run), and its project-graph plugins loaded in
 * the process itself rather than in a worker process each (`nx show projects`: 1.8 s of CPU instead
 * of 5.3 s here).
 */
export const NX_ONE_SHOT = { NX_DAEMON: 'false', NX_ISOLATE_PLUGINS: 'false' };

/** A child process of a test, with its output as JSON log lines. */
export interface TestProcess {
  child: ChildProcess;
  /** Every output line so far (stdout and stderr). */
  lines: string[];
  /** The lines that are JSON objects (pino's log lines). */
  json(): Record<string, unknown>[];
  /** The lines that are not (a production process logs JSON only). */
  notJson(): string[];
  /** Resolves with the first log line that satisfies `found`; rejects when the process exits or time runs out. */
  waitForLog(
    found: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves when the process has exited (at once if it has). */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL (kill -9), then waits for the exit. */
  kill(): Promise<void>;
}

/**
 * Runs a TypeScript entry point of the workspace as `npm start` does (SWC, path aliases), with
 * only `env` added to the test's environment, e.g. the worker against a suite's database.
 */
export function startTsProcess(entry: string, env: Record<string, string>): TestProcess {
  const child = spawn(
    process.execPath,
    ['-r', resolve(WORKSPACE, 'tools/register.js'), resolve(WORKSPACE, entry)],
    { cwd: WORKSPACE, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return watch(child);
}

/** Collects a child's output and gives the helpers of TestProcess. */
export function watch(child: ChildProcess): TestProcess {
  const lines: string[] = [];
  let rest = '';
  const take = (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts.filter((line) => line.trim() !== ''));
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const parse = (line: string): Record<string, unknown> | undefined => {
    try {
      const value: unknown = JSON.parse(line);
      return value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  };
  const json = () =>
    lines.map(parse).filter((value): value is Record<string, unknown> => value !== undefined);
  const done = () => child.exitCode !== null || child.signalCode !== null;
  const exited = () =>
    done()
      ? Promise.resolve({ code: child.exitCode, signal: child.signalCode })
      : new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((settle) =>
          child.once('exit', (code, signal) => settle({ code, signal })),
        );
  return {
    child,
    lines,
    json,
    notJson: () => lines.filter((line) => parse(line) === undefined),
    async waitForLog(found, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = json().find(found);
        if (line) return line;
        if (done() || Date.now() > deadline) throw new Error(`gave up waiting; output:\n${lines.join('\n')}`);
        await new Promise((wait) => setTimeout(wait, 100));
      }
    },
    exited,
    async kill() {
      if (!done()) child.kill('SIGKILL');
      await exited();
    },
  };
}
