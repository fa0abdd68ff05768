import { parse } from 'graphql';
import {
  APOLLO_CACHE_CHARACTERS,
  APOLLO_CACHE_ENTRIES,
  apolloCache,
  BoundedCache,
  DOCUMENT_STORE_CHARACTERS,
  DOCUMENT_STORE_ENTRIES,
  documentStore,
} from './bounded-cache';
import { graphqlOptions } from './graphql-options';
import { graphqlConfig } from './graphql.config';

/** A document text never seen before for each n: values written into it instead of variables. */
const inlined = (n: number) =>
  `mutation { createReferral(input: { idempotencyKey: "key-${n}", needs: [VICTIM_ADVOCACY], urgency: ROUTINE }) { referral { id } } }`;

describe('the caches Apollo keeps per document are bounded', () => {
  it('the document store never holds more than its characters of source or its number of documents, and keeps the one in use', async () => {
    const store = documentStore();
    const hot = parse(
      'query Inbox($first: Int!) { referrals(box: RECEIVED, first: $first) { edges { node { id } } } }',
    );
    await store.set('hot', hot);
    for (let n = 0; n < 5_000; n++) {
      await store.set(`doc-${n}`, parse(inlined(n)));
      // The operation clients send all the time stays: least recently used goes first.
      if (n % 100 === 0) expect(await store.get('hot')).toBe(hot);
      expect(store.size).toBeLessThanOrEqual(DOCUMENT_STORE_CHARACTERS);
      expect(store.entries).toBeLessThanOrEqual(DOCUMENT_STORE_ENTRIES);
    }
    expect(store.entries).toBeGreaterThan(100);
    expect(await store.get('doc-0')).toBeUndefined();
    expect(await store.get('doc-4999')).toBeDefined();
  });

  it('short documents are bounded by their number', async () => {
    const store = documentStore();
    for (let n = 0; n < DOCUMENT_STORE_ENTRIES * 2; n++) await store.set(`doc-${n}`, parse(`{ a${n} }`));
    expect(store.entries).toBe(DOCUMENT_STORE_ENTRIES);
  });

  it('a document longer than the whole store is not kept (it is parsed again next time)', async () => {
    const store = documentStore();
    const huge = parse(
      `{ ${Array.from({ length: DOCUMENT_STORE_CHARACTERS / 4 }, (_, i) => `f${i}`).join(' ')} }`,
    );
    expect(huge.loc?.end).toBeGreaterThan(DOCUMENT_STORE_CHARACTERS);
    await store.set('huge', huge);
    expect(await store.get('huge')).toBeUndefined();
    expect(store.entries).toBe(0);
  });

  it('the cache of persisted query texts never holds more than its characters or entries', async () => {
    const cache = apolloCache();
    for (let n = 0; n < 20_000; n++) {
      await cache.set(`apq:${n}`, inlined(n), { ttl: 300 });
      expect(cache.size).toBeLessThanOrEqual(APOLLO_CACHE_CHARACTERS);
      expect(cache.entries).toBeLessThanOrEqual(APOLLO_CACHE_ENTRIES);
    }
    expect(await cache.get('apq:19999')).toBe(inlined(19_999));
  });

  it('the API hands both to Apollo', () => {
    const options = graphqlOptions({
      config: graphqlConfig.schema.parse({}),
      production: true,
      logger: { error: () => undefined, warn: () => undefined },
    } as unknown as Parameters<typeof graphqlOptions>[0]);
    expect(options.documentStore).toBeInstanceOf(BoundedCache);
    expect(options.cache).toBeInstanceOf(BoundedCache);
  });
});
