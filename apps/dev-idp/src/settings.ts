import { resolve } from 'node:path';
import { defineConfig, env, loadConfig } from '@hub/config';
import { DEV_WEB_ORIGINS } from '@hub/dev-idp';
import { z } from 'zod';

export const devIdpConfig = defineConfig(
  'devIdp',
  z.object({
    DEV_IDP_HOST: z.string().min(1).default('127.0.0.1').describe('Interface dev-idp listens on'),
    DEV_IDP_PORT: env.int(0, 65535).default(8080).describe('TCP port; 0 picks a free one'),
    DEV_IDP_REALM: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, { message: 'must be letters, digits, "_" or "-"' })
      .default('taskforce')
      .describe('Realm name in the issuer URL'),
    DEV_IDP_KEY_FILE: z
      .string()
      .min(1)
      .optional()
      .describe('Realm key set (JSON); default <cwd>/.dev-idp/keys.json'),
    DEV_IDP_WEB_ORIGINS: z
      .string()
      .default(DEV_WEB_ORIGINS.join(','))
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().refine((origin) => /^https?:\/\/[^/]+$/.test(origin), {
            message: 'must be origins like http://host:port',
          }),
        ),
      )
      .describe('Comma-separated web app origins: hub-web redirect URIs (<origin>/*) and CORS'),
    NODE_ENV: z.string().optional(),
  }),
);

export interface DevIdpSettings {
  host: string;
  port: number;
  realm: string;
  keyFile: string;
  /** Where the web app runs: hub-web may redirect there and call the token endpoint from there. */
  webOrigins: string[];
  production: boolean;
}

/** Reads and validates the environment; throws ConfigError naming each bad variable. */
export function loadDevIdpSettings(environment: NodeJS.ProcessEnv, cwd: string): DevIdpSettings {
  const config = loadConfig(devIdpConfig, environment);
  return {
    host: config.DEV_IDP_HOST,
    port: config.DEV_IDP_PORT,
    realm: config.DEV_IDP_REALM,
    keyFile: resolve(cwd, config.DEV_IDP_KEY_FILE ?? '.dev-idp/keys.json'),
    webOrigins: config.DEV_IDP_WEB_ORIGINS,
    production: config.NODE_ENV === 'production',
  };
}
