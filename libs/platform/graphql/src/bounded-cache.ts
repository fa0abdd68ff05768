import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * What Apollo Server asks of a cache (`KeyValueCache` of @apollo/utils.keyvaluecache, which it
 * does not re-export): async get, set with an optional time to live in seconds, delete.
 */
export interface KeyValueCache<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/**
 * Least-recently-used, bounded by what its entries cost in memory (`sizeOf`, in any unit `maxSize`
 * is given in) and by their number. An entry larger than `maxSize` is not kept at all.
 */
export class BoundedCache<V extends object | string> implements KeyValueCache<V> {
  private readonly cache: LRUCache<string, V>;

  constructor(options: { maxSize: number; maxEntries: number; sizeOf(value: V): number }) {
    this.cache = new LRUCache<string, V>({
      max: options.maxEntries,
      maxSize: options.maxSize,
      sizeCalculation: (value) => Math.max(1, Math.ceil(options.sizeOf(value))),
    });
  }

  async get(key: string): Promise<V | undefined> {
    return this.cache.get(key);
  }

  async set(key: string, value: V, options?: { ttl?: number | null }): Promise<void> {
    this.cache.set(key, value, options?.ttl ? { ttl: options.ttl * 1000 } : undefined);
  }

  async delete(key: string): Promise<boolean> {
    return this.cache.delete(key);
  }

  /** Entries kept, and their total size (for tests and the curious). */
  get entries(): number {
    return this.cache.size;
  }
  get size(): number {
    return this.cache.calculatedSize;
  }
}

/**
 * Characters of GraphQL source whose parsed documents Apollo keeps (the document store: a known
 * operation skips parsing and validation). A parsed document costs ≈ 40 bytes of heap per
 * character of its source (its tokens and locations included; measured on a 300-character
 * `createReferral`), so this is ≈ 10 MB: hundreds of operations, far more than the clients' own.
 * Apollo's default (30 MiB counted as the documents' JSON, ≈ 130 MB of heap) filled up with
 * documents seen once when a client wrote values into the text instead of variables (issue 12).
 */
export const DOCUMENT_STORE_CHARACTERS = 250_000;
/** And at most this many documents, whatever their length. */
export const DOCUMENT_STORE_ENTRIES = 1_000;

/** Apollo's document store, bounded by the length of the documents' source. */
export function documentStore(): BoundedCache<DocumentNode> {
  return new BoundedCache<DocumentNode>({
    maxSize: DOCUMENT_STORE_CHARACTERS,
    maxEntries: DOCUMENT_STORE_ENTRIES,
    // The parsed document's location spans its whole source.
    sizeOf: (document) => document.loc?.end ?? 1_000,
  });
}

/**
 * Apollo's general cache, used by automatic persisted queries (a client registers a query text
 * under its hash): characters of query text kept, ≈ 2 MB. Apollo's default keeps 30 MiB.
 */
export const APOLLO_CACHE_CHARACTERS = 1_000_000;
export const APOLLO_CACHE_ENTRIES = 2_000;

export function apolloCache(): BoundedCache<string> {
  return new BoundedCache<string>({
    maxSize: APOLLO_CACHE_CHARACTERS,
    maxEntries: APOLLO_CACHE_ENTRIES,
    sizeOf: (text) => text.length,
  });
}
