import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { Metrics } from '@hub/observability';
import { OutboxBacklog, OutboxRepository } from './outbox.repository';

/**
 * Outbox lag, read at each scrape: how many rows wait for the worker and how old the oldest is.
 * A growing age means delivery stalled (no worker, or a worker that keeps failing).
 */
@Injectable()
export class OutboxMetrics implements OnModuleInit {
  private readonly logger = new Logger(OutboxMetrics.name);
  /** Both gauges of one scrape share one read. */
  private reading: Promise<OutboxBacklog | null> | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  onModuleInit(): void {
    if (!this.metrics) return;
    const backlog = () => this.backlog();
    this.metrics.gauge({
      name: 'hub_outbox_pending',
      help: 'Outbox rows not yet delivered by the worker',
      async collect() {
        const read = await backlog();
        if (read) this.set(read.pending);
      },
    });
    this.metrics.gauge({
      name: 'hub_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest outbox row not yet delivered (0 when none is pending)',
      async collect() {
        const read = await backlog();
        if (read) this.set(read.oldestAgeSeconds);
      },
    });
  }

  private backlog(): Promise<OutboxBacklog | null> {
    this.reading ??= this.outbox
      .backlog()
      .catch((error: unknown) => {
        // A scrape while the database is away still answers (the gauges keep their last value).
        this.logger.warn({ err: error }, 'outbox backlog unavailable for metrics');
        return null;
      })
      .finally(() => setImmediate(() => (this.reading = null)));
    return this.reading;
  }
}
