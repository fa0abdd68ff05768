import { z } from 'zod';
import {
  ConfigError,
  defineConfig,
  env,
  environmentVariables,
  loadConfig,
  validateAll,
} from './config-definition';

const database = defineConfig(
  'database',
  z.object({ DATABASE_URL: env.url(['postgres']), POOL_SIZE: env.int(1, 50).default(10) }),
);
const logging = defineConfig('logging', z.object({ LOG_PRETTY: env.boolean().default(false) }));

describe('configuration', () => {
  it('parses and applies defaults', () => {
    expect(loadConfig(database, { DATABASE_URL: 'postgres://x@h/db' })).toEqual({
      DATABASE_URL: 'postgres://x@h/db',
      POOL_SIZE: 10,
    });
  });

  it('names the missing variable', () => {
    expect(() => loadConfig(database, {})).toThrow(/DATABASE_URL/);
  });

  it('names every bad variable across slices at once', () => {
    try {
      validateAll([database, logging], { DATABASE_URL: 'nope', POOL_SIZE: '99', LOG_PRETTY: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
        'DATABASE_URL',
        'LOG_PRETTY',
        'POOL_SIZE',
      ]);
    }
  });

  describe('env.url', () => {
    const auth = defineConfig('auth', z.object({ AUTH_SERVER_URL: env.url() }));
    const problems = (value: string) => {
      try {
        loadConfig(auth, { AUTH_SERVER_URL: value });
        return [];
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return error.problems.map((p) => p.variable);
      }
    };

    it.each(['http://127.0.0.1:8080', 'https://id.example.org/realms/taskforce', 'HTTP://KEYCLOAK:8080'])(
      'accepts the http(s) URL %s',
      (value) => {
        expect(problems(value)).toEqual([]);
      },
    );

    it.each([
      '127.0.0.1:8080',
      'localhost:8080',
      'keycloak',
      'ftp://files.example.org',
      'javascript:alert(1)',
    ])('refuses %s with a ConfigError naming the variable', (value) => {
      expect(problems(value)).toEqual(['AUTH_SERVER_URL']);
    });

    it('takes other schemes when asked', () => {
      expect(loadConfig(database, { DATABASE_URL: 'postgres://x@h/db' }).DATABASE_URL).toBe(
        'postgres://x@h/db',
      );
      expect(() => loadConfig(database, { DATABASE_URL: 'http://h/db' })).toThrow(ConfigError);
    });
  });

  it('treats an empty string as unset', () => {
    expect(loadConfig(logging, { LOG_PRETTY: '' })).toEqual({ LOG_PRETTY: false });
  });

  it('lists the variables and whether they are required', () => {
    expect(environmentVariables([database, logging]).map((v) => [v.name, v.required])).toEqual([
      ['DATABASE_URL', true],
      ['POOL_SIZE', false],
      ['LOG_PRETTY', false],
    ]);
  });
});
