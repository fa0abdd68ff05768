import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');

/** Runs a TypeScript entry point of the workspace in a child Node process (SWC, path aliases). */
export function runTs(
  entry: string,
  env: NodeJS.ProcessEnv,
  options: { prefix: string; quiet?: boolean },
): ChildProcess {
  return runNode(['-r', resolve(ROOT, 'tools/register.js'), resolve(ROOT, entry)], env, options);
}

/** Runs Node with these arguments (a script and its options), its output prefixed line by line. */
export function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { prefix: string; quiet?: boolean },
): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (stream: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (!options.quiet) to.write(`${options.prefix} ${line}\n`);
    });
  };
  if (child.stdout) forward(child.stdout, process.stdout);
  if (child.stderr) forward(child.stderr, process.stderr);
  return child;
}

/** Runs an entry point to completion; rejects with its exit code. */
export function runTsToEnd(entry: string, env: NodeJS.ProcessEnv, prefix: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = runTs(entry, env, { prefix });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${entry} exited with ${code}`))));
    child.on('error', fail);
  });
}

/** Runs a command with inherited (or ignored) output; resolves with its exit code. */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  output: 'inherit' | 'ignore' = 'inherit',
): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: output });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
    child.on('error', fail);
  });
}

/** Polls a URL until it answers 200 or the child exits or time runs out. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}
