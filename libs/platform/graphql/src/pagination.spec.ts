import { decodeCursor, encodeCursor, Keyset } from './pagination';
import { isSafeText } from './safe-text';

const ID = '0a6e1d3c-5b1f-4c11-9d1a-000000000001';
const AT = '2026-03-01T12:34:56.123456Z';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
}

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote, for every kind', () => {
    expect(decodeCursor(encodeCursor(['Harbor Light', ID]), ['text', 'uuid'])).toEqual(['Harbor Light', ID]);
    expect(decodeCursor(encodeCursor([AT, ID]), ['timestamp', 'uuid'])).toEqual([AT, ID]);
    expect(decodeCursor(encodeCursor([AT, '9223372036854775807']), ['timestamp', 'bigint'])).toEqual([
      AT,
      '9223372036854775807',
    ]);
  });

  it.each([
    ['not base64 JSON', '!!!', ['text', 'uuid']],
    ['an object', b64({ name: 'x', id: ID }), ['text', 'uuid']],
    ['the wrong arity', b64([ID]), ['text', 'uuid']],
    ['a number part', b64([1, ID]), ['text', 'uuid']],
    ['a non-UUID id', b64(['x', "1' OR '1'='1"]), ['text', 'uuid']],
    ['NUL in text', b64(['Harbor\u0000', ID]), ['text', 'uuid']],
    ['an unpaired surrogate in text', b64(['Harbor\uD800', ID]), ['text', 'uuid']],
    ['an impossible date', b64(['2026-02-30T00:00:00.000000Z', ID]), ['timestamp', 'uuid']],
    ['an impossible hour', b64(['2026-03-01T25:00:00.000000Z', ID]), ['timestamp', 'uuid']],
    ['a millisecond timestamp', b64(['2026-03-01T12:34:56.123Z', ID]), ['timestamp', 'uuid']],
    ['a bigint over int8', b64([AT, '9223372036854775808']), ['timestamp', 'bigint']],
    ['a negative bigint', b64([AT, '-1']), ['timestamp', 'bigint']],
  ] as const)('refuses %s as BAD_USER_INPUT', (_name, cursor, kinds) => {
    expect(codeOf(() => decodeCursor(cursor, kinds))).toBe('BAD_USER_INPUT');
  });
});

describe('isSafeText', () => {
  it.each([
    ['plain text', true, 'Harbor Light'],
    ['a surrogate pair (emoji)', true, 'ok \uD83D\uDE00'],
    ['NUL', false, 'a\u0000b'],
    ['a lone high surrogate', false, 'a\uD800b'],
    ['a lone low surrogate', false, 'a\uDC00b'],
    ['a high surrogate at the end', false, 'a\uD800'],
  ])('%s → safe: %s', (_name, safe, value) => {
    expect(isSafeText(value)).toBe(safe);
  });
});

describe('Keyset', () => {
  const newestFirst = new Keyset(
    [
      { sql: 't.created_at', kind: 'timestamp' },
      { sql: 't.id', kind: 'uuid' },
    ],
    'DESC',
  );

  it('pages after the cursor in its direction, with its own named parameters', () => {
    const page = newestFirst.page({ first: 5, after: encodeCursor([AT, ID]) });
    expect(page.limit).toBe(6);
    expect(page.orderBy).toBe('t.created_at DESC, t.id DESC');
    expect(Object.values(page.after.params)).toEqual([AT, ID]);
    const [at, id] = Object.keys(page.after.params);
    expect(page.after.sql).toBe(`(t.created_at, t.id) < (CAST(:${at} AS timestamptz), CAST(:${id} AS uuid))`);
    const again = newestFirst.page({ first: 5, after: encodeCursor([AT, ID]) });
    expect(Object.keys(again.after.params)).not.toEqual(Object.keys(page.after.params));
  });

  it('starts at the top without a cursor and refuses a forged one as BAD_USER_INPUT', () => {
    expect(newestFirst.page({}).after).toEqual({ sql: 'TRUE', params: {} });
    expect(codeOf(() => newestFirst.page({ after: encodeCursor(['Harbor', ID]) }))).toBe('BAD_USER_INPUT');
  });

  it('builds the connection from the cursor columns of the fetched rows', () => {
    const page = newestFirst.page({ first: 1 });
    const rows = [
      { keyset_0: AT, keyset_1: ID, name: 'a' },
      { keyset_0: AT, keyset_1: ID, name: 'b' },
    ];
    const connection = newestFirst.connection(rows, page, (row) => row.name);
    expect(connection.edges.map((edge) => edge.node)).toEqual(['a']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor([AT, ID]) });
  });
});
