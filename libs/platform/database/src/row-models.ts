/**
 * Models made from rows read with only the columns a request needs (docs/benchmarks.md): a hot
 * page reads, of its own table and of each table it joins, the columns the fields its request
 * selects are made of, not every column of the entity.
 *
 * A domain declares each model field made from the row once (`FieldFromRow`: the columns it reads
 * and how), and, for the GraphQL fields resolved elsewhere, the columns they look up by. A reader
 * per set of columns builds models with the fields those columns make; any other field made from
 * the row throws when read, so a column left out of a declaration is an error in every test that
 * selects the field, never a silent null. Under test (NODE_ENV=test) a field's `read` also sees
 * only the columns read: one that reads a column it does not declare throws instead of computing
 * from `undefined`.
 */

/** How one model field is made from a row: the row's columns it reads, and how. */
export interface FieldFromRow<Row, Context, Value> {
  columns: readonly (keyof Row & string)[];
  read(row: Row, context: Context): Value;
}

/** Builds models from rows read with some columns: the fields those columns make, no others. */
export interface RowReader<Row, Context, Model> {
  readonly columns: ReadonlySet<keyof Row & string>;
  toModel(row: Partial<Row>, context: Context): Model;
}

/** A bound on the readers kept: selections are few; a hostile client's variety costs a rebuild, not memory. */
const MAX_READERS = 256;

const CHECK_COLUMNS = process.env.NODE_ENV === 'test';

export class RowModels<Row, Context, Model> {
  /** Every column some field is made of: what a request reads when it does not say what it needs. */
  readonly allColumns: ReadonlySet<keyof Row & string>;
  private readonly readers = new Map<string, RowReader<Row, Context, Model>>();

  /**
   * `fromRow`: each model field made from the row. `rowColumns`: every column a row can have (so
   * that under test a read of one not read is caught; spelled as a record so the compiler sees
   * them all).
   */
  constructor(
    private readonly name: string,
    private readonly fromRow: { [K in keyof Model]?: FieldFromRow<Row, Context, Model[K]> },
    private readonly rowColumns: Record<keyof Row & string, true>,
  ) {
    this.allColumns = new Set(this.fields().flatMap(([, field]) => field.columns));
  }

  /** The columns each field made from the row reads, by field: the start of a selection map. */
  fieldColumns(): Record<string, readonly (keyof Row & string)[]> {
    return Object.fromEntries(this.fields().map(([name, field]) => [name, field.columns]));
  }

  /**
   * The columns answering `fields` needs: `always`, and each field's by `fieldColumns`. A field the
   * map does not know (added to the schema without it) reads every column: slower, never wrong.
   */
  columnsFor(
    fields: Iterable<string>,
    fieldColumns: Readonly<Record<string, readonly (keyof Row & string)[]>>,
    always: readonly (keyof Row & string)[],
  ): ReadonlySet<keyof Row & string> {
    const columns = new Set(always);
    for (const field of fields) {
      const needs = fieldColumns[field];
      if (!needs) return new Set([...this.allColumns, ...always]);
      for (const column of needs) columns.add(column);
    }
    return columns;
  }

  /** The reader for rows of these columns (one per set, kept). */
  reader(columns: ReadonlySet<keyof Row & string>): RowReader<Row, Context, Model> {
    const key = [...columns].sort().join(',');
    let reader = this.readers.get(key);
    if (!reader) {
      reader = this.makeReader(columns);
      if (this.readers.size >= MAX_READERS) this.readers.clear();
      this.readers.set(key, reader);
    }
    return reader;
  }

  private makeReader(columns: ReadonlySet<keyof Row & string>): RowReader<Row, Context, Model> {
    const made: [string, (row: Row, context: Context) => unknown][] = [];
    const unread: PropertyDescriptorMap = {};
    for (const [field, { columns: needs, read }] of this.fields()) {
      if (needs.every((column) => columns.has(column))) made.push([field, read]);
      else
        unread[field] = {
          get: () => {
            throw new Error(`${this.name}.${field}: its columns were not read`);
          },
        };
    }
    // The models of one reader share this prototype and get their fields in one order: one shape.
    const proto = Object.keys(unread).length
      ? (Object.create(Object.prototype, unread) as object)
      : Object.prototype;
    const check = CHECK_COLUMNS ? (row: Partial<Row>) => this.onlyColumns(row, columns) : undefined;
    return {
      columns,
      toModel(row, context) {
        const source = (check ? check(row) : row) as Row;
        const model = Object.create(proto) as Record<string, unknown>;
        for (const [field, read] of made) model[field] = read(source, context);
        return model as Model;
      },
    };
  }

  /** The row as a field's `read` may see it under test: a column not read throws. */
  private onlyColumns(row: Partial<Row>, columns: ReadonlySet<keyof Row & string>): Partial<Row> {
    const { rowColumns, name } = this;
    return new Proxy(row, {
      get(target, key, receiver) {
        if (typeof key === 'string' && key in rowColumns && !columns.has(key as keyof Row & string)) {
          throw new Error(`${name} row: column ${key} was not read`);
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }

  private fields(): [string, FieldFromRow<Row, Context, unknown>][] {
    return Object.entries(this.fromRow) as [string, FieldFromRow<Row, Context, unknown>][];
  }
}
