import { DataSource } from 'typeorm';
import { allOf, namedQuery } from './named-query';

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
});
