import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { DatabaseUnavailableError, describeDatabaseUrl, initializeDataSource } from './connect';
import { dataSourceOptions } from './data-source-options';

/** A port nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('describeDatabaseUrl', () => {
  it('keeps host, port, database and user, and drops the password', () => {
    expect(describeDatabaseUrl('postgres://hub_api:s%40cret@db.internal:6432/hub')).toEqual({
      host: 'db.internal',
      port: 6432,
      database: 'hub',
      user: 'hub_api',
    });
    expect(describeDatabaseUrl('postgresql://u@h/d').port).toBe(5432);
  });
});

describe('initializeDataSource', () => {
  it('fails at once with DatabaseUnavailableError naming the target, not the password', async () => {
    const port = await closedPort();
    const url = `postgres://hub_api:pw-${port}-secret@127.0.0.1:${port}/hub`;
    const dataSource = new DataSource(dataSourceOptions({ url }));
    const error: unknown = await initializeDataSource(dataSource, url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const unavailable = error as DatabaseUnavailableError;
    expect({ target: unavailable.target, code: unavailable.code }).toEqual({
      target: { host: '127.0.0.1', port, database: 'hub', user: 'hub_api' },
      code: 'ECONNREFUSED',
    });
    expect(JSON.stringify({ ...unavailable, message: unavailable.message })).not.toContain(
      `pw-${port}-secret`,
    );
    expect(dataSource.isInitialized).toBe(false);
  });
});

describe('dataSourceOptions', () => {
  it('never lets TypeORM create extensions (the API role may not; migrations own the schema)', () => {
    expect(dataSourceOptions({ url: 'postgres://u@h/d' })).toMatchObject({ installExtensions: false });
  });
});
