import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import WebSocket from 'ws';

/** Kernel clock ticks per second (/proc times are in ticks). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system, all threads) a process has used, in ms; null once it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * CPU that PostgreSQL spent for one client: the backends of its connections (database and
 * application_name), read from /proc while a round runs. A backend is sampled every second and
 * its last reading kept, so one that closes mid-round still counts up to that second.
 */
export class BackendCpu {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> = Promise.resolve();

  constructor(
    private readonly admin: Client,
    private readonly database: string,
    private readonly applicationName: string,
  ) {}

  async start(): Promise<void> {
    this.first.clear();
    this.last.clear();
    await this.sample(true);
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample(false));
    }, 1000);
  }

  /** CPU ms used by the client's backends since start(). */
  async stop(): Promise<number> {
    clearInterval(this.timer);
    await this.sampling;
    await this.sample(false);
    let total = 0;
    for (const [pid, end] of this.last) total += end - (this.first.get(pid) ?? end);
    return total;
  }

  private async sample(atStart: boolean): Promise<void> {
    const { rows } = await this.admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`,
      [this.database, this.applicationName],
    );
    for (const { pid } of rows) {
      const used = cpuMs(pid);
      if (used === null) continue;
      // A backend first seen mid-round connected during it: all its CPU is this round's.
      if (!this.first.has(pid)) this.first.set(pid, atStart ? used : 0);
      this.last.set(pid, used);
    }
  }
}

/**
 * The JavaScript heap a process holds after a full garbage collection, in MB: what it keeps, not
 * what it has not collected yet. Asked through its inspector (the process runs with
 * `--inspect=127.0.0.1:0`; `inspectorUrl` is the ws:// address it printed).
 */
export async function heapAfterGcMb(inspectorUrl: string): Promise<number> {
  const socket = new WebSocket(inspectorUrl);
  await new Promise<void>((done, fail) => {
    socket.once('open', () => done());
    socket.once('error', fail);
  });
  const answers = new Map<number, (answer: InspectorAnswer) => void>();
  socket.on('message', (data: Buffer) => {
    const answer = JSON.parse(data.toString()) as InspectorAnswer;
    answers.get(answer.id)?.(answer);
    answers.delete(answer.id);
  });
  let id = 0;
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<InspectorAnswer>((done) => {
      id += 1;
      answers.set(id, done);
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const answer = await call('Runtime.evaluate', {
      expression: 'process.memoryUsage().heapUsed',
      returnByValue: true,
    });
    const bytes = answer.result?.result?.value;
    if (typeof bytes !== 'number') throw new Error(`the inspector answered ${JSON.stringify(answer)}`);
    return bytes / 1024 / 1024;
  } finally {
    socket.close();
  }
}

interface InspectorAnswer {
  id: number;
  result?: { result?: { value?: unknown } };
  error?: unknown;
}
