/** The job queue of e-mail deliveries: one job per outbox row (`{ outboxId }`). */
export const DELIVERY_QUEUE = 'notification.deliver';

export interface DeliveryJob {
  outboxId: string;
}
