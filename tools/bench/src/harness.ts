import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { dropDatabase } from '@hub/database';
import { startTestIdp, TestIdp } from '@hub/testing';
import { copyDataset, Dataset, ensureDataset, Size } from './dataset';
import { answered, Call, callFor, load } from './load';
import { BackendCpu, cpuMs, rssMb } from './process-stats';
import { startStatementCounter, StatementCounter } from './statement-counter';
import { HubRuntime, startFloor, startHub, Target } from './targets';
import { Fixtures, Workload, WORKLOADS } from './workloads';

export interface BenchOptions {
  adminUrl: string;
  sizes: Size[];
  runtime: HubRuntime;
  /**
   * The hub as built at another commit (`--baseline`), measured in the same rounds: floor,
   * baseline, hub, floor, baseline, hub… so a change is compared under the same load on the machine.
   */
  baseline?: { runtime: HubRuntime; commit: string };
  /** Workload ids to run (default all). */
  workloads?: string[];
  connections: number;
  /** Seconds of each measured round, and of the unmeasured warm-up before a target's first round. */
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  /** Sequential requests per workload and target whose statements are counted (and answers checked). */
  countRequests: number;
  /** Pin the servers to CPU 0 and this process (the load generator) to CPU 1. */
  pin: boolean;
  fresh: boolean;
  /** Prefix of the databases' names (dataset.ts). */
  namespace?: string;
  /**
   * Measure the instances that count statements instead of separate, directly connected ones: one
   * process per server instead of two (the smoke test's shortcut; its timings include the counter).
   */
  measureCounted?: boolean;
  log(line: string): void;
}

/** What one target did for one workload, over all its rounds. */
export interface TargetStats {
  responses: number;
  seconds: number;
  reqPerSecond: number;
  /** Mean over rounds of each round's median and 99th percentile latency, ms. */
  p50: number;
  p99: number;
  statementsPerRequest: number;
  /** CPU over all rounds, ms: the server process, and PostgreSQL's backends serving it. */
  apiCpuMs: number;
  pgCpuMs: number;
  /** The same per 1,000 answers (NaN when no request was answered). */
  apiCpuPer1k: number;
  pgCpuPer1k: number;
  /** Resident memory after the last round, MB. */
  rssMb: number;
  failures: number;
  firstFailure: string | null;
}

export interface WorkloadResult {
  workload: Pick<Workload, 'id' | 'title'>;
  hub: TargetStats;
  floor?: TargetStats;
  /** The baseline's hub (`BenchOptions.baseline`), same rounds. */
  baseline?: TargetStats;
  /** For W1–W3: whether the floor's answer is the hub's `data`, field for field. */
  sameAnswer?: boolean;
}

export interface SizeResult {
  size: Size;
  referrals: number;
  generatedSeconds: number | null;
  workloads: WorkloadResult[];
  /** The baseline's commit, when one was measured. */
  baselineCommit?: string;
}

interface Pair {
  measured: Target;
  counted: Target;
  counter: StatementCounter;
}

/**
 * One benchmark run at each size: the dataset (generated once, then copied per run), dev-idp, the
 * hub and the floor, a counting pass (statements per request, answers checked and compared), then
 * interleaved rounds (floor, hub, floor, hub… per workload) at a fixed number of connections.
 */
export async function runBenchmark(options: BenchOptions): Promise<SizeResult[]> {
  const idp = await startTestIdp({ accessTokenLifetimeSeconds: 12 * 3600 });
  const admin = new Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    const results: SizeResult[] = [];
    for (const size of options.sizes) {
      const dataset = await ensureDataset(options.adminUrl, size, options);
      results.push(await runSize(options, dataset, idp, admin));
    }
    return results;
  } finally {
    await admin.end();
    await idp.close();
    options.log('dev-idp stopped');
  }
}

async function runSize(
  options: BenchOptions,
  dataset: Dataset,
  idp: TestIdp,
  admin: Client,
): Promise<SizeResult> {
  const { log } = options;
  log(`${dataset.size}: copying ${dataset.template}`);
  const db = await copyDataset(options.adminUrl, dataset, 'run');
  const database = db.database;
  const workloads = WORKLOADS.filter((w) => !options.workloads || options.workloads.includes(w.id));
  const withFloor = workloads.some((w) => w.floor);
  const started: Target[] = [];
  const counters: StatementCounter[] = [];
  try {
    const fixtures = await fixturesOf(options.adminUrl, database);
    const pair = async (kind: 'hub' | 'floor' | 'baseline'): Promise<Pair> => {
      const counter = await startStatementCounter(db.apiUrl);
      counters.push(counter);
      const begin = (databaseUrl: string, cpu?: number) => {
        const common = { databaseUrl, issuer: idp.issuer, cpu };
        const target =
          kind === 'floor'
            ? startFloor(options.runtime.node, common)
            : startHub(kind === 'baseline' && options.baseline ? options.baseline.runtime : options.runtime, {
                ...common,
                idpUrl: idp.url,
              });
        return target.then((t) => (started.push(t), t));
      };
      const cpu = options.pin ? 0 : undefined;
      if (options.measureCounted) {
        const counted = await begin(counter.url, cpu);
        return { counted, measured: counted, counter };
      }
      const [counted, measured] = await Promise.all([begin(counter.url), begin(db.apiUrl, cpu)]);
      return { counted, measured, counter };
    };
    const [hub, floor, baseline] = await Promise.all([
      pair('hub'),
      withFloor ? pair('floor') : undefined,
      options.baseline ? pair('baseline') : undefined,
    ]);
    log(`${dataset.size}: hub${baseline ? ', baseline' : ''} and floor are up`);

    const tokens = new Map<string, string>();
    for (const user of new Set(workloads.map((w) => w.user).filter((u): u is string => !!u)))
      tokens.set(user, await idp.tokenFor(user));

    const results = new Map<string, WorkloadResult>();
    for (const workload of workloads) {
      const token = workload.user ? tokens.get(workload.user) : undefined;
      const hubCount = await countPass(workload, hub, token, fixtures, options.countRequests);
      const floorCount =
        workload.floor && floor
          ? await countPass(workload, floor, token, fixtures, options.countRequests)
          : undefined;
      const baselineCount = baseline
        ? await countPass(workload, baseline, token, fixtures, options.countRequests)
        : undefined;
      results.set(workload.id, {
        workload: { id: workload.id, title: workload.title },
        hub: emptyStats(hubCount.statements),
        ...(baselineCount && { baseline: emptyStats(baselineCount.statements) }),
        ...(floorCount && {
          floor: emptyStats(floorCount.statements),
          sameAnswer: isDeepStrictEqual(hubCount.data, floorCount.data),
        }),
      });
      log(
        `${dataset.size} ${workload.id}: ${hubCount.statements} statements per request` +
          (floorCount
            ? ` (floor ${floorCount.statements}); same answer: ${results.get(workload.id)?.sameAnswer}`
            : ''),
      );
    }
    // Only the measured processes stay: nothing else is connected while rounds run.
    for (const p of [hub, floor, baseline]) if (p && p.counted !== p.measured) await p.counted.stop();

    let sequence = 1_000_000;
    for (const workload of workloads) {
      const token = workload.user ? tokens.get(workload.user) : undefined;
      const result = results.get(workload.id) as WorkloadResult;
      const targets: [Target, TargetStats][] = [];
      if (workload.floor && floor && result.floor) targets.push([floor.measured, result.floor]);
      if (baseline && result.baseline) targets.push([baseline.measured, result.baseline]);
      targets.push([hub.measured, result.hub]);
      for (let round = 1; round <= options.rounds; round++) {
        for (const [target, stats] of targets) {
          const call = (n: number): Call => callFor(workload, target, token, n, fixtures);
          if (round === 1 && options.warmupSeconds > 0)
            await load(target, call, {
              connections: options.connections,
              seconds: options.warmupSeconds,
              start: sequence,
            });
          sequence += 1_000_000;
          const backends = new BackendCpu(admin, database, target.kind === 'hub' ? 'hub-api' : 'bench-floor');
          await backends.start();
          const cpuBefore = cpuMs(target.pid) ?? 0;
          const outcome = await load(target, call, {
            connections: options.connections,
            seconds: options.seconds,
            start: sequence,
          });
          const apiCpu = (cpuMs(target.pid) ?? 0) - cpuBefore;
          const pgCpu = await backends.stop();
          addRound(stats, outcome, apiCpu, pgCpu, rssMb(target.pid), options.rounds);
          sequence += 1_000_000;
        }
      }
      log(
        `${dataset.size} ${workload.id}: hub ${result.hub.reqPerSecond.toFixed(0)} req/s` +
          (result.baseline ? `, baseline ${result.baseline.reqPerSecond.toFixed(0)} req/s` : '') +
          (result.floor ? `, floor ${result.floor.reqPerSecond.toFixed(0)} req/s` : ''),
      );
    }
    return {
      size: dataset.size,
      referrals: dataset.referrals,
      generatedSeconds: dataset.generatedSeconds,
      workloads: [...results.values()],
      ...(options.baseline && { baselineCommit: options.baseline.commit }),
    };
  } finally {
    await Promise.all(started.map((target) => target.stop()));
    log(`${dataset.size}: servers stopped`);
    await Promise.all(counters.map((counter) => counter.close()));
    await dropDatabase(options.adminUrl, database);
    log(`${dataset.size}: dropped ${database}`);
  }
}

/** What the benchmark's requests need from the generated data. */
export async function fixturesOf(adminUrl: string, database: string): Promise<Fixtures> {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    // Received by Harbor Light; first those with a survivor whose consent still covers it, and messages.
    const { rows } = await client.query<{ id: string }>(
      `SELECT r.id FROM referral r
        WHERE r.to_agency_id = $1 AND r.sent_at IS NOT NULL
        ORDER BY EXISTS (SELECT 1 FROM consent_grant g WHERE g.consent_id = r.consent_id AND g.agency_id = $1
                         AND g.revoked_at IS NULL AND g.valid_until > now()) DESC,
                 EXISTS (SELECT 1 FROM record_message m WHERE m.subject_type = 'Referral' AND m.subject_id = r.id) DESC,
                 r.created_at DESC
        LIMIT 50`,
      [DEMO_AGENCY_IDS.harborLight],
    );
    if (rows.length === 0) throw new Error('the dataset has no referral for W2');
    return {
      referralIds: rows.map((row) => row.id),
      createTo: DEMO_AGENCY_IDS.bayviewPolice,
      runId: randomBytes(4).toString('hex'),
    };
  } finally {
    await client.end();
  }
}

/**
 * Sends `count` requests one after another to the counting instance and answers the statements
 * each cost (after two unmeasured ones: a token's first use signs in), checking every answer.
 */
async function countPass(
  workload: Workload,
  pair: Pair,
  token: string | undefined,
  fixtures: Fixtures,
  count: number,
): Promise<{ statements: number; data: unknown }> {
  const send = async (n: number) => {
    const call = callFor(workload, pair.counted, token, n, fixtures);
    const response = await fetch(new URL(call.path, pair.counted.url), {
      method: call.method,
      headers: call.headers,
      body: call.body,
    });
    const body = await response.text();
    if (!answered(response.status, body))
      throw new Error(`${workload.id} on the ${pair.counted.kind}: ${response.status} ${body.slice(0, 500)}`);
    return (JSON.parse(body) as { data: unknown }).data;
  };
  const data = await send(0);
  await send(1);
  const before = pair.counter.statements();
  for (let n = 2; n < count + 2; n++) await send(n);
  // Work a request leaves running after its answer (if any) is the request's too.
  await new Promise((r) => setTimeout(r, 100));
  return { statements: Math.round(((pair.counter.statements() - before) / count) * 100) / 100, data };
}

function emptyStats(statementsPerRequest: number): TargetStats {
  return {
    responses: 0,
    seconds: 0,
    reqPerSecond: 0,
    p50: 0,
    p99: 0,
    statementsPerRequest,
    apiCpuMs: 0,
    pgCpuMs: 0,
    apiCpuPer1k: NaN,
    pgCpuPer1k: NaN,
    rssMb: 0,
    failures: 0,
    firstFailure: null,
  };
}

function addRound(
  stats: TargetStats,
  round: Awaited<ReturnType<typeof load>>,
  apiCpu: number,
  pgCpu: number,
  rss: number,
  rounds: number,
): void {
  stats.responses += round.responses;
  stats.seconds += round.seconds;
  stats.reqPerSecond = stats.responses / stats.seconds;
  stats.p50 += round.p50 / rounds;
  stats.p99 += round.p99 / rounds;
  stats.apiCpuMs += apiCpu;
  stats.pgCpuMs += pgCpu;
  stats.apiCpuPer1k = (stats.apiCpuMs * 1000) / stats.responses;
  stats.pgCpuPer1k = (stats.pgCpuMs * 1000) / stats.responses;
  stats.rssMb = rss;
  stats.failures += round.failures;
  stats.firstFailure ??= round.firstFailure;
}
