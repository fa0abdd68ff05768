import { Column, DataSource, Entity, PrimaryColumn, QueryRunner } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { returnedEntities } from './returning';

@Entity('returning_probe')
class ProbeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('date', { nullable: true })
  heldOn: string | null;

  @Column('numeric', { precision: 4, scale: 2 })
  hours: string;

  @Column('text', { array: true })
  tags: string[];

  @Column('timestamptz')
  createdAt: Date;

  @Column('integer', { transformer: { to: (value: number) => value, from: (value: number) => value * 10 } })
  scaled: number;
}

describe('returnedEntities', () => {
  // A temporary table on the server's own database (platform tests cannot use @hub/testing), on one
  // connection so the table is there for every statement.
  const url = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let dataSource: DataSource;
  let runner: QueryRunner;

  beforeAll(async () => {
    dataSource = await new DataSource(
      dataSourceOptions({ url, entities: [ProbeEntity], poolSize: 1 }),
    ).initialize();
    runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.query(`CREATE TEMP TABLE returning_probe (id uuid PRIMARY KEY, held_on date, hours numeric(4, 2) NOT NULL,
      tags text[] NOT NULL, created_at timestamptz NOT NULL, scaled integer NOT NULL)`);
  });
  afterAll(async () => {
    await runner.release();
    await dataSource.destroy();
  });

  it('hydrates RETURNING * rows as a read through the entity does', async () => {
    const id = '0a6e1d3c-5b1f-4c11-9d1a-000000000001';
    const result = await runner.manager
      .createQueryBuilder()
      .insert()
      .into(ProbeEntity)
      .values({
        id,
        heldOn: '2026-03-01',
        hours: '1.50',
        tags: ['a', 'b'],
        createdAt: new Date('2026-03-01T23:30:00Z'),
        scaled: 4,
      })
      .returning('*')
      .execute();
    const [returned] = returnedEntities(runner.manager, ProbeEntity, result.raw);
    const read = await runner.manager.findOneByOrFail(ProbeEntity, { id });
    expect(returned).toBeInstanceOf(ProbeEntity);
    expect(returned).toEqual(read);
    expect(returned).toEqual({
      id,
      heldOn: '2026-03-01',
      hours: '1.50',
      tags: ['a', 'b'],
      createdAt: new Date('2026-03-01T23:30:00Z'),
      scaled: 40,
    });
  });

  it('answers no entities for no rows', () => {
    expect(returnedEntities(runner.manager, ProbeEntity, [])).toEqual([]);
    expect(returnedEntities(runner.manager, ProbeEntity, undefined)).toEqual([]);
  });
});
