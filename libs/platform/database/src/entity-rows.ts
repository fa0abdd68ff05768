import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { NamedSql } from './named-query';

/**
 * Reading an entity's rows without TypeORM's hydration, for hot read paths (docs/benchmarks.md):
 * a select list made from the entity's metadata that names every column by its property, so the
 * driver's row already has the entity's shape — no mapper, and a column is still spelled only in
 * the entity and its migration. A `date` is read as 'YYYY-MM-DD' text, as TypeORM hydrates it;
 * a column type this does not know is refused at the first use, never silently read otherwise.
 */
const PLAIN_TYPES = new Set([
  'uuid',
  'text',
  'varchar',
  'character varying',
  'integer',
  'int',
  'smallint',
  'bigint',
  'boolean',
  'timestamptz',
  'timestamp with time zone',
  'jsonb',
  'json',
]);

interface Shape {
  properties: string[];
  primary: string;
  columns: ColumnMetadata[];
  /** Per prefix: each property's key in a row, and the primary key's (made once, not per row). */
  keys: Map<string, { pairs: [string, string][]; primary: string }>;
}
const shapes = new WeakMap<object, Shape>();

function shapeOf(runner: EntityManager, target: EntityTarget<ObjectLiteral>): Shape {
  const metadata = runner.connection.getMetadata(target);
  let shape = shapes.get(metadata);
  if (!shape) {
    for (const column of metadata.columns) {
      const type = String(column.type);
      if ((!PLAIN_TYPES.has(type) && type !== 'date') || column.transformer || column.embeddedMetadata) {
        throw new Error(`entityColumns: ${metadata.name}.${column.propertyName} (${type}) is not read raw`);
      }
    }
    shape = {
      properties: metadata.columns.map((column) => column.propertyName),
      primary: metadata.primaryColumns[0].propertyName,
      columns: metadata.columns,
      keys: new Map(),
    };
    shapes.set(metadata, shape);
  }
  return shape;
}

/**
 * `alias.column AS "<prefix>property", …` for every column of the entity, or for those of `only`
 * (property names; a name the entity does not have is refused). Always in the entity's order, so a
 * set of columns gives one text whatever order it was asked in (prepared statements, namedQuery).
 */
export function entityColumns(
  runner: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  alias: string,
  prefix = '',
  only?: ReadonlySet<string>,
): string {
  const shape = shapeOf(runner, target);
  if (only) {
    for (const property of only) {
      if (!shape.properties.includes(property)) throw new Error(`entityColumns: no column ${property}`);
    }
  }
  return shape.columns
    .filter((column) => !only || only.has(column.propertyName))
    .map((column) => {
      const sql = `${alias}.${column.databaseName}`;
      const value = String(column.type) === 'date' ? `to_char(${sql}, 'YYYY-MM-DD')` : sql;
      return `${value} AS "${prefix}${column.propertyName}"`;
    })
    .join(', ');
}

/** The entity under `prefix` in a row read with `entityColumns`; null when its primary key is null (no row joined). */
export function entityAt<E extends ObjectLiteral>(
  runner: EntityManager,
  target: EntityTarget<E>,
  row: Record<string, unknown>,
  prefix: string,
): E | null {
  const shape = shapeOf(runner, target);
  let keys = shape.keys.get(prefix);
  if (!keys) {
    keys = {
      pairs: shape.properties.map((property) => [`${prefix}${property}`, property]),
      primary: `${prefix}${shape.primary}`,
    };
    shape.keys.set(prefix, keys);
  }
  const id = row[keys.primary];
  if (id === null || id === undefined) return null;
  const entity: Record<string, unknown> = {};
  for (const [key, property] of keys.pairs) entity[property] = row[key];
  return entity as E;
}

/**
 * `entityAt` for one prefix and, given `only`, those columns alone (as `entityColumns` read them),
 * its keys spelled once: what a join's `read` runs for every row of a page.
 */
export function entityReader<E extends ObjectLiteral>(
  runner: EntityManager,
  target: EntityTarget<E>,
  prefix: string,
  only?: ReadonlySet<string>,
): (row: Record<string, unknown>) => Partial<E> | null {
  const shape = shapeOf(runner, target);
  // Whether a row was joined at all is read from the primary key.
  if (only && !only.has(shape.primary)) throw new Error(`entityReader: ${shape.primary} must be read`);
  const pairs = shape.properties
    .filter((property) => !only || only.has(property))
    .map((property) => [`${prefix}${property}`, property] as const);
  const primary = `${prefix}${shape.primary}`;
  return (row) => {
    const id = row[primary];
    if (id === null || id === undefined) return null;
    const entity: Record<string, unknown> = {};
    for (const [key, property] of pairs) entity[property] = row[key];
    return entity as Partial<E>;
  };
}

/**
 * What one domain adds to another's page query so that one statement brings each row's related
 * facts (its agency, its last event, its survivor as the caller may see it): a join on the page's
 * row (aliased `p`), the columns it adds under its own prefix, its parameters, and how to read them
 * back from a row.
 */
export interface JoinedPart<T> extends NamedSql {
  /** `LEFT JOIN … ON …` or `LEFT JOIN LATERAL (…) x ON TRUE`, referring to the page's row as `p`. */
  join: string;
  read(row: Record<string, unknown>): T;
}
