import { shutDownProcess } from '@hub/observability';

/** The API's shutdown (see shutDownProcess): its log lines say `api stopping`, `api stopped`. */
export function shutDown(
  app: { close(): Promise<void> },
  options: { signal: string; graceMs: number; write: (line: string) => void },
): Promise<number> {
  return shutDownProcess('api', app, options);
}
