import DataLoader from 'dataloader';

const loaders = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();
/** Values a parent's query already brought for a loader not yet made (primed when it is). */
const primed = new WeakMap<object, Map<string, Map<unknown, unknown>>>();

/**
 * A DataLoader that lives as long as one request (keyed on the request object), so field
 * resolvers batch into one query per page whatever the page size, and nothing is cached across
 * callers with different rights.
 */
export function requestLoader<K, V>(
  request: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V> {
  let perRequest = loaders.get(request);
  if (!perRequest) {
    perRequest = new Map();
    loaders.set(request, perRequest);
  }
  let loader = perRequest.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    perRequest.set(name, loader as DataLoader<unknown, unknown>);
    const waiting = primed.get(request)?.get(name);
    if (waiting) {
      for (const [key, value] of waiting) loader.prime(key as K, value as V);
      primed.get(request)?.delete(name);
    }
  }
  return loader;
}

/**
 * Gives the request's loader `name` values a parent's query already read (a page that brought
 * each row's agency, last event, survivor in its one statement), so the field resolvers that ask
 * the loader for them find them and issue nothing. Same keys and values as the loader's batch
 * would answer; a key already loaded keeps its value.
 */
export function primeRequestLoader<K, V>(
  request: object,
  name: string,
  entries: Iterable<readonly [K, V]>,
): void {
  const loader = loaders.get(request)?.get(name);
  if (loader) {
    for (const [key, value] of entries) loader.prime(key, value);
    return;
  }
  let perRequest = primed.get(request);
  if (!perRequest) {
    perRequest = new Map();
    primed.set(request, perRequest);
  }
  const waiting = perRequest.get(name) ?? new Map<unknown, unknown>();
  for (const [key, value] of entries) if (!waiting.has(key)) waiting.set(key, value);
  perRequest.set(name, waiting);
}

/** Orders batch results to match the keys (DataLoader's contract), grouping many rows per key. */
export function groupByKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
