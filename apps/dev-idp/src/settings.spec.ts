import { ConfigError } from '@hub/config';
import { loadDevIdpSettings } from './settings';

describe('loadDevIdpSettings', () => {
  it('defaults to the contract URL and a key file under the repo root', () => {
    expect(loadDevIdpSettings({}, '/repo')).toEqual({
      host: '127.0.0.1',
      port: 8080,
      realm: 'taskforce',
      keyFile: '/repo/.dev-idp/keys.json',
      webOrigins: ['http://127.0.0.1:4200', 'http://localhost:4200'],
      production: false,
    });
  });

  it('reads every variable, resolving a relative key file against the working directory', () => {
    expect(
      loadDevIdpSettings(
        {
          DEV_IDP_HOST: '0.0.0.0',
          DEV_IDP_PORT: '0',
          DEV_IDP_REALM: 'demo-realm',
          DEV_IDP_KEY_FILE: 'tmp/keys.json',
          DEV_IDP_WEB_ORIGINS: 'https://hub.example.org, http://127.0.0.1:4300',
          NODE_ENV: 'production',
        },
        '/repo',
      ),
    ).toEqual({
      host: '0.0.0.0',
      port: 0,
      realm: 'demo-realm',
      keyFile: '/repo/tmp/keys.json',
      webOrigins: ['https://hub.example.org', 'http://127.0.0.1:4300'],
      production: true,
    });
  });

  it('names each bad variable', () => {
    let caught: unknown;
    try {
      loadDevIdpSettings(
        { DEV_IDP_PORT: '70000', DEV_IDP_REALM: 'a/b', DEV_IDP_WEB_ORIGINS: 'http://ok:1,https://x/path' },
        '/repo',
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.map((problem) => problem.variable)).toEqual([
      'DEV_IDP_PORT',
      'DEV_IDP_REALM',
      'DEV_IDP_WEB_ORIGINS',
    ]);
  });
});
