import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The rows an INSERT or UPDATE gave back (`.returning('*')`: column names, driver values) as the
 * entities a read would give: each column hydrated as its entity declares it (a `date` stays a
 * 'YYYY-MM-DD' string). A write then answers with its row in one statement, and no repository
 * spells its columns again in a mapper. TypeORM's own entity update after a write does not
 * hydrate (a `date` would come back as a Date), hence this.
 */
export function returnedEntities<E extends ObjectLiteral>(
  runner: EntityManager,
  target: EntityTarget<E>,
  rows: unknown,
): E[] {
  if (!Array.isArray(rows)) throw new Error('returnedEntities: expected the rows of a RETURNING clause');
  const metadata = runner.connection.getMetadata(target);
  const { driver } = runner.connection;
  return rows.map((row: Record<string, unknown>) => {
    const entity = metadata.create() as E;
    for (const column of metadata.columns) {
      if (column.databaseName in row) {
        column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
      }
    }
    return entity;
  });
}
