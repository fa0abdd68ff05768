import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';

/**
 * A TypeORM logger that keeps the last SELECT matching `pattern`, so an integration test can ask
 * PostgreSQL how it would run the very statement a repository sent (an index for every list).
 */
export class LastQuery implements TypeOrmLogger {
  sql = '';
  params: unknown[] = [];
  /** With `{ keepAll: true }`: every statement matching `pattern` so far (clear it to look at one run). */
  readonly seen: { sql: string; params: unknown[] }[] = [];

  constructor(
    private readonly pattern = /^\s*SELECT/i,
    private readonly options: { keepAll?: boolean } = {},
  ) {}

  logQuery(query: string, parameters?: unknown[]): void {
    if (this.pattern.test(query) && !query.includes('EXPLAIN')) {
      this.sql = query;
      this.params = parameters ?? [];
      if (this.options.keepAll) this.seen.push({ sql: query, params: this.params });
    }
  }
  logQueryError(): void {
    return undefined;
  }
  logQuerySlow(): void {
    return undefined;
  }
  logSchemaBuild(): void {
    return undefined;
  }
  logMigration(): void {
    return undefined;
  }
  log(): void {
    return undefined;
  }
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of the plan PostgreSQL would use for the statement `last` recorded. */
export async function planOf(
  dataSource: DataSource,
  last: { sql: string; params: unknown[] },
): Promise<PlanNode[]> {
  const [{ 'QUERY PLAN': plan }] = (await dataSource.query(
    `EXPLAIN (FORMAT JSON) ${last.sql}`,
    last.params,
  )) as {
    'QUERY PLAN': { Plan: PlanNode }[];
  }[];
  const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];
  return flatten(plan[0].Plan);
}
