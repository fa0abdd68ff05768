import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Tx } from './transaction';

/**
 * The rows an INSERT or UPDATE answered with `RETURNING *` (the builder's `result.raw`), as
 * entities: each column goes to its property by the entity's metadata and is hydrated as a read
 * through the entity would hydrate it (a `date` column as its 'YYYY-MM-DD' text, transformers
 * applied). So a write answers the stored row in its one statement without a repository spelling
 * the columns again in a hand mapper.
 */
export function returnedEntities<E extends ObjectLiteral>(
  tx: Tx,
  entity: EntityTarget<E>,
  raw: unknown,
): E[] {
  const metadata = tx.connection.getMetadata(entity);
  const { driver } = tx.connection;
  const rows = Array.isArray(raw) ? (raw as ObjectLiteral[]) : [];
  return rows.map((row) => {
    const hydrated = metadata.create() as E;
    for (const [name, value] of Object.entries(row)) {
      const column = metadata.findColumnWithDatabaseName(name);
      if (column) column.setEntityValue(hydrated, driver.prepareHydratedValue(value, column));
    }
    return hydrated;
  });
}
