import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { environmentVariables, validateAll } from '@hub/config';
import { migrationConfig } from '@hub/database';
import { REALM_ROLES } from '@hub/demo-data';
import { DEV_IDP_CLIENTS, HUB_CLIENT_SCOPE, KEYCLOAK_TOKEN_MAPPERS } from '@hub/dev-idp';
import { apiConfigDefinitions } from './app/api-config';

/**
 * Static checks of docker/ (nothing is built or run): the compose file, the Keycloak realm export,
 * the Dockerfile and the Postgres init script must agree with each other and with the code — the
 * API's configuration variables, the realm roles, the clients and token mappers dev-idp imitates.
 */

const WORKSPACE = resolve(__dirname, '../../..');
const DOCKER = resolve(WORKSPACE, 'docker');
const read = (relative: string) => readFileSync(resolve(WORKSPACE, relative), 'utf8');

// ---------------------------------------------------------------------------------------------
// compose

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; target?: string; args?: Record<string, string> };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  ports?: (string | { target: number; published?: string | number })[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
  healthcheck?: { test?: string | string[] };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

const compose = parse(read('docker/compose.yaml')) as ComposeFile;
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`compose.yaml has no service "${name}"`);
  return found;
};

/** Values for the variables compose requires (`${VAR:?…}`), as a filled-in docker/.env would give. */
const SECRETS: Record<string, string> = {
  POSTGRES_PASSWORD: 'postgres-secret',
  HUB_OWNER_PASSWORD: 'owner-secret',
  HUB_API_PASSWORD: 'api-secret',
  KEYCLOAK_ADMIN_PASSWORD: 'keycloak-secret',
};

const INTERPOLATION = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}. */
function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(INTERPOLATION, (_match, name: string, operator: string | undefined, argument = '') => {
    const set = env[name];
    if (operator === ':-') return set ? set : argument;
    if (operator === '-') return set ?? argument;
    if ((operator === ':?' && !set) || (operator === '?' && set === undefined)) {
      throw new Error(`required variable ${name} is missing: ${argument}`);
    }
    return set ?? '';
  });
}

/** Every `${…}` in the compose file's values (comments excluded), with its operator. */
function references(node: unknown): { name: string; operator: string }[] {
  if (typeof node === 'string') {
    return [...node.matchAll(INTERPOLATION)].map((m) => ({ name: m[1], operator: m[2] ?? '' }));
  }
  if (Array.isArray(node)) return node.flatMap(references);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => [...references(key), ...references(value)]);
  }
  return [];
}

/** A service's environment as compose hands it to the container. */
function environmentOf(
  name: string,
  env: Record<string, string | undefined> = SECRETS,
): Record<string, string> {
  const raw = service(name).environment ?? {};
  const entries: [string, string][] = Array.isArray(raw)
    ? raw.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(raw).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(value, env)]));
}

/** Container ports a service publishes, and the host port of each. */
function publishedPorts(name: string, env: Record<string, string | undefined> = SECRETS) {
  return (service(name).ports ?? []).map((port) => {
    if (typeof port !== 'string')
      return { host: String(port.published ?? ''), container: String(port.target) };
    const parts = interpolate(port, env)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    return { host: parts.length > 1 ? parts[parts.length - 2] : '', container: parts[parts.length - 1] };
  });
}

/** Bind mounts as absolute host paths (relative sources are relative to docker/). */
function mounts(name: string) {
  return (service(name).volumes ?? []).map((volume) => {
    const [source, target] =
      typeof volume === 'string' ? volume.split(':') : [volume.source ?? '', volume.target];
    return { source: source.startsWith('.') ? resolve(DOCKER, source) : source, target };
  });
}

/** KEY=value lines of docker/.env.example (comments and blank lines skipped). */
const envExample: Record<string, string> = Object.fromEntries(
  read('docker/.env.example')
    .split('\n')
    .map((line) => /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2]]),
);

// ---------------------------------------------------------------------------------------------
// Keycloak realm export (the fields these checks read)

interface ProtocolMapper {
  name: string;
  protocolMapper: string;
  config: Record<string, string>;
}
interface RealmClient {
  clientId: string;
  bearerOnly?: boolean;
  publicClient?: boolean;
  secret?: string;
  standardFlowEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  serviceAccountsEnabled?: boolean;
  fullScopeAllowed?: boolean;
  protocolMappers?: ProtocolMapper[];
  defaultClientScopes?: string[];
  redirectUris?: string[];
  webOrigins?: string[];
  rootUrl?: string;
  attributes?: Record<string, string>;
}
interface ClientScope {
  name: string;
  protocol?: string;
  attributes?: Record<string, string>;
  protocolMappers?: ProtocolMapper[];
}
interface RealmExport {
  realm: string;
  enabled: boolean;
  accessTokenLifespan: number;
  roles: { realm: { name: string; composite?: boolean }[] };
  defaultRole?: { name: string };
  clients: RealmClient[];
  clientScopes?: ClientScope[];
  defaultDefaultClientScopes?: string[];
  requiredActions?: unknown[];
  users?: { username: string; credentials?: unknown[] }[];
  components?: Record<string, { providerId: string; config: Record<string, string[]> }[]>;
}
interface UserProfileAttribute {
  name: string;
  permissions?: { view?: string[]; edit?: string[] };
  multivalued?: boolean;
}

const realm = JSON.parse(read('docker/keycloak/realm-taskforce.json')) as RealmExport;
const client = (clientId: string): RealmClient => {
  const found = realm.clients.find((c) => c.clientId === clientId);
  if (!found) throw new Error(`realm export has no client "${clientId}"`);
  return found;
};

/**
 * The mappers that shape a client's tokens: its own and those of its default client scopes (the
 * shared `hub` scope carries agency_id and the audience; the built-in ones `sub`, roles, names).
 */
const scopeNamed = (name: string) => (realm.clientScopes ?? []).find((scope) => scope.name === name);
const mappersOf = (c: RealmClient): ProtocolMapper[] => [
  ...(c.protocolMappers ?? []),
  ...(c.defaultClientScopes ?? []).flatMap((name) => scopeNamed(name)?.protocolMappers ?? []),
];
/** `${NAME}` placeholders Keycloak's import replaces with the environment's values. */
const placeholders = (value: unknown): string[] => [
  ...new Set([...JSON.stringify(value).matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1])),
];

/** Roles and clients Keycloak itself adds to every realm (an export may list them). */
const KEYCLOAK_BUILTIN_ROLES = ['offline_access', 'uma_authorization', `default-roles-${realm.realm}`];
const KEYCLOAK_BUILTIN_CLIENTS = [
  'account',
  'account-console',
  'admin-cli',
  'broker',
  'realm-management',
  'security-admin-console',
];

// ---------------------------------------------------------------------------------------------
// Dockerfile

interface Stage {
  image: string;
  name: string | undefined;
  instructions: { keyword: string; args: string }[];
}

/** Stages of a Dockerfile, with continuation lines joined and comments dropped. */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    if (/\\\s*$/.test(line)) {
      pending += line.replace(/\\\s*$/, ' ');
      continue;
    }
    logical.push(pending + line);
    pending = '';
  }
  const stages: Stage[] = [];
  for (const instruction of logical.map((l) => l.trim()).filter(Boolean)) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(instruction) ?? ['', '', ''];
    if (keyword.toUpperCase() === 'FROM') {
      const [, image, name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? ['', args, undefined];
      stages.push({ image, name, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({
        keyword: keyword.toUpperCase(),
        args: args.replace(/\s+/g, ' '),
      });
    }
  }
  return stages;
}

const DOCKERFILE = 'docker/api.Dockerfile';
const stages = parseDockerfile(read(DOCKERFILE));
const finalStage = stages[stages.length - 1];
const finalArgs = (keyword: string) =>
  finalStage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

// ---------------------------------------------------------------------------------------------

const apiVariables = environmentVariables(apiConfigDefinitions);

describe('docker/compose.yaml', () => {
  it('defines the postgres, keycloak, migrate and api services', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'keycloak', 'migrate', 'api']),
    );
  });

  it('starts the api only after migrations succeeded and Keycloak is ready', () => {
    expect(service('api').depends_on).toMatchObject({
      migrate: { condition: 'service_completed_successfully' },
      keycloak: { condition: 'service_healthy' },
    });
    expect(service('migrate').depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    expect(service('postgres').healthcheck?.test).toEqual(expect.arrayContaining(['pg_isready']));
    expect(service('keycloak').healthcheck?.test).toBeDefined();
  });

  it('builds api and migrate as the final stage of docker/api.Dockerfile, migrate running migrate.js', () => {
    for (const name of ['api', 'migrate']) {
      const build = service(name).build;
      expect(resolve(DOCKER, build?.context ?? '.')).toBe(WORKSPACE);
      expect(resolve(WORKSPACE, build?.dockerfile ?? 'Dockerfile')).toBe(resolve(WORKSPACE, DOCKERFILE));
      // No target: the runtime image, production dependencies only (no dev tooling).
      expect(build?.target).toBeUndefined();
    }
    // The bundle's second entry point (apps/api/webpack.config.js); production-bundle.spec.ts runs it.
    expect([service('migrate').command].flat()).toEqual(['node', 'migrate.js']);
  });

  it('takes every secret from the environment, with no default', () => {
    const secretRefs = references(compose).filter((r) => /PASSWORD|SECRET/.test(r.name));
    expect(secretRefs.length).toBeGreaterThanOrEqual(Object.keys(SECRETS).length);
    for (const ref of secretRefs) expect(ref).toEqual({ name: ref.name, operator: ':?' });
    expect(new Set(secretRefs.map((r) => r.name))).toEqual(new Set(Object.keys(SECRETS)));
    expect(() => environmentOf('api', {})).toThrow(/HUB_API_PASSWORD/);
    expect(() => environmentOf('postgres', {})).toThrow(/POSTGRES_PASSWORD/);
  });

  it('documents in docker/.env.example exactly the variables it reads', () => {
    const referenced = new Set(references(compose).map((r) => r.name));
    expect(Object.keys(envExample).sort()).toEqual([...referenced].sort());
    // Secrets are left blank in the example, so compose refuses to start until they are set.
    for (const name of Object.keys(SECRETS)) expect(envExample[name]).toBe('');
  });

  describe('api environment', () => {
    const env = environmentOf('api');

    it('sets only variables the API reads', () => {
      const known = new Set(apiVariables.map((v) => v.name));
      expect(known.size).toBeGreaterThan(10);
      expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
    });

    it('sets every variable the API requires', () => {
      const required = apiVariables.filter((v) => v.required).map((v) => v.name);
      expect(required).toEqual(expect.arrayContaining(['DATABASE_URL', 'AUTH_SERVER_URL']));
      expect(required.filter((name) => !env[name])).toEqual([]);
    });

    it('is valid configuration, with compose defaults and with the values of .env.example', () => {
      expect(() => validateAll(apiConfigDefinitions, env)).not.toThrow();
      const fromExample = environmentOf('api', { ...envExample, ...SECRETS });
      expect(() => validateAll(apiConfigDefinitions, fromExample)).not.toThrow();
    });

    it('runs in production mode, reachable from outside the container, without GraphiQL or introspection', () => {
      expect(env).toMatchObject({
        NODE_ENV: 'production',
        HOST: '0.0.0.0',
        GRAPHIQL_ENABLED: 'false',
        GRAPHQL_INTROSPECTION: 'false',
      });
    });

    it('connects as hub_api while migrate connects as hub_owner, to the same database', () => {
      const api = new URL(env['DATABASE_URL']);
      const migrateEnv = environmentOf('migrate');
      const owner = new URL(migrateEnv['DATABASE_OWNER_URL']);
      expect([api.username, api.password]).toEqual(['hub_api', SECRETS['HUB_API_PASSWORD']]);
      expect([owner.username, owner.password]).toEqual(['hub_owner', SECRETS['HUB_OWNER_PASSWORD']]);
      for (const url of [api, owner]) {
        expect(url.hostname).toBe('postgres');
        expect(url.port || '5432').toBe('5432');
        expect(url.pathname).toBe('/hub');
      }
      const migrationVariables = environmentVariables([migrationConfig]).map((v) => v.name);
      expect(Object.keys(migrateEnv)).toEqual(migrationVariables);
      expect(() => validateAll([migrationConfig], migrateEnv)).not.toThrow();
    });

    it('publishes the port the API listens on, which the image exposes', () => {
      expect(env['PORT']).toBe('3000');
      expect(publishedPorts('api').map((p) => p.container)).toEqual([env['PORT']]);
      expect(finalArgs('EXPOSE')).toEqual([env['PORT']]);
    });
  });

  describe('api and Keycloak', () => {
    const env = environmentOf('api');
    const keycloak = environmentOf('keycloak');

    it('names the realm and the bearer-only client of the realm export', () => {
      expect(env['AUTH_REALM']).toBe(realm.realm);
      expect(client(env['AUTH_CLIENT_ID'])).toMatchObject({ bearerOnly: true, publicClient: false });
    });

    it('expects the issuer Keycloak puts in tokens (KC_HOSTNAME), also when it is overridden', () => {
      expect(env['AUTH_SERVER_URL']).toBe('http://localhost:8080');
      expect(env['AUTH_SERVER_URL']).toBe(keycloak['KC_HOSTNAME']);
      const public_ = { ...SECRETS, KEYCLOAK_PUBLIC_URL: 'https://id.example.org' };
      expect(environmentOf('api', public_)['AUTH_SERVER_URL']).toBe('https://id.example.org');
      expect(environmentOf('keycloak', public_)['KC_HOSTNAME']).toBe('https://id.example.org');
      expect(env['AUTH_ISSUER'] ?? '').toBe('');
    });

    it('publishes Keycloak on the port of the public URL', () => {
      const publicUrl = new URL(env['AUTH_SERVER_URL']);
      expect(publishedPorts('keycloak')).toContainEqual({
        host: publicUrl.port,
        container: keycloak['KC_HTTP_PORT'],
      });
    });

    it('fetches the realm keys from the keycloak service inside the network', () => {
      const jwks = new URL(env['AUTH_JWKS_URL']);
      expect(Object.keys(compose.services)).toContain(jwks.hostname);
      expect(jwks.hostname).toBe('keycloak');
      expect(jwks.protocol).toBe('http:');
      expect(jwks.port).toBe(keycloak['KC_HTTP_PORT']);
      expect(jwks.pathname).toBe(`/realms/${env['AUTH_REALM']}/protocol/openid-connect/certs`);
    });

    it('imports the realm export on start', () => {
      expect([service('keycloak').command].flat()).toEqual(expect.arrayContaining(['--import-realm']));
      expect(mounts('keycloak')).toContainEqual({
        source: resolve(DOCKER, 'keycloak/realm-taskforce.json'),
        target: '/opt/keycloak/data/import/realm-taskforce.json',
      });
      expect(keycloak['KC_BOOTSTRAP_ADMIN_PASSWORD']).toBe(SECRETS['KEYCLOAK_ADMIN_PASSWORD']);
    });
  });
});

describe('docker/keycloak/realm-taskforce.json', () => {
  it('is the enabled realm "taskforce" with 5-minute access tokens', () => {
    expect(realm).toMatchObject({ realm: 'taskforce', enabled: true, accessTokenLifespan: 300 });
  });

  it('has every realm role of the hub and no other custom role', () => {
    const names = realm.roles.realm.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining([...REALM_ROLES]));
    const known = new Set<string>([...REALM_ROLES, ...KEYCLOAK_BUILTIN_ROLES]);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    // Listing default-roles-<realm> without naming it the default role makes Keycloak create
    // default-roles-<realm>-1 instead.
    if (names.includes(`default-roles-${realm.realm}`)) {
      expect(realm.defaultRole?.name).toBe(`default-roles-${realm.realm}`);
    }
  });

  it('has exactly the clients dev-idp imitates, with the same kind and grants', () => {
    const custom = realm.clients
      .map((c) => c.clientId)
      .filter((id) => !KEYCLOAK_BUILTIN_CLIENTS.includes(id));
    expect(custom.sort()).toEqual(DEV_IDP_CLIENTS.map((c) => c.clientId).sort());
    for (const devClient of DEV_IDP_CLIENTS) {
      const kc = client(devClient.clientId);
      expect({
        clientId: kc.clientId,
        public: kc.publicClient === true,
        directAccessGrants: kc.directAccessGrantsEnabled === true,
        serviceAccount: kc.serviceAccountsEnabled === true,
        // dev-idp's browser flow (login page, code + PKCE) only for Keycloak's standard-flow clients.
        standardFlow: kc.standardFlowEnabled === true,
      }).toEqual({
        clientId: devClient.clientId,
        public: devClient.public,
        directAccessGrants: devClient.directAccessGrants,
        serviceAccount: devClient.serviceAccountRoles !== undefined,
        standardFlow: devClient.browser !== undefined,
      });
    }
  });

  it('lets hub-cli use the password grant only, hub-worker client credentials only', () => {
    expect(client('hub-cli')).toMatchObject({
      publicClient: true,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
      implicitFlowEnabled: false,
    });
    expect(client('hub-worker')).toMatchObject({
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
  });

  it('holds no client secret (Keycloak generates one; exports mask them as ****)', () => {
    for (const c of realm.clients) {
      if (c.secret !== undefined) expect(c.secret).toMatch(/^\*+$/);
    }
  });

  it('puts agency_id, the hub-api audience and realm roles in hub-cli tokens, as dev-idp does', () => {
    const hubCli = client('hub-cli');
    for (const mapper of KEYCLOAK_TOKEN_MAPPERS) {
      expect(mappersOf(hubCli)).toContainEqual(
        expect.objectContaining({
          name: mapper.name,
          protocolMapper: mapper.protocolMapper,
          config: expect.objectContaining(mapper.config),
        }),
      );
    }
    const agency = mappersOf(hubCli).find((m) => m.protocolMapper === 'oidc-usermodel-attribute-mapper');
    expect(agency?.config).toMatchObject({
      'user.attribute': 'agency_id',
      'claim.name': 'agency_id',
      'jsonType.label': 'String',
      'access.token.claim': 'true',
      'id.token.claim': 'true',
    });
    // realm_access.roles comes from the `roles` scope; `basic` carries `sub`.
    expect(hubCli.defaultClientScopes).toEqual(
      expect.arrayContaining(['profile', 'email', 'roles', 'web-origins', 'acr', 'basic']),
    );
    expect(hubCli.fullScopeAllowed).not.toBe(false);
  });

  it('names the API client (AUTH_CLIENT_ID) in the audience of every client that obtains tokens', () => {
    const audience = environmentOf('api')['AUTH_CLIENT_ID'];
    const obtaining = realm.clients.filter(
      (c) =>
        c.directAccessGrantsEnabled === true ||
        c.serviceAccountsEnabled === true ||
        c.standardFlowEnabled === true,
    );
    expect(obtaining.map((c) => c.clientId).sort()).toEqual(['hub-cli', 'hub-web', 'hub-worker']);
    for (const c of obtaining) {
      expect(mappersOf(c)).toContainEqual(
        expect.objectContaining({
          protocolMapper: 'oidc-audience-mapper',
          config: expect.objectContaining({
            'included.client.audience': audience,
            'access.token.claim': 'true',
          }),
        }),
      );
    }
  });

  it('keeps agency_id and the audience mappers on one shared client scope that every client obtaining tokens has, and no copies', () => {
    const hub = scopeNamed(HUB_CLIENT_SCOPE);
    expect(hub?.protocol).toBe('openid-connect');
    expect(
      (hub?.protocolMappers ?? []).map((m) => ({ name: m.name, protocolMapper: m.protocolMapper })),
    ).toEqual(KEYCLOAK_TOKEN_MAPPERS.map((m) => ({ name: m.name, protocolMapper: m.protocolMapper })));
    for (const mapper of KEYCLOAK_TOKEN_MAPPERS) {
      expect(hub?.protocolMappers).toContainEqual(
        expect.objectContaining({ name: mapper.name, config: expect.objectContaining(mapper.config) }),
      );
    }
    for (const c of realm.clients.filter((c) => c.clientId !== 'hub-api')) {
      expect([c.clientId, c.defaultClientScopes]).toEqual([
        c.clientId,
        expect.arrayContaining([HUB_CLIENT_SCOPE]),
      ]);
      expect([c.clientId, c.protocolMappers ?? []]).toEqual([c.clientId, []]);
    }
    // A client created later in the admin console gets it too.
    expect(realm.defaultDefaultClientScopes).toEqual(expect.arrayContaining([HUB_CLIENT_SCOPE]));
  });

  it('declares every client scope a client names, the built-in ones included (a realm listing client scopes gets no defaults)', () => {
    const named = new Set([
      ...realm.clients.flatMap((c) => c.defaultClientScopes ?? []),
      ...(realm.defaultDefaultClientScopes ?? []),
    ]);
    expect([...named].filter((name) => !scopeNamed(name)).sort()).toEqual([]);
    // What the API reads: `sub` (basic), realm_access.roles (roles), preferred_username and name (profile).
    const mappers = (name: string) => scopeNamed(name)?.protocolMappers ?? [];
    expect(mappers('basic').map((m) => m.protocolMapper)).toContain('oidc-sub-mapper');
    expect(mappers('roles')).toContainEqual(
      expect.objectContaining({
        protocolMapper: 'oidc-usermodel-realm-role-mapper',
        config: expect.objectContaining({ 'claim.name': 'realm_access.roles', 'access.token.claim': 'true' }),
      }),
    );
    expect(mappers('profile')).toContainEqual(
      expect.objectContaining({
        protocolMapper: 'oidc-usermodel-attribute-mapper',
        config: expect.objectContaining({ 'user.attribute': 'username', 'claim.name': 'preferred_username' }),
      }),
    );
    expect(mappers('profile').map((m) => m.protocolMapper)).toContain('oidc-full-name-mapper');
  });

  it('lets hub-web sign people in with the authorization code flow and PKCE S256 only, to URIs compose configures', () => {
    const web = client('hub-web');
    expect(web).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
      attributes: expect.objectContaining({ 'pkce.code.challenge.method': 'S256' }),
    });
    expect(web.redirectUris).toEqual(['${HUB_WEB_REDIRECT_URI}']);
    expect(web.webOrigins).toEqual(['${HUB_WEB_ORIGIN}']);
    // Every placeholder of the realm file is set for the Keycloak container, with a default.
    const keycloak = environmentOf('keycloak');
    expect(placeholders(realm).sort()).toEqual(['HUB_WEB_ORIGIN', 'HUB_WEB_REDIRECT_URI']);
    for (const name of placeholders(realm))
      expect([name, keycloak[name]]).toEqual([name, expect.stringMatching(/^https?:\/\//)]);
    expect(envExample['HUB_WEB_ORIGIN']).toBe(keycloak['HUB_WEB_ORIGIN']);
    expect(envExample['HUB_WEB_REDIRECT_URI']).toBe(keycloak['HUB_WEB_REDIRECT_URI']);
  });

  it('has the web app, served by the API, sign in at the realm tokens are issued by, from the origin Keycloak allows', () => {
    const api = environmentOf('api');
    const keycloak = environmentOf('keycloak');
    const authority = (env: Record<string, string | undefined>) =>
      interpolate(service('api').build?.args?.['VITE_HUB_AUTHORITY'] ?? '', env);
    expect(authority(SECRETS)).toBe(`${api['AUTH_SERVER_URL']}/realms/${api['AUTH_REALM']}`);
    const public_ = { ...SECRETS, KEYCLOAK_PUBLIC_URL: 'https://id.example.org' };
    expect(authority(public_)).toBe(`${environmentOf('api', public_)['AUTH_SERVER_URL']}/realms/taskforce`);
    const published = publishedPorts('api')[0];
    expect(keycloak['HUB_WEB_ORIGIN']).toBe(`http://localhost:${published.host}`);
    expect(keycloak['HUB_WEB_REDIRECT_URI']).toBe(`http://localhost:${published.host}/*`);
  });

  it('leaves users’ required actions to Keycloak’s defaults, so a new user can sign in (a realm listing them replaces them)', () => {
    expect(realm.requiredActions).toBeUndefined();
  });

  it('declares agency_id in the user profile, editable by administrators only', () => {
    const providers = realm.components?.['org.keycloak.userprofile.UserProfileProvider'] ?? [];
    expect(providers.map((p) => p.providerId)).toEqual(['declarative-user-profile']);
    const [profileJson] = providers[0].config['kc.user.profile.config'];
    const profile = JSON.parse(profileJson) as { attributes: UserProfileAttribute[] };
    const names = profile.attributes.map((a) => a.name);
    expect(names).toEqual(
      expect.arrayContaining(['username', 'email', 'firstName', 'lastName', 'agency_id']),
    );
    expect(profile.attributes.find((a) => a.name === 'agency_id')).toMatchObject({
      permissions: { edit: ['admin'] },
      multivalued: false,
    });
  });

  it('contains no user with credentials (demo users live in dev-idp only)', () => {
    const withCredentials = (realm.users ?? []).filter((u) => (u.credentials ?? []).length > 0);
    expect(withCredentials.map((u) => u.username)).toEqual([]);
  });
});

describe('docker/api.Dockerfile', () => {
  it('is a multi-stage build on Node 24 LTS (slim Debian) whose first stage is "build"', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0].name).toBe('build');
    for (const stage of stages) expect(stage.image).toMatch(/^node:24(\.\d+){0,2}-(bookworm|trixie)-slim$/);
    expect(stages[0].instructions.some((i) => i.keyword === 'RUN' && /nx build api\b/.test(i.args))).toBe(
      true,
    );
  });

  it('runs the final stage as a non-root user', () => {
    const users = finalArgs('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
    expect(finalArgs('ENV').join(' ')).toMatch(/\bNODE_ENV=production\b/);
  });

  it('installs only production dependencies in the final stage', () => {
    const installs = finalArgs('RUN').filter((args) => /\bnpm (install|ci)\b/.test(args));
    expect(installs.length).toBeGreaterThan(0);
    for (const args of installs) expect(args).toContain('--omit=dev');
    expect(finalArgs('COPY').some((args) => /--from=build\b.*dist\/apps\/api/.test(args))).toBe(true);
  });

  it('builds the web app into the image and has the API serve it (WEB_APP_DIR)', () => {
    expect(
      stages[0].instructions.some(
        (i) => i.keyword === 'RUN' && /vite build --config apps\/web\/vite\.config\.mts/.test(i.args),
      ),
    ).toBe(true);
    expect(finalArgs('COPY')).toContain('--from=build /workspace/dist/apps/web/ ./web/');
    expect(finalArgs('ENV').join(' ')).toMatch(/\bWEB_APP_DIR=\/app\/web\b/);
    // The bundle's realm is a build argument; compose passes the realm's public address.
    expect(
      stages[0].instructions.filter((i) => i.keyword === 'ARG').map((i) => i.args.split('=')[0]),
    ).toContain('VITE_HUB_AUTHORITY');
  });

  it('exposes the API port and checks /health/live on it', () => {
    expect(finalArgs('EXPOSE')).toEqual(['3000']);
    const [healthcheck] = finalArgs('HEALTHCHECK');
    const url = /http:\/\/127\.0\.0\.1:(\d+)(\/[\w/-]*)/.exec(healthcheck ?? '');
    expect(url?.slice(1)).toEqual(['3000', '/health/live']);
    expect(JSON.parse(finalArgs('CMD')[0] ?? 'null')).toEqual(['node', 'main.js']);
  });

  it('has a build-context ignore file that keeps node_modules and secrets out', () => {
    const ignore = read(`${DOCKERFILE}.dockerignore`).split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', 'dist', '.git', '**/.env']));
    expect(existsSync(resolve(DOCKER, 'scripts/prepare-runtime-package.cjs'))).toBe(true);
  });
});

describe('docker/postgres/init/01-roles.sh', () => {
  const script = read('docker/postgres/init/01-roles.sh');

  it('creates the owner and the API role, and the database owned by the owner', () => {
    expect(script).toMatch(/CREATE ROLE hub_owner LOGIN\b/);
    expect(script).toMatch(/CREATE ROLE hub_api LOGIN\b/);
    expect(script).toMatch(/CREATE DATABASE hub OWNER hub_owner;/);
    expect(script).toMatch(/GRANT CONNECT ON DATABASE hub TO hub_api;/);
    const apiRole = /CREATE ROLE hub_api[^;]*;/.exec(script)?.[0] ?? '';
    for (const privilege of ['SUPERUSER', 'CREATEDB', 'CREATEROLE']) {
      expect(apiRole).toContain(`NO${privilege}`);
    }
  });

  it('is mounted into the entrypoint directory, executable, with its variables set by compose', () => {
    expect(mounts('postgres')).toContainEqual({
      source: resolve(DOCKER, 'postgres/init'),
      target: '/docker-entrypoint-initdb.d',
    });
    expect(statSync(resolve(DOCKER, 'postgres/init/01-roles.sh')).mode & 0o111).not.toBe(0);
    const required = [...script.matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]);
    expect(required.sort()).toEqual(['HUB_API_PASSWORD', 'HUB_OWNER_PASSWORD']);
    const env = environmentOf('postgres');
    for (const name of required) expect(env[name]).toBe(SECRETS[name]);
  });
});
