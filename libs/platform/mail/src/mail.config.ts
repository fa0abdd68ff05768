import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

/** Where outgoing e-mail goes: an SMTP relay in production, a local server with a web inbox in development. */
export const mailConfig = defineConfig(
  'mail',
  z.object({
    SMTP_URL: env
      .url(['smtp', 'smtps'])
      .describe(
        'SMTP server the hub sends e-mail through: smtp://[user:password@]host:port (STARTTLS when offered) or smtps:// (TLS on connect)',
      ),
    MAIL_FROM: z
      .string()
      .min(3)
      .max(254)
      .default('Task Force Hub <no-reply@taskforce-hub.invalid>')
      .describe('The From of every message the hub sends'),
    SMTP_TIMEOUT_MS: env
      .int(1_000, 120_000)
      .default(15_000)
      .describe(
        'How long to wait for the SMTP server at each step before the attempt fails (and is retried)',
      ),
    SMTP_MAX_CONNECTIONS: env.int(1, 50).default(4).describe('Connections kept open to the SMTP server'),
  }),
);
export type MailConfig = ConfigOf<typeof mailConfig>;
