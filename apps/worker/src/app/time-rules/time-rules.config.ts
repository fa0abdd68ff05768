import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

/** When the time-based rules run, and their thresholds. */
export const timeRulesConfig = defineConfig(
  'time-rules',
  z.object({
    TIME_RULES_CRON: z
      .string()
      .regex(/^\S+( \S+){4}$/, 'must be a cron expression of five fields')
      .default('*/5 * * * *')
      .describe(
        'When the expiry sweep and the reminders run, as cron in UTC (default every 5 minutes; reads are right in between, this records them)',
      ),
    TIME_RULES_BATCH_SIZE: env
      .int(1, 1_000)
      .default(100)
      .describe('Records one transaction of a time-based rule takes (expired referrals, reminders)'),
    REFERRAL_IDLE_DAYS: env
      .int(1, 365)
      .default(14)
      .describe(
        'An accepted referral with no change and no message for this many days: its agency is reminded',
      ),
    CONSENT_ENDING_REMINDER_DAYS: env
      .int(1, 90)
      .default(7)
      .describe('The agency that recorded a consent is reminded this many days before it ends'),
    PROTOCOL_ACKNOWLEDGEMENT_REMINDER_DAYS: env
      .int(1, 365)
      .default(14)
      .describe(
        'An audience agency that has not acknowledged a protocol version this many days after its publication is reminded',
      ),
  }),
);
export type TimeRulesConfig = ConfigOf<typeof timeRulesConfig>;
