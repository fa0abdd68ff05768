import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '@hub/jobs';
import { deliveryConfig, DeliveryConfig } from './delivery.config';
import { DELIVERY_QUEUE, DeliveryJob, DIGEST_QUEUE, DigestJob } from './delivery-queue';
import { NotificationDeliveryService } from './notification-delivery.service';

/**
 * Runs the delivery queue's jobs in this process, DELIVERY_CONCURRENCY at a time, and the daily
 * digest at DIGEST_CRON (one job a day, whichever replica takes it).
 */
@Injectable()
export class DeliveryJobs implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly delivery: NotificationDeliveryService,
    @Inject(deliveryConfig.token) private readonly config: DeliveryConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<DeliveryJob>(DELIVERY_QUEUE, this.config.DELIVERY_CONCURRENCY, (job) =>
      this.delivery.deliver(job.outboxId),
    );
    await this.jobs.schedule(DIGEST_QUEUE, this.config.DIGEST_CRON);
    await this.jobs.work<DigestJob>(DIGEST_QUEUE, 1, (job) => this.delivery.sendDigests(job.day));
  }
}
