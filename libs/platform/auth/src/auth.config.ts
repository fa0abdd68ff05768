import { z } from 'zod';
import { defineConfig, env, ConfigOf } from '@hub/config';

export const authConfig = defineConfig(
  'auth',
  z.object({
    AUTH_SERVER_URL: env
      .url()
      .describe('Keycloak base URL as it appears in token `iss` (e.g. http://127.0.0.1:8080)'),
    AUTH_REALM: z.string().min(1).default('taskforce').describe('Keycloak realm'),
    AUTH_CLIENT_ID: z
      .string()
      .min(1)
      .default('hub-api')
      .describe('This API’s client id; tokens must name it in `aud`'),
    AUTH_ISSUER: env
      .url()
      .optional()
      .describe('Expected `iss`; default `<AUTH_SERVER_URL>/realms/<AUTH_REALM>`'),
    AUTH_JWKS_URL: env
      .url()
      .optional()
      .describe('Where to fetch the realm keys; default the realm’s certs endpoint'),
    AUTH_JWKS_CACHE_SECONDS: env
      .int(1, 600)
      .default(300)
      .describe('How long fetched keys are trusted; a withdrawn key is refused after at most this long'),
    AUTH_CLOCK_LEEWAY_SECONDS: env.int(0, 60).default(5).describe('Clock skew allowed for `nbf` and `iat`'),
  }),
);
export type AuthConfig = ConfigOf<typeof authConfig>;
