import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { findOrStartPostgres, ROOT } from '@hub/tools';
import { ensureDataset, Size, SIZES } from './dataset';
import { DeliverySource, runDelivery } from './delivery';
import { runBenchmark } from './harness';
import { benchMemory } from './memory';
import { deliveryReport, markdownReport, webReport } from './report';
import { benchWeb } from './web';
import { benchSeal, SealResult } from './seal';
import { baselineRuntime, bundleRuntime, HubRuntime, sourceRuntime, stopAllTargets } from './targets';

const USAGE = `npm run bench -- [options]   (docs/benchmarks.md)
  --size small|large|small,large   datasets to run (default small); both sizes also print large/small
  --hub bundle|source              the production bundle on the image's Node (default), or the sources
  --baseline <commit>              also the hub's bundle as built at that commit, in the same rounds
                                   (floor, baseline, hub, …): a change measured against what it changes
  --connections 16  --seconds 10  --warmup 3  --rounds 2  --count 20
  --workloads W0,W1,W1b,W2,W3,W5,W4   (default all; none: skip the rounds, e.g. to run only the sealer)
  --seal-events 10000,1000000      audit trail sizes for the sealer (0 skips it)
  --memory 10000,100000            memory workload: RSS and heap after GC at these request counts (default off)
  --memory-workloads W4,W4d        with --memory: which of the two (default both)
  --heap-snapshots                 with --memory: a heap snapshot at each reading, in tmp/bench/heap-<time>/
                                   (writing one leaves RSS higher: read RSS from a run without them)
  --pg <url>                       a PostgreSQL superuser URL (default: local 127.0.0.1:5432, else embedded)
  --fresh                          regenerate the datasets
  --no-pin                         do not pin the servers to CPU 0 and the load generator to CPU 1
  --cpu-prof <dir>                 write a V8 CPU profile of each hub process into <dir> (node --cpu-prof)
  --delivery                       instead: e-mail delivery (API, one worker, an SMTP sink) at the first --size
    --rate 100  --delivery-seconds 60  --source api,publisher   (a latency phase per source)
    --jobs 10000,100000            worker memory read after this many delivery jobs
    --max-minutes 15               the memory phase stops here, measured at the count reached
    --worker-env K=V,K=V           worker settings beside production's (e.g. DELIVERY_CONCURRENCY=16)
  --web                            instead: the web app's first load and time to the inbox's first row in
                                   Chromium, at the first --size (the API serving the production web bundle)
    --web-runs 5                   visits per condition (loopback; Slow 4G with 4× CPU slowdown)`;

const DEFAULTS = {
  size: 'small',
  hub: 'bundle',
  connections: '16',
  seconds: '10',
  warmup: '3',
  rounds: '2',
  count: '20',
  'seal-events': '10000,1000000',
  rate: '100',
  'delivery-seconds': '60',
  source: 'api,publisher',
  jobs: '10000,100000',
  'max-minutes': '15',
  memory: '',
  'web-runs': '5',
};

const SWITCHES = ['fresh', 'no-pin', 'delivery', 'web', 'heap-snapshots', 'help'] as const;
type Flags = Record<keyof typeof DEFAULTS, string> &
  Record<(typeof SWITCHES)[number], boolean> & {
    workloads?: string;
    'memory-workloads'?: string;
    pg?: string;
    'worker-env'?: string;
    'cpu-prof'?: string;
    baseline?: string;
  };

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  process.env.TZ = 'UTC';
  // Built from DEFAULTS, the options are too dynamic for parseArgs to type its answer: Flags does.
  const values = parseArgs({
    options: {
      ...Object.fromEntries(
        Object.entries(DEFAULTS).map(([name, value]) => [name, { type: 'string' as const, default: value }]),
      ),
      workloads: { type: 'string' },
      'memory-workloads': { type: 'string' },
      pg: { type: 'string' },
      'worker-env': { type: 'string' },
      'cpu-prof': { type: 'string' },
      baseline: { type: 'string' },
      ...Object.fromEntries(SWITCHES.map((name) => [name, { type: 'boolean' as const, default: false }])),
    },
  }).values as unknown as Flags;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const sizes = values.size.split(',') as Size[];
  if (sizes.some((size) => !(size in SIZES)) || !['bundle', 'source'].includes(values.hub))
    throw new Error(`bad arguments\n${USAGE}`);
  const counts = (list: string) =>
    list
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
  const sealEvents = counts(values['seal-events']);
  const memoryCheckpoints = counts(values.memory);
  const workloads = values.workloads?.split(',');
  const rounds = workloads?.join() !== 'none';
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void stopAllTargets().then(() => process.exit(130)));
  const pin = !values['no-pin'] && cpus().length >= 2;
  // The load generator (autocannon, in this process) on CPU 1; the servers go on CPU 0.
  if (pin) execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });

  const started = new Date();
  const loadBefore = loadavg()[0];
  const postgres = values.pg
    ? { adminUrl: values.pg, stop: async () => undefined }
    : await findOrStartPostgres({ log });
  const needsHub = values.delivery || values.web || rounds || memoryCheckpoints.length > 0;
  const built = !needsHub
    ? null
    : values.hub === 'bundle'
      ? await bundleRuntime(log, { worker: values.delivery })
      : sourceRuntime();
  if (values.baseline && (values.hub !== 'bundle' || !rounds || values.delivery || values.web))
    throw new Error(`--baseline compares the bundles in the workloads' rounds\n${USAGE}`);
  const baselineBuilt =
    values.baseline && rounds
      ? await baselineRuntime(values.baseline, log).catch(async (error: unknown) => {
          await built?.dispose();
          throw error;
        })
      : null;
  // A profile per hub process, written when it stops (its SIGTERM handler exits cleanly); the
  // baseline's go into <dir>/baseline.
  const profiles = values['cpu-prof'] && resolve(values['cpu-prof']);
  const profiled = <R extends HubRuntime>(target: R | null, dir: string | undefined): R | null =>
    target && dir ? { ...target, args: ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...target.args] } : target;
  const runtime = profiled(built, profiles);
  const baseline = profiled(baselineBuilt, profiles && join(profiles, 'baseline'));
  // Any dataset's schema will do for the sealer and the memory workload: the smallest one run copies fastest.
  const smallest = () => ensureDataset(postgres.adminUrl, sizes.includes('small') ? 'small' : sizes[0]);
  try {
    if (values.web && runtime) {
      const result = await benchWeb({
        adminUrl: postgres.adminUrl,
        dataset: await ensureDataset(postgres.adminUrl, sizes[0], { fresh: values.fresh }),
        runtime,
        runs: Number(values['web-runs']),
        log,
      });
      const context = [
        `\`npm run bench -- ${process.argv.slice(2).join(' ')}\` on ${started.toISOString().slice(0, 16)} UTC, ${Math.round((Date.now() - started.getTime()) / 60_000)} min`,
        `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
        `API: ${values.hub === 'bundle' ? 'production bundle' : 'sources'} on Node ${execFileSync(runtime.node, ['-v']).toString().trim()}, NODE_ENV=production, serving the production web bundle; Debian's Chromium, headless; dataset ${sizes[0]}, signed in as ngo.caseworker (Harbor Light)`,
      ];
      return writeReport(started, webReport(result, context), { context, web: result });
    }
    if (values.delivery && runtime) {
      const sources = values.source.split(',') as DeliverySource[];
      if (sources.some((source) => !['api', 'publisher'].includes(source)))
        throw new Error(`bad arguments\n${USAGE}`);
      const result = await runDelivery({
        adminUrl: postgres.adminUrl,
        // A template of its own: a run of the other workloads on the same server regenerates and
        // drops `hub_bench_<size>` when its migrations differ (another checkout), whatever uses it.
        dataset: await ensureDataset(postgres.adminUrl, sizes[0], {
          fresh: values.fresh,
          namespace: 'hub_bench_delivery',
        }),
        runtime,
        rate: Number(values.rate),
        seconds: Number(values['delivery-seconds']),
        sources,
        jobs: values.jobs.split(',').map(Number),
        maxMinutes: Number(values['max-minutes']),
        workerEnv: Object.fromEntries(
          (values['worker-env'] ?? '')
            .split(',')
            .filter(Boolean)
            .map((pair) => pair.split('=', 2) as [string, string]),
        ),
        log,
      });
      const hubNode = execFileSync(runtime.node, ['-v']).toString().trim();
      const context = [
        `\`npm run bench -- ${process.argv.slice(2).join(' ')}\` on ${started.toISOString().slice(0, 16)} UTC, ${Math.round((Date.now() - started.getTime()) / 60_000)} min`,
        `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (other work on the machine shows here)`,
        `API and worker: ${values.hub === 'bundle' ? 'production bundles' : 'sources'} on Node ${hubNode}, NODE_ENV=production, not pinned (the load generator${pin ? ' on CPU 1' : ''}); ${await pgVersion(postgres.adminUrl)}; dataset ${sizes[0]}`,
      ];
      return writeReport(started, deliveryReport(result, context), { context, delivery: result });
    }
    const results = !(runtime && rounds)
      ? []
      : await runBenchmark({
          adminUrl: postgres.adminUrl,
          sizes,
          runtime,
          ...(baseline && { baseline: { runtime: baseline, commit: baseline.commit } }),
          workloads,
          connections: Number(values.connections),
          seconds: Number(values.seconds),
          warmupSeconds: Number(values.warmup),
          rounds: Number(values.rounds),
          countRequests: Number(values.count),
          pin,
          fresh: values.fresh,
          log,
        });
    const memory =
      runtime && memoryCheckpoints.length
        ? await benchMemory({
            adminUrl: postgres.adminUrl,
            dataset: await smallest(),
            runtime,
            checkpoints: memoryCheckpoints,
            workloads: values['memory-workloads']?.split(','),
            connections: Number(values.connections),
            pin,
            snapshotDir: values['heap-snapshots']
              ? join(ROOT, 'tmp/bench', `heap-${started.toISOString().replace(/[:.]/g, '-')}`)
              : undefined,
            log,
          })
        : [];
    const seals: SealResult[] = sealEvents.length
      ? (await benchSeal(postgres.adminUrl, await smallest(), sealEvents, { log })).results
      : [];
    const context = [
      `\`npm run bench -- ${process.argv.slice(2).join(' ')}\` on ${started.toISOString().slice(0, 16)} UTC, ${Math.round((Date.now() - started.getTime()) / 60_000)} min`,
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (other work on the machine shows here)`,
      runtime
        ? `hub: ${values.hub === 'bundle' ? 'production bundle' : 'sources'} on Node ${execFileSync(runtime.node, ['-v']).toString().trim()}, NODE_ENV=production${pin ? ', pinned to CPU 0 (floor too), load generator on CPU 1' : ''}; ${await pgVersion(postgres.adminUrl)}`
        : `the sealer only, in the harness's process on Node ${process.version}; ${await pgVersion(postgres.adminUrl)}`,
      ...(baseline
        ? [`baseline: the hub's bundle at ${baseline.commit}, built the same way, in the same rounds`]
        : []),
      ...(rounds
        ? [
            `${values.connections} connections; per workload ${values.rounds} interleaved rounds of ${values.seconds} s per server after a ${values.warmup} s warm-up; statements counted over ${values.count} sequential requests`,
          ]
        : []),
    ];
    writeReport(started, markdownReport(results, seals, context, memory), {
      context,
      results,
      seals,
      memory,
    });
  } finally {
    await runtime?.dispose();
    await baseline?.dispose();
    await postgres.stop();
  }
}

/** Prints the report and keeps it (and the figures as JSON) in tmp/bench/<time>.md. */
function writeReport(started: Date, report: string, figures: unknown): void {
  const dir = join(ROOT, 'tmp/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.md`);
  writeFileSync(file, `${report}\n`);
  writeFileSync(file.replace(/\.md$/, '.json'), JSON.stringify(figures, null, 2));
  process.stdout.write(`\n${report}\n\n(also in ${file.slice(ROOT.length + 1)})\n`);
}

async function pgVersion(adminUrl: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return `PostgreSQL ${rows[0].server_version.split(' ')[0]}`;
  } finally {
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
