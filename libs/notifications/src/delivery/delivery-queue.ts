/** The job queue of e-mail deliveries: one job per outbox row (`{ outboxId }`). */
export const DELIVERY_QUEUE = 'notification.deliver';

export interface DeliveryJob {
  outboxId: string;
}

/** The job queue of daily digests: one job a day (DIGEST_CRON), for the day before (`day`: YYYY-MM-DD, UTC). */
export const DIGEST_QUEUE = 'notification.digest';

export interface DigestJob {
  day?: string;
}
