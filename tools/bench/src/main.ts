import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { findOrStartPostgres, ROOT } from '@hub/tools';
import { ensureDataset, Size, SIZES } from './dataset';
import { runBenchmark } from './harness';
import { markdownReport } from './report';
import { benchMemory } from './memory';
import { benchSeal, SealResult } from './seal';
import { bundleRuntime, sourceRuntime, stopAllTargets } from './targets';

const USAGE = `npm run bench -- [options]   (docs/benchmarks.md)
  --size small|large|small,large   datasets to run (default small); both sizes also print large/small
  --hub bundle|source              the production bundle on the image's Node (default), or the sources
  --connections 16  --seconds 10  --warmup 3  --rounds 2  --count 20
  --workloads W0,W1,W1b,W2,W3,W5,W4   (default all; none: skip the rounds, e.g. to run only the sealer)
  --seal-events 10000,1000000      audit trail sizes for the sealer (0 skips it)
  --memory 10000,100000            memory workload: RSS and heap after GC at these request counts (default off)
  --memory-workloads W4,W4d        with --memory: which of the two (default both)
  --heap-snapshots                 with --memory: a heap snapshot at each reading, in tmp/bench/heap-<time>/
                                   (writing one leaves RSS higher: read RSS from a run without them)
  --pg <url>                       a PostgreSQL superuser URL (default: local 127.0.0.1:5432, else embedded)
  --fresh                          regenerate the datasets
  --no-pin                         do not pin the servers to CPU 0 and the load generator to CPU 1`;

const DEFAULTS = {
  size: 'small',
  hub: 'bundle',
  connections: '16',
  seconds: '10',
  warmup: '3',
  rounds: '2',
  count: '20',
  'seal-events': '10000,1000000',
  memory: '',
};

const SWITCHES = ['fresh', 'no-pin', 'heap-snapshots', 'help'] as const;
type Flags = Record<keyof typeof DEFAULTS, string> &
  Record<(typeof SWITCHES)[number], boolean> & {
    workloads?: string;
    'memory-workloads'?: string;
    pg?: string;
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
  const needsHub = rounds || memoryCheckpoints.length > 0;
  const runtime = !needsHub ? null : values.hub === 'bundle' ? await bundleRuntime(log) : sourceRuntime();
  // Any dataset's schema will do for the sealer and the memory workload: the smallest one run copies fastest.
  const smallest = () => ensureDataset(postgres.adminUrl, sizes.includes('small') ? 'small' : sizes[0]);
  try {
    const results = !(runtime && rounds)
      ? []
      : await runBenchmark({
          adminUrl: postgres.adminUrl,
          sizes,
          runtime,
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
      ...(rounds
        ? [
            `${values.connections} connections; per workload ${values.rounds} interleaved rounds of ${values.seconds} s per server after a ${values.warmup} s warm-up; statements counted over ${values.count} sequential requests`,
          ]
        : []),
    ];
    const report = markdownReport(results, seals, context, memory);
    const dir = join(ROOT, 'tmp/bench');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.md`);
    writeFileSync(file, `${report}\n`);
    writeFileSync(
      file.replace(/\.md$/, '.json'),
      JSON.stringify({ context, results, seals, memory }, null, 2),
    );
    process.stdout.write(`\n${report}\n\n(also in ${file.slice(ROOT.length + 1)})\n`);
  } finally {
    await runtime?.dispose();
    await postgres.stop();
  }
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
