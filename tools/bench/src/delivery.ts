import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, dropDatabase, Transactions } from '@hub/database';
import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { notificationPublisherOn } from '@hub/notifications';
import { startTestIdp } from '@hub/testing';
import { copyDataset, Dataset } from './dataset';
import { cpuMs, heapAfterGcMb, rssMb } from './process-stats';
import { startSmtpSink } from './smtp-sink';
import { HubRuntime, startHub, startWorker, Target } from './targets';

/** Who writes the notifications of the latency phase. */
export type DeliverySource = 'api' | 'publisher';

export interface DeliveryOptions {
  adminUrl: string;
  dataset: Dataset;
  runtime: HubRuntime;
  /** Referrals per second the latency phase starts (open loop: on schedule, whatever the answers). */
  rate: number;
  /** Length of each latency phase (one per source, in turn). */
  seconds: number;
  /**
   * `api`: each referral is createReferral + sendReferral over HTTP as ngo.caseworker, to Safe
   * Passage (one REFERRAL_SENT notification, one e-mail to its intake address). `publisher`:
   * this process writes the same notification through the real NotificationPublisher, one
   * transaction per referral, as the API's domain does (the worker alone is measured).
   */
  sources: DeliverySource[];
  /** Delivery jobs after which the worker's memory is read, ascending (e.g. 10,000 and 100,000). */
  jobs: number[];
  /** The memory phase stops at this many minutes, measuring at the largest count reached. */
  maxMinutes: number;
  /** Worker settings beside production's defaults (e.g. DELIVERY_CONCURRENCY), to try one. */
  workerEnv?: Record<string, string>;
  log(line: string): void;
}

export interface LatencyResult {
  source: DeliverySource;
  targetRate: number;
  /** Referrals whose send committed ÷ the phase's seconds. */
  achievedRate: number;
  referrals: number;
  /** Their e-mails the SMTP server accepted (one per referral when nothing is lost). */
  delivered: number;
  /** From the outbox row's created_at (the sending transaction's timestamp) to the SMTP server's 250, ms. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Requests (api) or transactions (publisher) that failed. */
  failures: number;
  firstFailure: string | null;
}

export interface MemoryReading {
  /** Delivery jobs the worker completed (e-mails accepted) when read. */
  jobs: number;
  rssMb: number;
  heapAfterGcMb: number;
  /** Since the worker was ready. */
  seconds: number;
  /** CPU the worker process used since it was ready (user + system, all threads), ms. */
  cpuMs: number;
}

export interface DeliveryResult {
  latency: LatencyResult[];
  memory: MemoryReading[];
  /** E-mails per second over the memory phase (the worker as fast as it goes). */
  memoryPhaseRate: number;
  /** The worker's CPU per delivery job over the memory phase, ms. */
  memoryPhaseCpuPerJob: number;
  /** The checkpoints asked for that the time limit left out. */
  memoryNotReached: number[];
}

const SENDER = 'ngo.caseworker';
const RECIPIENT = DEMO_AGENCY_IDS.safePassage;
/** Notifications written ahead of the worker in the memory phase: enough to keep it busy, no more. */
const MEMORY_BACKLOG = 1_000;
/** How long the e-mails of the latency phase may take after its last referral. */
const DRAIN_SECONDS = 180;

const CREATE = `mutation Create($input: CreateReferralInput!) { createReferral(input: $input) { referral { id version } } }`;
const SEND = `mutation Send($input: ReferralTransitionInput!) { sendReferral(input: $input) { referral { status } } }`;

/**
 * The delivery workload (issue 13's figures): the API, one worker and an SMTP server that
 * records when it accepted each message. First the latency of a notification from the sending
 * transaction to the SMTP server's acceptance under `rate` referrals a second; then the worker's
 * memory (RSS and the heap after a full collection) as delivery jobs add up.
 */
export async function runDelivery(options: DeliveryOptions): Promise<DeliveryResult> {
  const { log } = options;
  const db = await copyDataset(options.adminUrl, options.dataset, 'delivery');
  const idp = await startTestIdp({ accessTokenLifetimeSeconds: 12 * 3600 });
  const sink = await startSmtpSink();
  const started: Target[] = [];
  const owner = await new DataSource(
    dataSourceOptions({ url: db.ownerUrl, poolSize: 2, applicationName: 'hub-bench' }),
  ).initialize();
  const api = await new DataSource(
    dataSourceOptions({ url: db.apiUrl, poolSize: 8, applicationName: 'hub-bench' }),
  ).initialize();
  try {
    // The dataset has no notifications; anything pending would be e-mailed and counted.
    const [{ pending }] = await owner.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM outbox WHERE processed_at IS NULL`,
    );
    if (pending > 0) throw new Error(`the dataset has ${pending} undelivered outbox rows`);
    const [hub, worker] = await Promise.all([
      startHub(options.runtime, { databaseUrl: db.apiUrl, issuer: idp.issuer, idpUrl: idp.url }),
      startWorker(options.runtime, { databaseUrl: db.apiUrl, smtpUrl: sink.url, env: options.workerEnv }),
    ]).then((targets) => (started.push(...targets), targets));
    const workerReady = Date.now();
    const workerCpuAtReady = cpuMs(worker.pid) ?? 0;
    log('delivery: hub, worker and SMTP sink are up');

    const token = await idp.tokenFor(SENDER);
    const transactions = new Transactions(api);
    const publisher = notificationPublisherOn(api);
    const runId = randomBytes(4).toString('hex');
    let subjects: string[] = [];

    /** One referral from Harbor Light to Safe Passage, sent: answers its id. */
    const viaApi = async (n: number): Promise<string> => {
      const created = await gql<{ createReferral: { referral: { id: string; version: number } } }>(
        hub,
        token,
        CREATE,
        {
          input: {
            idempotencyKey: `delivery-${runId}-${n}`,
            toAgencyId: RECIPIENT,
            needs: ['LEGAL'],
            urgency: 'URGENT',
            ageBand: 'AGE_25_34',
            language: 'es',
            callback: 'Call the intake line and ask for the benchmark desk.',
          },
        },
      );
      const { id, version } = created.createReferral.referral;
      await gql(hub, token, SEND, { input: { referralId: id, expectedVersion: version } });
      return id;
    };
    /** The notification a sent referral writes, written as its domain writes it. */
    const viaPublisher = async (n: number): Promise<string> => {
      const subjectId = subjects[n % subjects.length];
      await transactions.run((tx) =>
        publisher.publish(tx, {
          agencyIds: [RECIPIENT],
          eventType: 'REFERRAL_SENT',
          subjectType: 'Referral',
          subjectId,
          message: 'A referral was sent to your agency.',
        }),
      );
      return subjectId;
    };

    // Warm-up: a few referrals through the API (these also give the publisher real subjects).
    subjects = await Promise.all(Array.from({ length: 20 }, (_, n) => viaApi(n)));
    await waitUntil(() => sink.accepted() >= subjects.length, 60_000, 'the warm-up e-mails');

    // --- latency, per source ---------------------------------------------------------------
    const latency: LatencyResult[] = [];
    for (const [index, source] of options.sources.entries()) {
      log(`delivery: ${source} at ${options.rate} referrals/s for ${options.seconds} s`);
      const send = source === 'api' ? viaApi : viaPublisher;
      const phaseStart = new Date();
      const before = sink.accepted();
      const outcome = await openLoop(options.rate, options.seconds, (n) => send((index + 1) * 1_000_000 + n));
      const expected = before + outcome.done;
      await waitUntil(
        () => sink.accepted() >= expected,
        DRAIN_SECONDS * 1000,
        'the e-mails of the latency phase',
      );
      const latencies = (
        await owner.query<{ id: string; created: number }[]>(
          `SELECT o.id::text AS id, extract(epoch FROM o.created_at) * 1000 AS created
             FROM outbox o WHERE o.created_at >= $1`,
          [phaseStart],
        )
      )
        .map((row) => {
          const accepted = sink.acceptedAt.get(row.id);
          return accepted === undefined ? NaN : accepted - Number(row.created);
        })
        .sort((a, b) => a - b);
      const delivered = latencies.filter((ms) => Number.isFinite(ms));
      const result: LatencyResult = {
        source,
        targetRate: options.rate,
        achievedRate: outcome.done / outcome.seconds,
        referrals: outcome.done,
        delivered: delivered.length,
        p50: percentile(delivered, 0.5),
        p90: percentile(delivered, 0.9),
        p99: percentile(delivered, 0.99),
        max: delivered[delivered.length - 1] ?? NaN,
        failures: outcome.failures,
        firstFailure: outcome.firstFailure,
      };
      latency.push(result);
      log(
        `delivery: ${result.referrals} referrals (${result.achievedRate.toFixed(1)}/s), ${result.delivered} e-mails, ` +
          `p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms`,
      );
    }

    // --- memory ---------------------------------------------------------------------------
    const read = async (): Promise<MemoryReading> => {
      const jobs = sink.accepted();
      const heap = await heapAfterGcMb(worker.inspector as string);
      return {
        jobs,
        heapAfterGcMb: heap,
        rssMb: rssMb(worker.pid),
        seconds: (Date.now() - workerReady) / 1000,
        cpuMs: (cpuMs(worker.pid) ?? 0) - workerCpuAtReady,
      };
    };
    const memory: MemoryReading[] = [await read()];
    log(`delivery: worker at ${memory[0].jobs} jobs: RSS ${memory[0].rssMb.toFixed(0)} MB`);
    const deadline = Date.now() + options.maxMinutes * 60_000;
    let written = sink.accepted();
    const checkpoints = options.jobs.filter((count) => count > memory[0].jobs);
    const notReached: number[] = [];
    for (const checkpoint of checkpoints) {
      while (sink.accepted() < checkpoint && Date.now() < deadline) {
        // Keep MEMORY_BACKLOG notifications ahead of the worker, and write no more than the checkpoint's.
        const room = Math.min(checkpoint - written, MEMORY_BACKLOG - (written - sink.accepted()));
        if (room <= 0) {
          await sleep(50);
          continue;
        }
        const batch = Math.min(room, 100);
        await transactions.run(async (tx) => {
          for (let i = 0; i < batch; i++) {
            await publisher.publish(tx, {
              agencyIds: [RECIPIENT],
              eventType: 'REFERRAL_SENT',
              subjectType: 'Referral',
              subjectId: subjects[(written + i) % subjects.length],
              message: 'A referral was sent to your agency.',
            });
          }
        });
        written += batch;
      }
      if (sink.accepted() < checkpoint) {
        notReached.push(checkpoint);
        continue;
      }
      const reading = await read();
      memory.push(reading);
      log(
        `delivery: worker at ${reading.jobs} jobs: RSS ${reading.rssMb.toFixed(0)} MB, heap after GC ${reading.heapAfterGcMb.toFixed(1)} MB`,
      );
    }
    if (notReached.length) {
      // The largest count the time allowed.
      const reading = await read();
      if (reading.jobs > (memory[memory.length - 1]?.jobs ?? 0)) memory.push(reading);
      log(`delivery: ${options.maxMinutes} min reached at ${reading.jobs} jobs`);
    }
    const last = memory[memory.length - 1];
    return {
      latency,
      memory,
      memoryPhaseRate: (last.jobs - memory[0].jobs) / (last.seconds - memory[0].seconds),
      memoryPhaseCpuPerJob: (last.cpuMs - memory[0].cpuMs) / (last.jobs - memory[0].jobs),
      memoryNotReached: notReached,
    };
  } finally {
    await Promise.all(started.map((target) => target.stop()));
    await Promise.all([api.destroy(), owner.destroy(), sink.close(), idp.close()]);
    await dropDatabase(options.adminUrl, db.database);
    log(`delivery: stopped, dropped ${db.database}`);
  }
}

/**
 * Starts `send(n)` on schedule, `rate` a second for `seconds`, whatever the answers (an open
 * loop: a slow server meets more, not fewer, requests), at most 256 at a time (then the next
 * start waits for an answer); none is started after `seconds`. Answers how many completed and over
 * how long (the last answers included).
 */
async function openLoop(
  rate: number,
  seconds: number,
  send: (n: number) => Promise<unknown>,
): Promise<{ done: number; seconds: number; failures: number; firstFailure: string | null }> {
  const start = Date.now();
  const total = Math.round(rate * seconds);
  let launched = 0;
  let done = 0;
  let failures = 0;
  let firstFailure: string | null = null;
  const running = new Set<Promise<void>>();
  while (launched < total && Date.now() - start < seconds * 1000) {
    const due = Math.min(total, Math.floor(((Date.now() - start) / 1000) * rate) + 1);
    while (launched < due && running.size < 256) {
      const call: Promise<void> = send(launched++).then(
        () => void (done += 1),
        (error: Error) => {
          failures += 1;
          firstFailure ??= error.message.slice(0, 300);
        },
      );
      running.add(call);
      void call.finally(() => running.delete(call));
    }
    await sleep(5);
  }
  await Promise.all(running);
  return { done, seconds: (Date.now() - start) / 1000, failures, firstFailure };
}

async function gql<T = unknown>(
  hub: Target,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (response.status !== 200 || !body.data || body.errors)
    throw new Error(`${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

async function waitUntil(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The value at quantile `q` of ascending `values` (nearest rank). */
function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  return values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)];
}
