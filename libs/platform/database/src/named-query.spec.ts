import { DataSource, QueryFailedError } from 'typeorm';
import { allOf, MAX_PREPARED_TEXTS, namedQuery } from './named-query';

describe('namedQuery', () => {
  // Statements on no table: the server's own database is enough (platform tests cannot use @hub/testing).
  const url = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('binds names (each once, however often used), arrays, and leaves casts alone', async () => {
    const rows = await namedQuery<{ a: string; b: string; n: number; ids: string[] }>(
      dataSource.manager,
      `SELECT :name::text AS a, :name AS b, cardinality(CAST(:ids AS uuid[]))::int AS n, CAST(:ids AS text[]) AS ids`,
      { name: "O'Brien; DROP TABLE x", ids: ['0a6e1d3c-5b1f-4c11-9d1a-000000000001'] },
    );
    expect(rows).toEqual([
      {
        a: "O'Brien; DROP TABLE x",
        b: "O'Brien; DROP TABLE x",
        n: 1,
        ids: ['0a6e1d3c-5b1f-4c11-9d1a-000000000001'],
      },
    ]);
  });

  it('composes fragments with allOf and refuses a name given twice with different values', async () => {
    const where = allOf({ sql: 'x > :low', params: { low: 1 } }, 'x IS NOT NULL', null, {
      sql: 'x < :high',
      params: { high: 4 },
    });
    const rows = await namedQuery<{ x: number }>(
      dataSource.manager,
      `SELECT x FROM generate_series(0, 5) AS x WHERE ${where.sql} ORDER BY x`,
      where.params,
    );
    expect(rows.map((row) => row.x)).toEqual([2, 3]);
    expect(() => allOf({ sql: ':a', params: { a: 1 } }, { sql: ':a', params: { a: 2 } })).toThrow(Error);
  });

  it('prepares a statement once per connection, with the answers and failures of an unprepared one', async () => {
    const sql = 'SELECT CAST(:n AS int) + 1 AS m, CAST(:now AS timestamptz) AS at';
    const now = new Date('2026-03-01T12:00:00.123Z');
    const [text] = dataSource.driver.escapeQueryWithParameters(sql, { n: 1, now });
    await dataSource.transaction(async (tx) => {
      const answers = [];
      for (const n of [1, 2, 3]) answers.push(await namedQuery(tx, sql, { n, now }, { prepare: true }));
      const prepared = (await tx.query(
        'SELECT count(*)::int AS statements FROM pg_prepared_statements WHERE statement = $1',
        [text],
      )) as { statements: number }[];
      expect({ answers, prepared }).toEqual({
        answers: [[{ m: 2, at: now }], [{ m: 3, at: now }], [{ m: 4, at: now }]],
        prepared: [{ statements: 1 }],
      });
      expect(answers).toEqual(await Promise.all([1, 2, 3].map((n) => namedQuery(tx, sql, { n, now }))));
    });
    const failure = await namedQuery(
      dataSource.manager,
      'SELECT 1 / CAST(:zero AS int)',
      { zero: 0 },
      { prepare: true },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
  });

  it('prepares at most MAX_PREPARED_TEXTS texts per process; a new text past them runs unprepared, with its answer', async () => {
    await dataSource.transaction(async (tx) => {
      // Texts of their own (one per n, as selections make them), each run once on this connection.
      const answers: number[] = [];
      for (let n = 0; n < MAX_PREPARED_TEXTS + 5; n += 1) {
        const [row] = await namedQuery<{ m: number }>(
          tx,
          `SELECT CAST(:n AS int) + ${n} AS m /* bound test */`,
          { n: 1 },
          { prepare: true },
        );
        answers.push(row.m);
      }
      const [{ statements }] = (await tx.query(
        `SELECT count(*)::int AS statements FROM pg_prepared_statements WHERE statement LIKE '%/* bound test */%'`,
      )) as { statements: number }[];
      expect(answers).toEqual(Array.from({ length: MAX_PREPARED_TEXTS + 5 }, (_, n) => n + 1));
      // Texts prepared by the earlier test count towards the bound too.
      expect(statements).toBeLessThanOrEqual(MAX_PREPARED_TEXTS);
      expect(statements).toBeGreaterThan(MAX_PREPARED_TEXTS - 5);
    });
  });
});
