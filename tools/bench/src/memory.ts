import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dropDatabase } from '@hub/database';
import { startTestIdp } from '@hub/testing';
import { copyDataset, Dataset } from './dataset';
import { fixturesOf } from './harness';
import { callFor, load } from './load';
import { HubRuntime, startHub } from './targets';
import { W4, W4D, Workload } from './workloads';

export interface MemoryCheckpoint {
  /** Requests answered by the hub so far (after the warm-up). */
  requests: number;
  /** Resident memory and V8 heap in use, MB, after two full garbage collections. */
  rssMb: number;
  heapMb: number;
  /** V8's heap as reserved from the system (what of RSS is V8's), MB. */
  heapTotalMb: number;
}

export interface MemoryResult {
  workload: Pick<Workload, 'id' | 'title'>;
  /** The first one is taken after the warm-up, before any counted request. */
  checkpoints: MemoryCheckpoint[];
  reqPerSecond: number;
  failures: number;
  firstFailure: string | null;
}

/** Requests before the first reading: lazy set-up (JIT, pools, the schema's caches) is not growth. */
const WARMUP_REQUESTS = 1_000;
const MB = 1024 * 1024;

/**
 * Memory under sustained load (issue 12, deliverable 4): a fresh hub per workload (the production
 * bundle, pinned like the rounds, with memory-probe.js loaded) receives `createReferral` requests
 * until each checkpoint (e.g. 10,000 and 100,000), and its memory is read there after a full
 * collection. W4 sends its input as variables; W4d writes it into the document, so every request
 * is a document text the hub has never seen. With `snapshotDir`, a heap snapshot at each
 * checkpoint, to compare in DevTools (what the growth is made of).
 */
export async function benchMemory(options: {
  adminUrl: string;
  dataset: Dataset;
  runtime: HubRuntime;
  checkpoints: number[];
  connections: number;
  pin: boolean;
  snapshotDir?: string;
  /** W4, W4d or both (default). */
  workloads?: string[];
  /** Requests before the first reading (default WARMUP_REQUESTS; the smoke test sends a few). */
  warmupRequests?: number;
  log(line: string): void;
}): Promise<MemoryResult[]> {
  const { log } = options;
  // A database per selection, so two runs for different workloads can go side by side.
  const suffix = ['memory', ...(options.workloads ?? [])].join('_').toLowerCase();
  const db = await copyDataset(options.adminUrl, options.dataset, suffix);
  const idp = await startTestIdp({ accessTokenLifetimeSeconds: 12 * 3600 });
  try {
    const fixtures = await fixturesOf(options.adminUrl, db.database);
    const token = await idp.tokenFor(W4.user as string);
    const results: MemoryResult[] = [];
    for (const [index, workload] of [W4, W4D].entries()) {
      if (options.workloads && !options.workloads.includes(workload.id)) continue;
      const hub = await startHub(options.runtime, {
        databaseUrl: db.apiUrl,
        issuer: idp.issuer,
        idpUrl: idp.url,
        cpu: options.pin ? 0 : undefined,
        probe: true,
      });
      try {
        const call = (n: number) => callFor(workload, hub, token, n, fixtures);
        // Each workload's idempotency keys in a range of their own: every request creates a referral.
        let sent = index * 1_000_000_000;
        const send = async (amount: number) => {
          const outcome = await load(hub, call, { connections: options.connections, amount, start: sent });
          sent += amount;
          return outcome;
        };
        const warmup = await send(options.warmupRequests ?? WARMUP_REQUESTS);
        const result: MemoryResult = {
          workload: { id: workload.id, title: workload.title },
          checkpoints: [],
          reqPerSecond: 0,
          failures: warmup.failures,
          firstFailure: warmup.firstFailure,
        };
        let answered = 0;
        let seconds = 0;
        const read = async () => {
          const reading = await (hub.memory as NonNullable<typeof hub.memory>)();
          const checkpoint = {
            requests: answered,
            rssMb: reading.rss / MB,
            heapMb: reading.heapUsed / MB,
            heapTotalMb: reading.heapTotal / MB,
          };
          result.checkpoints.push(checkpoint);
          log(
            `memory ${workload.id} after ${answered.toLocaleString('en')} requests: RSS ${checkpoint.rssMb.toFixed(0)} MB, heap after GC ${checkpoint.heapMb.toFixed(1)} MB (V8 holds ${checkpoint.heapTotalMb.toFixed(0)} MB)`,
          );
          if (options.snapshotDir && hub.heapSnapshot) {
            mkdirSync(options.snapshotDir, { recursive: true });
            log(
              `  ${await hub.heapSnapshot(join(options.snapshotDir, `${workload.id}-${answered}.heapsnapshot`))}`,
            );
          }
        };
        await read();
        for (const checkpoint of [...options.checkpoints].sort((a, b) => a - b)) {
          const outcome = await send(checkpoint - answered);
          answered = checkpoint;
          seconds += outcome.seconds;
          result.failures += outcome.failures;
          result.firstFailure ??= outcome.firstFailure;
          await read();
        }
        result.reqPerSecond = answered / seconds;
        results.push(result);
      } finally {
        await hub.stop();
      }
    }
    return results;
  } finally {
    await idp.close();
    await dropDatabase(options.adminUrl, db.database);
  }
}
