import { randomBytes } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { testAdminUrl } from '@hub/testing';
import { Dataset, dropDataset, ensureDataset } from './dataset';
import { runBenchmark, SizeResult } from './harness';
import { benchMemory } from './memory';
import { deliveryReport, markdownReport } from './report';
import { benchSeal } from './seal';
import { startSmtpSink } from './smtp-sink';
import { sourceRuntime } from './targets';
import { WORKLOADS } from './workloads';

/**
 * Keeps the benchmark harness working (not a benchmark: nothing here is about speed). A tiny
 * dataset, one short round of every workload against the hub (from its sources, in production
 * mode) and the floor, the sealer at two small trails, the memory workload for a few requests.
 */
describe('the benchmark harness (tools/bench), at a tiny size', () => {
  jest.setTimeout(300_000);
  const adminUrl = testAdminUrl();
  const namespace = `hub_bench_smoke_${randomBytes(3).toString('hex')}`;
  let dataset: Dataset | undefined;
  let sizes: SizeResult[];

  beforeAll(async () => {
    dataset = await ensureDataset(adminUrl, 'tiny', { fresh: true, namespace });
    sizes = await runBenchmark({
      adminUrl,
      sizes: ['tiny'],
      runtime: sourceRuntime(),
      connections: 2,
      seconds: 0.5,
      warmupSeconds: 0,
      rounds: 1,
      countRequests: 2,
      pin: false,
      fresh: false,
      namespace,
      measureCounted: true,
      log: () => undefined,
    });
  });

  afterAll(async () => {
    if (dataset) await dropDataset(adminUrl, dataset);
  });

  it('answers every workload, on the hub and on the floor, with no failed request', () => {
    const [tiny] = sizes;
    expect(tiny.workloads.map((w) => w.workload.id)).toEqual(WORKLOADS.map((w) => w.id));
    for (const result of tiny.workloads) {
      const hasFloor = WORKLOADS.find((w) => w.id === result.workload.id)?.floor !== undefined;
      expect({
        id: result.workload.id,
        failures: result.hub.failures,
        floor: result.floor?.failures,
      }).toEqual({
        id: result.workload.id,
        failures: 0,
        floor: hasFloor ? 0 : undefined,
      });
      expect(result.hub.responses).toBeGreaterThan(0);
      expect(result.hub.statementsPerRequest).toBeGreaterThan(0);
      if (hasFloor) expect(result.floor?.responses).toBeGreaterThan(0);
    }
  });

  it('the floor answers W1–W3 with one statement, and exactly what the hub answers', () => {
    const compared = sizes[0].workloads.filter((w) => w.floor);
    expect(compared.map((w) => [w.workload.id, w.floor?.statementsPerRequest, w.sameAnswer])).toEqual([
      ['W1', 1, true],
      ['W1b', 1, true],
      ['W2', 1, true],
      ['W3', 1, true],
    ]);
  });

  it('times the sealer on trails it built as a valid hash chain', async () => {
    const { results, verification } = await benchSeal(adminUrl, dataset as Dataset, [2_000, 8_000], {
      verify: true,
      log: () => undefined,
    });
    expect(results.map((r) => r.trailEvents)).toEqual([2_000, 8_000]);
    for (const result of results) {
      expect(result.sealMs).toBeGreaterThan(0);
      expect(result.statements).toBeGreaterThan(0);
    }
    expect({ ok: verification?.ok, problem: verification?.firstProblem }).toEqual({
      ok: true,
      problem: null,
    });
    expect(verification?.eventsChecked).toBe(8_000 + 3 * 1_000);
  });

  it('reads the memory of the hub after a collection, through the probe, under both createReferral workloads', async () => {
    const results = await benchMemory({
      adminUrl,
      dataset: dataset as Dataset,
      runtime: sourceRuntime(),
      checkpoints: [20],
      connections: 2,
      pin: false,
      warmupRequests: 5,
      log: () => undefined,
    });
    expect(results.map((r) => [r.workload.id, r.failures, r.checkpoints.map((c) => c.requests)])).toEqual([
      ['W4', 0, [0, 20]],
      ['W4d', 0, [0, 20]],
    ]);
    for (const { rssMb, heapMb } of results.flatMap((r) => r.checkpoints)) {
      expect(heapMb).toBeGreaterThan(1);
      expect(rssMb).toBeGreaterThan(heapMb);
    }
    expect(markdownReport([], [], [], results)).toContain('| W4d ');
  });

  it('prints the figures as a markdown table, a row per workload', () => {
    const report = markdownReport(sizes, [], ['context']);
    for (const workload of WORKLOADS) expect(report).toContain(`| ${workload.id} `);
  });

  // The delivery workload (--delivery) starts the API and a worker of its own, too slow for this
  // test; its two pieces of its own are checked here.
  it("the delivery workload's SMTP server records when it accepted each outbox row's message", async () => {
    const sink = await startSmtpSink();
    const transport = createTransport({ url: sink.url, ignoreTLS: true });
    try {
      const before = Date.now();
      for (const messageId of ['<n42.abc@hub.test>', '<n43.def@hub.test>', '<d2030-01-01.abc@hub.test>'])
        await transport.sendMail({
          from: 'hub@hub.test',
          to: 'intake@x.test',
          subject: 's',
          text: 't',
          messageId,
        });
      expect(sink.accepted()).toBe(3);
      expect([...sink.acceptedAt.keys()]).toEqual(['42', '43']);
      for (const at of sink.acceptedAt.values()) expect(at).toBeGreaterThanOrEqual(before);
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('prints the delivery figures as markdown', () => {
    const reading = { jobs: 10_000, rssMb: 180, heapAfterGcMb: 69, seconds: 100, cpuMs: 20_000 };
    const report = deliveryReport(
      {
        latency: [
          {
            source: 'api',
            targetRate: 100,
            achievedRate: 99.5,
            referrals: 6_000,
            delivered: 6_000,
            p50: 80,
            p90: 150,
            p99: 400,
            max: 900,
            failures: 0,
            firstFailure: null,
          },
        ],
        memory: [reading, { ...reading, jobs: 100_000, heapAfterGcMb: 72 }],
        memoryPhaseRate: 100,
        memoryPhaseCpuPerJob: 2,
        memoryNotReached: [],
      },
      ['context'],
    );
    expect(report).toContain('| api | 100 / 99.5 | 6,000 | 6,000 | 80 | 150 | 400 | 900 | 0 |');
    expect(report).toContain('| 100,000 | 180 | 72.0 | 4.3 % | 100 |');
  });
});
