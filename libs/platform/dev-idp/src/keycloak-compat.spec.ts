import KeycloakConnect from 'keycloak-connect';
import type { DevIdp } from './dev-idp.types';
import {
  getJson,
  passwordGrant,
  startTestIdp,
  TEST_PASSWORD,
  TEST_USERS,
  tempDir,
  type TempDir,
} from './testing/spec-support';

/** What keycloak-connect's Token holds at run time (its .d.ts leaves these out). */
interface ParsedToken {
  content: Record<string, unknown>;
  header: { kid: string };
}

function grantManager(idp: DevIdp, config: Record<string, unknown>): KeycloakConnect.GrantManager {
  const keycloak = new KeycloakConnect({}, {
    realm: 'taskforce',
    'auth-server-url': idp.url,
    ...config,
  } as unknown as KeycloakConnect.KeycloakConfig);
  return keycloak.grantManager;
}

const content = (token: unknown) => (token as ParsedToken).content;

describe('keycloak-connect against dev-idp (the API verifies dev-idp tokens as Keycloak tokens)', () => {
  let dir: TempDir;
  let idp: DevIdp;

  beforeAll(async () => {
    dir = await tempDir();
    idp = await startTestIdp(`${dir.path}/keys.json`);
  });

  afterAll(async () => {
    await idp.close();
    await dir.remove();
  });

  const bearerOnlyApi = () =>
    grantManager(idp, { resource: 'hub-api', 'bearer-only': true, 'verify-token-audience': true });

  it('accepts a password-grant access token in a bearer-only hub-api, fetching the realm certs', async () => {
    const { body } = await passwordGrant(idp);
    const grant = await bearerOnlyApi().createGrant(JSON.stringify({ access_token: body['access_token'] }));
    expect(content(grant.access_token)).toMatchObject({
      sub: TEST_USERS[0].sub,
      preferred_username: 'ngo.caseworker',
      agency_id: TEST_USERS[0].agencyId,
    });
    expect(grant.access_token?.hasRealmRole('caseworker')).toBe(true);
  });

  it('verifies offline with the realm-public-key from the realm info', async () => {
    const realmInfo = await getJson(idp.issuer);
    const manager = grantManager(idp, {
      resource: 'hub-api',
      'bearer-only': true,
      'realm-public-key': realmInfo.body['public_key'],
    });
    const { body } = await passwordGrant(idp);
    await expect(
      manager.createGrant(JSON.stringify({ access_token: body['access_token'] })),
    ).resolves.toBeDefined();
  });

  it('rejects a refresh token, a foreign issuer and a token not meant for hub-api', async () => {
    const { body } = await passwordGrant(idp);
    await expect(
      bearerOnlyApi().createGrant(JSON.stringify({ access_token: body['refresh_token'] })),
    ).rejects.toThrow('wrong type');
    const claims = {
      ...idp.accessTokenClaims('ngo.caseworker'),
      iss: 'http://evil.example/realms/taskforce',
    };
    await expect(
      bearerOnlyApi().createGrant(JSON.stringify({ access_token: await idp.signWithRealmKey(claims) })),
    ).rejects.toThrow('wrong ISS');
    const withoutApiAudience = { ...idp.accessTokenClaims('ngo.caseworker'), aud: ['account'] };
    await expect(
      bearerOnlyApi().createGrant(
        JSON.stringify({ access_token: await idp.signWithRealmKey(withoutApiAudience) }),
      ),
    ).rejects.toThrow('wrong audience');
  });

  it('obtains and validates a direct grant as hub-cli, ID token included', async () => {
    const grant = await grantManager(idp, { resource: 'hub-cli', 'public-client': true }).obtainDirectly(
      'ngo.lead',
      TEST_PASSWORD,
    );
    expect(content(grant.access_token)['preferred_username']).toBe('ngo.lead');
    expect(content(grant.id_token)).toMatchObject({ typ: 'ID', aud: 'hub-cli', azp: 'hub-cli' });
    expect(content(grant.refresh_token)['typ']).toBe('Refresh');
  });

  it('obtains a service-account grant as hub-worker', async () => {
    const grant = await grantManager(idp, {
      resource: 'hub-worker',
      credentials: { secret: 'dev-worker-secret' },
    }).obtainFromClientCredentials();
    expect(content(grant.access_token)).toMatchObject({
      azp: 'hub-worker',
      preferred_username: 'service-account-hub-worker',
    });
  });
});
