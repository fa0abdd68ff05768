import autocannon from 'autocannon';
import { Fixtures, Workload } from './workloads';
import { Target } from './targets';

/** One request of a workload to a target: the hub gets GraphQL, the floor its own path. */
export interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export function callFor(
  workload: Workload,
  target: Target,
  token: string | undefined,
  n: number,
  fixtures: Fixtures,
): Call {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (target.kind === 'floor') {
    if (!workload.floor) throw new Error(`the floor does not answer ${workload.id}`);
    return { method: 'GET', path: workload.floor(n, fixtures), headers };
  }
  return {
    method: 'POST',
    path: new URL(target.url).pathname,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      query: workload.document?.(n, fixtures) ?? workload.query,
      variables: workload.variables(n, fixtures),
    }),
  };
}

const ANSWER_TIMEOUT_SECONDS = 60;
const DATA = /^\{\s*"data"\s*:\s*\{/;
const ERRORS = /"errors"\s*:/;

/** Whether an answer is a complete one: HTTP 200, data, no GraphQL error (the floor's JSON has spaces). */
export function answered(status: number, body: string): boolean {
  return status === 200 && DATA.test(body) && !ERRORS.test(body);
}

export interface LoadResult {
  responses: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Responses that were not complete answers (see `answered`), plus connection errors. */
  failures: number;
  firstFailure: string | null;
}

/**
 * Keeps `connections` requests in flight for `seconds` (or until `amount` requests were sent) with
 * autocannon, each built by `call(n)` with n counting up across the run, and checks every answer.
 */
export async function load(
  target: Target,
  call: (n: number) => Call,
  options: { connections: number; start: number } & ({ seconds: number } | { amount: number }),
): Promise<LoadResult> {
  let n = options.start;
  let failures = 0;
  let firstFailure: string | null = null;
  const origin = new URL(target.url).origin;
  const result = await autocannon({
    url: origin,
    connections: options.connections,
    ...('amount' in options ? { amount: options.amount } : { duration: options.seconds }),
    // A slow answer is measured as one (its latency), not dropped as a timeout.
    timeout: ANSWER_TIMEOUT_SECONDS,
    requests: [
      {
        setupRequest: (request) => {
          const next = call(n++);
          return { ...request, method: next.method, path: next.path, headers: next.headers, body: next.body };
        },
        onResponse: (status, body) => {
          if (answered(status, body)) return;
          failures += 1;
          firstFailure ??= `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  if (result.errors > 0)
    firstFailure ??= `${result.errors} connection errors or answers slower than ${ANSWER_TIMEOUT_SECONDS} s`;
  return {
    responses: result['2xx'] + result.non2xx,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: failures + result.errors,
    firstFailure,
  };
}
