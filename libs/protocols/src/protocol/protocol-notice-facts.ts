import { uuidOrNullSql } from '@hub/database';

/**
 * The protocols domain's query scope for what a message about a protocol may name: its title (a
 * jsonb expression; null when there is no such protocol).
 */
export function protocolNoticeFactsSql(subjectId: string): string {
  return `(SELECT jsonb_build_object('title', p.title) FROM protocol p WHERE p.id = ${uuidOrNullSql(subjectId)})`;
}
