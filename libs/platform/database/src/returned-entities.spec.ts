import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { returnedEntities } from './returned-entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

@Entity({ name: 'returned_thing' })
class ReturnedThingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('date', { nullable: true })
  bornOn: string | null;

  @Column('jsonb')
  details: { kind: string }[];

  @Column('text', { array: true })
  tags: string[];

  @Column('integer')
  version: number;

  @Column('timestamptz')
  createdAt: Date;
}

describe('returnedEntities', () => {
  // A temporary table on the server's own database (platform tests cannot use @hub/testing); one
  // connection, so the table is there for every statement.
  const url = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource({
      type: 'postgres',
      url,
      entities: [ReturnedThingEntity],
      namingStrategy: new SnakeNamingStrategy(),
      installExtensions: false,
      extra: { max: 1 },
    }).initialize();
    await dataSource.query(`CREATE TEMP TABLE returned_thing (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), born_on date, details jsonb NOT NULL DEFAULT '[]',
      tags text[] NOT NULL DEFAULT '{}', version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now())`);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('hydrates the rows of INSERT … RETURNING * and UPDATE … RETURNING * as a read does', async () => {
    const inserted = await dataSource
      .createQueryBuilder()
      .insert()
      .into(ReturnedThingEntity)
      .values({ bornOn: '2001-02-28', details: [{ kind: 'a' }] })
      .returning('*')
      .execute();
    const [thing] = returnedEntities(dataSource.manager, ReturnedThingEntity, inserted.raw);
    const read = await dataSource.getRepository(ReturnedThingEntity).findOneByOrFail({ id: thing.id });
    expect(thing).toBeInstanceOf(ReturnedThingEntity);
    expect(thing).toEqual(read);
    expect(thing).toMatchObject({ bornOn: '2001-02-28', details: [{ kind: 'a' }], tags: [], version: 1 });

    const updated = await dataSource
      .createQueryBuilder()
      .update(ReturnedThingEntity)
      .set({ bornOn: null, tags: ['x'], version: () => 'version + 1' })
      .where('id = :id', { id: thing.id })
      .returning('*')
      .execute();
    expect(returnedEntities(dataSource.manager, ReturnedThingEntity, updated.raw)).toEqual([
      { ...read, bornOn: null, tags: ['x'], version: 2 },
    ]);
  });

  it('refuses what is not a list of rows', () => {
    expect(() => returnedEntities(dataSource.manager, ReturnedThingEntity, 3)).toThrow(Error);
  });
});
