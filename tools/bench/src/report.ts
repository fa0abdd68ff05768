import type { SizeResult, TargetStats, WorkloadResult } from './harness';
import type { DeliveryResult } from './delivery';
import type { MemoryResult } from './memory';
import type { SealResult } from './seal';
import { median, type WebFile, type WebResult } from './web';

const fixed = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? '–' : fixed(a / b, 2);
const pair = (hub: number, floor: number | undefined, digits: number) =>
  floor === undefined ? fixed(hub, digits) : `${fixed(hub, digits)} / ${fixed(floor, digits)}`;

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: string[], rows: string[][]): string {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

/** The run's figures as markdown: one table per size, large/small ratios, the sealer. */
export function markdownReport(
  sizes: SizeResult[],
  seals: SealResult[],
  context: string[],
  memory: MemoryResult[] = [],
): string {
  const parts: string[] = [...context.map((line) => `- ${line}`), ''];
  for (const size of sizes) {
    parts.push(`### ${size.size}: ${size.referrals.toLocaleString('en')} referrals`, '');
    parts.push(
      table(
        [
          'workload',
          'floor req/s',
          'hub req/s',
          'hub/floor',
          'hub p50 / p99 ms',
          'floor p50 / p99 ms',
          'statements/req hub / floor',
          'API CPU ms/1k hub / floor',
          'PG CPU ms/1k hub / floor',
          'RSS MB hub / floor',
        ],
        size.workloads.map((w) => [
          `${w.workload.id} ${w.workload.title}`,
          w.floor ? fixed(w.floor.reqPerSecond) : '–',
          fixed(w.hub.reqPerSecond),
          ratio(w.hub.reqPerSecond, w.floor?.reqPerSecond),
          `${fixed(w.hub.p50, 1)} / ${fixed(w.hub.p99, 1)}`,
          w.floor ? `${fixed(w.floor.p50, 1)} / ${fixed(w.floor.p99, 1)}` : '–',
          pair(w.hub.statementsPerRequest, w.floor?.statementsPerRequest, 1),
          pair(w.hub.apiCpuPer1k, w.floor?.apiCpuPer1k, 0),
          pair(w.hub.pgCpuPer1k, w.floor?.pgCpuPer1k, 0),
          pair(w.hub.rssMb, w.floor?.rssMb, 0),
        ]),
      ),
      '',
    );
    const compared = size.workloads.filter((w) => w.baseline);
    if (compared.length) {
      const was = (w: WorkloadResult) => w.baseline as TargetStats;
      const change = (before: string, after: string) => `${before} → ${after}`;
      const perRequest = (per1k: number) => fixed(per1k / 1000, 2);
      parts.push(
        `#### ${size.size}: this checkout against the baseline ${size.baselineCommit?.slice(0, 10) ?? ''} (same rounds)`,
        '',
        table(
          [
            'workload',
            'hub req/s',
            'hub/floor',
            'API CPU ms/req',
            'PG CPU ms/req',
            'statements/req',
            'p50 / p99 ms',
            'API CPU ÷ baseline',
          ],
          compared.map((w) => [
            w.workload.id,
            change(fixed(was(w).reqPerSecond), fixed(w.hub.reqPerSecond)),
            change(
              ratio(was(w).reqPerSecond, w.floor?.reqPerSecond),
              ratio(w.hub.reqPerSecond, w.floor?.reqPerSecond),
            ),
            change(perRequest(was(w).apiCpuPer1k), perRequest(w.hub.apiCpuPer1k)),
            change(perRequest(was(w).pgCpuPer1k), perRequest(w.hub.pgCpuPer1k)),
            change(fixed(was(w).statementsPerRequest, 1), fixed(w.hub.statementsPerRequest, 1)),
            change(
              `${fixed(was(w).p50, 1)} / ${fixed(was(w).p99, 1)}`,
              `${fixed(w.hub.p50, 1)} / ${fixed(w.hub.p99, 1)}`,
            ),
            ratio(w.hub.apiCpuPer1k, was(w).apiCpuPer1k),
          ]),
        ),
        '',
      );
    }
    const problems = size.workloads.flatMap((w) => problemsOf(w));
    if (problems.length) parts.push(...problems.map((p) => `- **${size.size} ${p}**`), '');
  }
  const small = sizes.find((s) => s.size === 'small');
  const large = sizes.find((s) => s.size === 'large');
  if (small && large) {
    parts.push('### large / small', '');
    const at = (s: SizeResult, id: string) => s.workloads.find((w) => w.workload.id === id);
    parts.push(
      table(
        [
          'workload',
          'hub req/s',
          'floor req/s',
          'hub PG CPU/req',
          'floor PG CPU/req',
          'hub API CPU/req',
          'hub p99',
        ],
        large.workloads.map((w) => {
          const s = at(small, w.workload.id);
          return [
            w.workload.id,
            ratio(w.hub.reqPerSecond, s?.hub.reqPerSecond),
            ratio(w.floor?.reqPerSecond, s?.floor?.reqPerSecond),
            ratio(w.hub.pgCpuPer1k, s?.hub.pgCpuPer1k),
            ratio(w.floor?.pgCpuPer1k, s?.floor?.pgCpuPer1k),
            ratio(w.hub.apiCpuPer1k, s?.hub.apiCpuPer1k),
            ratio(w.hub.p99, s?.hub.p99),
          ];
        }),
      ),
      '',
    );
  }
  if (seals.length) {
    parts.push('### audit sealer', '');
    parts.push(
      table(
        [
          'audit events in the trail',
          'events sealed per seal',
          'ms per seal (median of 3)',
          '÷ smallest trail',
          'statements per seal',
        ],
        seals.map((s) => [
          s.trailEvents.toLocaleString('en'),
          s.newEvents.toLocaleString('en'),
          fixed(s.sealMs, 1),
          ratio(s.sealMs, seals[0].sealMs),
          fixed(s.statements, 0),
        ]),
      ),
      '',
    );
  }
  if (memory.length) {
    parts.push('### memory', '');
    parts.push(
      table(
        [
          'workload',
          'requests',
          'RSS MB',
          'heap after GC MB',
          'V8 heap reserved MB',
          'RSS ÷ at the first count',
          'heap ÷ at the first count',
          'req/s',
        ],
        memory.flatMap((m) => {
          // The reading after the warm-up is the baseline of the growth, not a row of its own.
          const counted = m.checkpoints.slice(1);
          return counted.map((c, i) => [
            i === 0 ? `${m.workload.id} ${m.workload.title}` : '',
            c.requests.toLocaleString('en'),
            fixed(c.rssMb, 0),
            fixed(c.heapMb, 1),
            fixed(c.heapTotalMb, 0),
            ratio(c.rssMb, counted[0].rssMb),
            ratio(c.heapMb, counted[0].heapMb),
            i === 0 ? fixed(m.reqPerSecond) : '',
          ]);
        }),
      ),
      '',
    );
    const failed = memory.filter((m) => m.failures > 0);
    if (failed.length)
      parts.push(
        ...failed.map((m) => `- **${m.workload.id}: ${m.failures} failures, first: ${m.firstFailure}**`),
        '',
      );
  }
  return parts.join('\n');
}

function problemsOf(w: WorkloadResult): string[] {
  const problems: string[] = [];
  const check = (name: string, stats: TargetStats | undefined) => {
    if (stats?.failures)
      problems.push(
        `${w.workload.id} ${name}: ${stats.failures} failed requests (first: ${stats.firstFailure})`,
      );
  };
  check('hub', w.hub);
  check('floor', w.floor);
  check('baseline', w.baseline);
  if (w.sameAnswer === false) problems.push(`${w.workload.id}: the floor's answer differs from the hub's`);
  return problems;
}

/** The delivery workload's figures as markdown: latency, then the worker's memory by jobs done. */
export function deliveryReport(result: DeliveryResult, context: string[]): string {
  const { latency, memory } = result;
  const first = memory[0];
  const parts: string[] = [...context.map((line) => `- ${line}`), ''];
  parts.push('### delivery latency: outbox row created → SMTP server accepted', '');
  parts.push(
    table(
      [
        'source',
        'referrals/s asked / done',
        'referrals',
        'e-mails accepted',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        'failed',
      ],
      latency.map((l) => [
        l.source,
        `${fixed(l.targetRate)} / ${fixed(l.achievedRate, 1)}`,
        fixed(l.referrals),
        fixed(l.delivered),
        fixed(l.p50),
        fixed(l.p90),
        fixed(l.p99),
        fixed(l.max),
        fixed(l.failures),
      ]),
    ),
    '',
  );
  for (const l of latency)
    if (l.firstFailure) parts.push(`- **${l.source}: first failure: ${l.firstFailure}**`, '');
  parts.push('### worker memory by delivery jobs done', '');
  parts.push(
    table(
      ['jobs', 'RSS MB', 'heap after GC MB', 'heap vs first', 'seconds since ready'],
      memory.map((m) => [
        fixed(m.jobs),
        fixed(m.rssMb, 0),
        fixed(m.heapAfterGcMb, 1),
        first ? `${fixed(((m.heapAfterGcMb - first.heapAfterGcMb) / first.heapAfterGcMb) * 100, 1)} %` : '–',
        fixed(m.seconds, 0),
      ]),
    ),
    '',
    `- memory phase: ${fixed(result.memoryPhaseRate, 1)} e-mails/s (the worker as fast as it goes), worker CPU ${fixed(result.memoryPhaseCpuPerJob, 2)} ms per job`,
  );
  if (result.memoryNotReached.length)
    parts.push(
      `- **not reached in the time allowed: ${result.memoryNotReached.map((n) => fixed(n)).join(', ')} jobs**`,
    );
  return parts.join('\n');
}

/** The web workload: what the first visit downloads, and the time to the inbox's first row. */
export function webReport(result: WebResult, context: string[]): string {
  const parts: string[] = [...context.map((line) => `- ${line}`), ''];
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const byType = (type: WebFile['type']) => result.files.filter((file) => file.type === type);
  const sum = (files: WebFile[], key: 'sentBytes' | 'bytes') => files.reduce((total, f) => total + f[key], 0);
  parts.push('### first visit to the inbox: what is downloaded (cache empty)', '');
  parts.push(
    table(
      ['what', 'files', 'sent kB (gzip as served)', 'unpacked kB'],
      (['document', 'script', 'stylesheet', 'font', 'image'] as const).map((type) => {
        const files = byType(type);
        return [type, fixed(files.length), kb(sum(files, 'sentBytes')), kb(sum(files, 'bytes'))];
      }),
    ),
    '',
  );
  parts.push('### time to the first row of the inbox (ms after navigation; median, min–max)', '');
  const spread = (values: number[]) =>
    `${fixed(median(values))} (${fixed(Math.min(...values))}–${fixed(Math.max(...values))})`;
  parts.push(
    table(
      ['condition', 'cache empty', 'cached', 'runs'],
      result.timings.map((t) => [t.condition, spread(t.cold), spread(t.warm), fixed(t.cold.length)]),
    ),
  );
  return parts.join('\n');
}
