import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

/** How the worker turns outbox rows into e-mail. */
export const deliveryConfig = defineConfig(
  'delivery',
  z.object({
    HUB_WEB_URL: env
      .url()
      .default('http://127.0.0.1:4200')
      .describe('Base URL of the hub web app; every e-mail links to the notification there'),
    OUTBOX_POLL_INTERVAL_MS: env
      .int(100, 600_000)
      .default(5_000)
      .describe('How often the outbox is read when no NOTIFY arrived (the fallback of LISTEN)'),
    OUTBOX_BATCH_SIZE: env
      .int(1, 1_000)
      .default(100)
      .describe('Outbox rows handed to the queue per transaction'),
    OUTBOX_REQUEUE_AFTER_SECONDS: env
      .int(1, 7 * 86_400)
      .default(12 * 3_600)
      .describe(
        'An outbox row handed to the queue this long ago and still not delivered is handed over again (its job gave up or was lost); deliveries already made are not repeated',
      ),
    DELIVERY_CONCURRENCY: env.int(1, 100).default(8).describe('Deliveries one worker process runs at a time'),
    DELIVERY_RETRY_LIMIT: env
      .int(0, 1_000)
      .default(10)
      .describe(
        'Retries of a failed delivery (SMTP down) before its job gives up; the outbox requeue then takes over',
      ),
    DELIVERY_RETRY_DELAY_SECONDS: env
      .int(1, 3_600)
      .default(30)
      .describe('First retry delay; each later retry waits about twice as long'),
    DIGEST_CRON: z
      .string()
      .regex(/^\S+( \S+){4}$/, 'must be a cron expression of five fields')
      .default('0 6 * * *')
      .describe('When the daily digest of the day before (UTC) is sent, as cron in UTC (default 06:00)'),
    DELIVERY_TIMEOUT_SECONDS: env
      .int(1, 3_600)
      .default(300)
      .describe('A delivery still running after this long (its worker died) is retried'),
  }),
);
export type DeliveryConfig = ConfigOf<typeof deliveryConfig>;
