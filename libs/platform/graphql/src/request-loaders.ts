import DataLoader from 'dataloader';

const loaders = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

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
  }
  return loader;
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
