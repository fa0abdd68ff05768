import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Client } from 'pg';
import { databaseConfig, DatabaseConfig, Transactions, Tx } from '@hub/database';
import { JobQueue, RetryPolicy, SqlRunner } from '@hub/jobs';
import { deliveryConfig, DeliveryConfig } from './delivery.config';
import { DELIVERY_QUEUE, DeliveryJob } from './delivery-queue';
import { DeliveryRepository } from './delivery.repository';

/** The channel the outbox trigger notifies (no payload) after each insert. */
const OUTBOX_CHANNEL = 'hub_outbox';
/** Before a lost LISTEN connection is opened again (polling goes on meanwhile). */
const RECONNECT_MS = 5_000;

/**
 * Hands outbox rows to the job queue: one job per row, enqueued in the same transaction that
 * marks the row handed over, so a worker killed at any moment leaves each row either not handed
 * over (taken again) or handed over with its job (delivered by the queue). It wakes on the
 * outbox's NOTIFY, and polls as well, since a NOTIFY is lost while no connection listens. Any
 * number of workers run it side by side: rows are taken with SKIP LOCKED.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly retry: RetryPolicy;
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private running = false;
  private pass: Promise<void> | undefined;
  private wanted = false;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly transactions: Transactions,
    private readonly jobs: JobQueue,
    @Inject(deliveryConfig.token) private readonly config: DeliveryConfig,
    @Inject(databaseConfig.token) private readonly database: DatabaseConfig,
  ) {
    this.retry = {
      retryLimit: config.DELIVERY_RETRY_LIMIT,
      retryDelaySeconds: config.DELIVERY_RETRY_DELAY_SECONDS,
      timeoutSeconds: config.DELIVERY_TIMEOUT_SECONDS,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.listen();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    clearTimeout(this.reconnect);
    await this.pass;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Runs a pass now, or right after the one running. */
  wake(): void {
    if (!this.running) return;
    if (this.pass) {
      this.wanted = true;
      return;
    }
    clearTimeout(this.timer);
    this.pass = this.relayAll()
      .catch((error: Error & { code?: string }) =>
        this.logger.warn(
          `outbox relay failed (${error.name}${error.code ? ` ${error.code}` : ''}); retrying`,
        ),
      )
      .finally(() => {
        this.pass = undefined;
        if (!this.running) return;
        if (this.wanted) {
          this.wanted = false;
          this.wake();
        } else {
          this.timer = setTimeout(() => this.wake(), this.config.OUTBOX_POLL_INTERVAL_MS);
        }
      });
  }

  /**
   * Batches until the outbox has nothing left to hand over. Once a batch's jobs are committed, this
   * process's delivery workers fetch them at once rather than at their next poll.
   */
  private async relayAll(): Promise<void> {
    while (this.running) {
      const handed = await this.handOver();
      if (handed > 0) this.jobs.wake(DELIVERY_QUEUE);
      // A full batch: there may be more.
      if (handed < this.config.OUTBOX_BATCH_SIZE) break;
    }
  }

  private handOver(): Promise<number> {
    return this.transactions.run(async (tx) => {
      const ids = await this.deliveries.takeForQueue(
        tx,
        this.config.OUTBOX_BATCH_SIZE,
        this.config.OUTBOX_REQUEUE_AFTER_SECONDS,
      );
      await this.jobs.enqueueIn<DeliveryJob>(
        runnerOf(tx),
        DELIVERY_QUEUE,
        ids.map((outboxId) => ({ data: { outboxId }, retry: this.retry })),
      );
      return ids.length;
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.database.DATABASE_URL,
      ssl: this.database.DATABASE_SSL ? { rejectUnauthorized: true } : undefined,
      application_name: 'hub-outbox-listener',
    });
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.running) return;
      this.logger.warn('outbox LISTEN connection lost; polling until it is back');
      this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    client.on('notification', () => this.wake());
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
      // Rows written while nobody listened.
      this.wake();
    } catch (error) {
      await client.end().catch(() => undefined);
      if (!this.running) return;
      this.logger.warn(`cannot LISTEN to the outbox (${(error as Error).name}); polling meanwhile`);
      this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
    }
  }
}

/** pg-boss runs its INSERT on this: the relay's transaction (TypeORM answers an INSERT … RETURNING with its rows). */
function runnerOf(tx: Tx): SqlRunner {
  return { query: async (text, values) => ({ rows: (await tx.query(text, values)) as unknown[] }) };
}
