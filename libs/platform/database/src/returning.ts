import type { DeepPartial, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Tx } from './transaction';

/**
 * The rows an INSERT or UPDATE answered with `RETURNING *` (the builder's `result.raw`), as
 * entities: each column goes to its property by the entity's metadata, the way TypeORM maps the
 * columns an insert returns. So a write answers the stored row in its one statement without a
 * repository spelling the columns again in a hand mapper.
 */
export function returnedEntities<E extends ObjectLiteral>(
  tx: Tx,
  entity: EntityTarget<E>,
  raw: unknown,
): E[] {
  const metadata = tx.connection.getMetadata(entity);
  const rows = Array.isArray(raw) ? (raw as ObjectLiteral[]) : [];
  return rows.map((row) =>
    tx.create(entity, (tx.connection.driver.createGeneratedMap(metadata, row) ?? {}) as DeepPartial<E>),
  );
}
