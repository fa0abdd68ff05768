import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { databaseConfig, DatabaseConfig } from '@hub/database';
import { labelValue, Metrics } from '@hub/observability';
import { jobsConfig, JobsConfig } from './jobs.config';
import { JOBS_SCHEMA } from './queue-sql';

/** How a job is retried when its handler fails, and how long one attempt may run. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retryLimit: number;
  /** Seconds before the first retry; each later one waits about twice as long (with jitter). */
  retryDelaySeconds: number;
  /** An attempt still running after this long (its worker died) is retried by maintenance. */
  timeoutSeconds: number;
}

/** A job to enqueue: what its handler gets, and how it is retried. */
export interface NewJob<T extends object> {
  data: T;
  retry: RetryPolicy;
}

/** The statement runner of an open transaction (a pg client inside BEGIN … COMMIT). */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * The background job queue: pg-boss in PostgreSQL, nothing else to run. Jobs run at least once;
 * a handler must be idempotent. The schema is the owner's (migrations): pg-boss is started with
 * `migrate: false` and only checks that its schema is the version it expects.
 */
@Injectable()
export class JobQueue implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private running = false;
  /** This process's pg-boss workers, by queue (for `wake`). */
  private readonly workers = new Map<string, string[]>();
  private readonly counts?: Record<'processed' | 'failed' | 'retried', ReturnType<Metrics['counter']>>;

  constructor(
    @Inject(databaseConfig.token) database: DatabaseConfig,
    @Inject(jobsConfig.token) private readonly config: JobsConfig,
    @Optional() metrics?: Metrics,
  ) {
    // Labelled by queue name only (a fixed set), never by a job's id or data.
    const counter = (name: `hub_${string}`, help: string) =>
      metrics?.counter({ name, help, labelNames: ['queue'] as const });
    const processed = counter('hub_jobs_processed_total', 'Job attempts that completed, by queue');
    const failed = counter(
      'hub_jobs_failed_total',
      'Job attempts whose handler failed (retried with back-off), by queue',
    );
    const retried = counter(
      'hub_jobs_retried_total',
      'Job attempts that were retries of a failed or expired one, by queue',
    );
    if (processed && failed && retried) this.counts = { processed, failed, retried };
    this.boss = new PgBoss({
      connectionString: database.DATABASE_URL,
      ssl: database.DATABASE_SSL ? { rejectUnauthorized: true } : undefined,
      max: config.JOBS_POOL_SIZE,
      application_name: 'hub-jobs',
      schema: JOBS_SCHEMA,
      migrate: false,
      maintenanceIntervalSeconds: config.JOBS_MAINTENANCE_INTERVAL_SECONDS,
    });
    // pg-boss reports background failures (a lost connection, a failed maintenance run) as
    // events; unheard, an 'error' event would end the process.
    this.boss.on('error', (error: Error & { code?: string }) =>
      this.logger.error(`job queue error: ${describe(error)}`),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.running = true;
  }

  /**
   * Lets running jobs finish (before the app's database pool and mail transport close), hands
   * those that outlast the grace period back for retry, then closes the queue's pool.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: this.config.JOBS_SHUTDOWN_TIMEOUT_MS });
  }

  /** True while the queue is started and its database answers (readiness). */
  async ready(): Promise<boolean> {
    if (!this.running) return false;
    return this.boss
      .getQueues()
      .then(() => true)
      .catch(() => false);
  }

  /**
   * Enqueues jobs in the caller's transaction: they exist exactly when that transaction commits
   * (with whatever else it wrote, e.g. "this outbox row was handed over").
   */
  async enqueueIn<T extends object>(tx: SqlRunner, queue: string, jobs: readonly NewJob<T>[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.boss.insert(
      jobs.map(({ data, retry }) => ({
        name: queue,
        data,
        retryLimit: retry.retryLimit,
        retryDelay: retry.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: retry.timeoutSeconds,
      })),
      { db: { executeSql: (text, values) => tx.query(text, values) } },
    );
  }

  /**
   * Sends one job to `queue` at the times of `cron` (five fields, UTC), however many processes ask:
   * the schedule is a row (replaced, not added, on every start) and pg-boss fires it once.
   */
  async schedule(queue: string, cron: string): Promise<void> {
    await this.boss.schedule(queue, cron, {}, { tz: 'UTC' });
  }

  /**
   * Has this process's workers of `queue` fetch at once instead of at their next poll: for jobs it
   * just enqueued (and committed). Workers of other processes find them at their next poll.
   */
  wake(queue: string): void {
    for (const id of this.workers.get(queue) ?? []) this.boss.notifyWorker(id);
  }

  /**
   * Runs `handle` for the queue's jobs, up to `concurrency` at a time in this process. A job whose
   * handler throws is retried with back-off (its policy); the others of its batch complete. What
   * is kept of a failure is its error's name and code, never its message (it could quote data).
   *
   * pg-boss waits out its polling interval after every fetch, even one that came back full: a
   * worker would then run at most `concurrency` jobs per interval (8 e-mails a second, whatever
   * the backlog). After a full batch it is told to fetch again at once; it waits only when the
   * queue had fewer jobs than it asked for.
   */
  async work<T extends object>(
    queue: string,
    concurrency: number,
    handle: (data: T) => Promise<void>,
  ): Promise<void> {
    const label = { queue: labelValue(queue) };
    // Known once work() answers; the handler runs after its first fetch, which comes later.
    const worker: { id?: string } = {};
    worker.id = await this.boss.work<T>(
      queue,
      {
        batchSize: concurrency,
        pollingIntervalSeconds: this.config.JOBS_POLLING_INTERVAL_MS / 1000,
        includeMetadata: true,
      },
      async (jobs) => {
        const retries = jobs.filter((job) => job.retryCount > 0).length;
        if (retries > 0) this.counts?.retried.inc(label, retries);
        const outcomes = await Promise.allSettled(jobs.map((job) => handle(job.data)));
        for (const [index, outcome] of outcomes.entries()) {
          if (outcome.status === 'fulfilled') {
            this.counts?.processed.inc(label);
            continue;
          }
          this.counts?.failed.inc(label);
          const error = outcome.reason as Error & { code?: string };
          this.logger.warn(`a job of ${queue} failed (${describe(error)}); it is retried`);
          await this.boss.fail(queue, jobs[index].id, {
            type: error?.name ?? 'Error',
            code: error?.code ?? null,
          });
        }
        if (jobs.length >= concurrency && worker.id) this.boss.notifyWorker(worker.id);
      },
    );
    this.workers.set(queue, [...(this.workers.get(queue) ?? []), worker.id]);
  }
}

/** An error as a log line may name it: its type and code, never its message (it could quote data). */
function describe(error: (Error & { code?: string }) | undefined): string {
  return [error?.name ?? 'Error', error?.code].filter(Boolean).join(' ');
}
