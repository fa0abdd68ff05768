import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '@hub/jobs';
import { deliveryConfig, DeliveryConfig } from './delivery.config';
import { DELIVERY_QUEUE, DeliveryJob } from './delivery-queue';
import { NotificationDeliveryService } from './notification-delivery.service';

/** Runs the delivery queue's jobs in this process, DELIVERY_CONCURRENCY at a time. */
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
  }
}
