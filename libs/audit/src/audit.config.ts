import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

export const auditConfig = defineConfig(
  'audit',
  z.object({
    AUDIT_SEAL_INTERVAL_SECONDS: env
      .int(0, 3600)
      .default(10)
      .describe(
        'How often this process seals new audit events into the hash chain (0 = never; another replica or the command may)',
      ),
  }),
);
export type AuditConfig = ConfigOf<typeof auditConfig>;
