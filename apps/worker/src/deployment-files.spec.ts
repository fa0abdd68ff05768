import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { environmentVariables, validateAll } from '@hub/config';
import { WORKSPACE } from '@hub/testing';
import { workerConfigDefinitions } from './app/worker-config';

/**
 * The worker's part of docker/ agrees with its code (apps/api/src/deployment-files.spec.ts checks
 * the rest): the compose service sets exactly variables the worker reads, every required one,
 * valid values; the image runs the bundle as a non-root user with a health check.
 */
const read = (file: string) => readFileSync(resolve(WORKSPACE, file), 'utf8');
type Service = { environment: Record<string, string>; depends_on: Record<string, { condition: string }> };
const worker = (parse(read('docker/compose.yaml')) as { services: Record<string, Service> }).services.worker;
const variables = environmentVariables(workerConfigDefinitions);

/** What a filled-in docker/.env gives the variables compose requires (`${VAR:?…}`). */
const FILLED: Record<string, string> = {
  HUB_API_PASSWORD: 'api-secret',
  SMTP_URL: 'smtp://relay.example.org:587',
  HUB_WEB_URL: 'https://hub.example.org',
};

/** The service's environment as compose gives it: required variables filled in, `${VAR:-default}` as its default. */
const environment = Object.fromEntries(
  Object.entries(worker.environment).map(([name, value]) => [
    name,
    String(value).replace(
      /\$\{(\w+)(:[-?])?([^}]*)\}/g,
      (_m, variable: string, operator?: string, rest = '') =>
        operator === ':?' ? (FILLED[variable] ?? '') : rest,
    ),
  ]),
);

describe('docker/compose.yaml worker service', () => {
  it('sets only variables the worker reads, and every one it requires', () => {
    const known = new Set(variables.map((v) => v.name));
    expect(Object.keys(environment).filter((name) => !known.has(name))).toEqual([]);
    const required = variables.filter((v) => v.required).map((v) => v.name);
    expect(required.sort()).toEqual(['DATABASE_URL', 'SMTP_URL']);
    expect(required.filter((name) => !environment[name])).toEqual([]);
  });

  it('is valid configuration, in production mode, as the API role, after the migrations ran', () => {
    expect(() => validateAll(workerConfigDefinitions, environment)).not.toThrow();
    expect(environment).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '3100' });
    expect(new URL(environment['DATABASE_URL']).username).toBe('hub_api');
    expect(worker.depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' } });
  });
});

describe('docker/worker.Dockerfile', () => {
  const dockerfile = read('docker/worker.Dockerfile');
  const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('builds the worker on Node 24 and runs main.js with production dependencies only, as a non-root user', () => {
    expect([...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1])).toEqual([
      'node:24-bookworm-slim',
      'node:24-bookworm-slim',
    ]);
    expect(dockerfile).toMatch(/npx nx build worker\b/);
    expect(final).toMatch(/COPY --from=build \/workspace\/dist\/apps\/worker\/ \.\//);
    expect(final).toMatch(/npm install --omit=dev/);
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^CMD \["node", "main\.js"\]$/m);
  });

  it('exposes the health port of the compose service and checks /health/live on it', () => {
    expect(final).toMatch(/^EXPOSE 3100$/m);
    expect(final).toMatch(/http:\/\/127\.0\.0\.1:3100\/health\/live/);
    expect(read('docker/worker.Dockerfile.dockerignore').split('\n')).toEqual(
      expect.arrayContaining(['**/node_modules', 'dist', '.git', '**/.env']),
    );
  });
});
