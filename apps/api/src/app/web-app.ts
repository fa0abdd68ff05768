import { INestApplication } from '@nestjs/common';
import compression from 'compression';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { authConfig } from '@hub/auth';
import { ConfigOf, defineConfig, loadConfig } from '@hub/config';

/**
 * The web app's static bundle (apps/web, `nx build web`), served by the API in production: one
 * origin for the screens, /graphql and its websocket, so the browser needs no CORS and the
 * Content-Security-Policy can say `'self'`. Unset in development, where Vite serves the app.
 */
export const webAppConfig = defineConfig(
  'webApp',
  z.object({
    WEB_APP_DIR: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Folder of the built web app (dist/apps/web) for the API to serve at /; unset: the API serves no web app',
      ),
  }),
);
export type WebAppConfig = ConfigOf<typeof webAppConfig>;

/** Paths that are the API's own: never answered with the web app's page. */
const API_PATHS = /^\/(graphql|health|metrics)(\/|$)/;

/**
 * The page's policy: its own scripts, styles, fonts and images only (the bundle has no inline
 * script or style), calls to its own origin (GraphQL over HTTP and websocket) and to the realm
 * (oidc-client-ts exchanges the code and renews tokens there with fetch), never framed, no plugins.
 */
export function webContentSecurityPolicy(realmOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${realmOrigin}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The headers of every response of the web app (its page and its files). */
function webHeaders(realmOrigin: string): Record<string, string> {
  return {
    'Content-Security-Policy': webContentSecurityPolicy(realmOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

/**
 * Serves the bundle when WEB_APP_DIR is set: hashed files under /assets for a year, the page itself
 * revalidated each time (a deploy takes effect at the next visit), and the page for any other GET
 * that asks for HTML (the app's own paths, e.g. /referrals/…), so a reload or a bookmark works.
 */
export function serveWebApp(app: INestApplication): void {
  const { WEB_APP_DIR } = loadConfig(webAppConfig);
  if (!WEB_APP_DIR) return;
  const root = resolve(WEB_APP_DIR);
  const page = join(root, 'index.html');
  if (!existsSync(page))
    throw new Error(`WEB_APP_DIR: ${root} holds no index.html (build it: npx nx build web)`);
  const { AUTH_SERVER_URL } = loadConfig(authConfig);
  const headers = webHeaders(new URL(AUTH_SERVER_URL).origin);
  const withHeaders = (response: Response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  };
  const files = express.static(root, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    setHeaders: (response, path) => {
      withHeaders(response);
      response.setHeader(
        'Cache-Control',
        path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // The bundle is text: gzip cuts its first load about 3.5× (GraphQL answers are left as they are).
  const compress = compression();
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (API_PATHS.test(request.path)) return next();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    compress(request, response, () => serve(request, response, next));
  });
  const serve = (request: Request, response: Response, next: NextFunction) =>
    files(request, response, () => {
      // A missing file under /assets is a 404, not the page (a stale tab asking for an old chunk).
      if (request.path.startsWith('/assets/') || !request.accepts('html')) return next();
      withHeaders(response);
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(page);
    });
}
