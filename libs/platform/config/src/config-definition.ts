import { z } from 'zod';

/**
 * One slice of configuration, owned by the lib that uses it (database, auth, graphql…), so no
 * single class grows with every change. Keys of the schema are the environment variable names.
 */
export interface ConfigDefinition<S extends z.ZodObject<z.ZodRawShape>> {
  readonly namespace: string;
  readonly schema: S;
  /** Injection token for the parsed values. */
  readonly token: symbol;
}

export type ConfigOf<D> = D extends ConfigDefinition<infer S> ? z.infer<S> : never;

export function defineConfig<S extends z.ZodObject<z.ZodRawShape>>(
  namespace: string,
  schema: S,
): ConfigDefinition<S> {
  return { namespace, schema, token: Symbol.for(`hub.config.${namespace}`) };
}

/** A bad or missing variable: the message names every offending variable, so start-up fails clearly. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses one slice from the environment; empty strings count as unset. */
export function loadConfig<S extends z.ZodObject<z.ZodRawShape>>(
  definition: ConfigDefinition<S>,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const input: Record<string, string> = {};
  for (const key of Object.keys(definition.schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = definition.schema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? definition.namespace),
        message: issue.message,
      })),
    );
  }
  return result.data;
}

/** Validates every slice at once and reports all problems together. */
export function validateAll(
  definitions: readonly ConfigDefinition<z.ZodObject<z.ZodRawShape>>[],
  env: NodeJS.ProcessEnv = process.env,
): void {
  const problems: { variable: string; message: string }[] = [];
  for (const definition of definitions) {
    try {
      loadConfig(definition, env);
    } catch (error) {
      if (error instanceof ConfigError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

/** The environment variables a set of slices reads, for docs and for checking deployment files. */
export function environmentVariables(
  definitions: readonly ConfigDefinition<z.ZodObject<z.ZodRawShape>>[],
): { name: string; namespace: string; required: boolean; description: string | undefined }[] {
  return definitions.flatMap((definition) =>
    Object.entries(definition.schema.shape).map(([name, field]) => {
      const type = field as z.ZodType;
      return {
        name,
        namespace: definition.namespace,
        required: !type.safeParse(undefined).success,
        description: type.description,
      };
    }),
  );
}

/** Helpers for the string-typed environment. */
export const env = {
  boolean: () =>
    z
      .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
      .transform((v) => v === 'true' || v === '1'),
  int: (min: number, max: number) => z.coerce.number().int().min(min).max(max),
  /**
   * An absolute URL with one of these schemes (default http and https). A bare `host:port` parses
   * as a URL whose scheme is the host, so without the scheme check it passes and fails later.
   */
  url: (schemes: readonly string[] = ['http', 'https']) =>
    z.url({
      protocol: new RegExp(`^(${schemes.map((scheme) => scheme.replace(/[^a-z0-9+.-]/gi, '')).join('|')})$`),
      message: `must be an absolute ${schemes.join(' or ')} URL, e.g. ${schemes[0]}://host:port`,
    }),
};

/**
 * Where a process's HTTP server listens and how long it may take to stop (the API; the worker,
 * whose server only answers health checks): the same variables everywhere, each process its defaults.
 */
export function serverConfigFor(namespace: string, defaults: { port: number; shutdownTimeoutMs: number }) {
  return defineConfig(
    namespace,
    z.object({
      NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Runtime mode'),
      HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on'),
      PORT: z.coerce
        .number()
        .int()
        .min(0)
        .max(65535)
        .default(defaults.port)
        .describe('HTTP port (0 = any free port)'),
      SHUTDOWN_TIMEOUT_MS: z.coerce
        .number()
        .int()
        .min(0)
        .max(120_000)
        .default(defaults.shutdownTimeoutMs)
        .describe('Grace period on SIGTERM'),
    }),
  );
}
