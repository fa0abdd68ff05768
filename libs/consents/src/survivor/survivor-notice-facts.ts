import { uuidOrNullSql } from '@hub/database';

/**
 * The consents domain's query scope for what a message about a survivor may name: the
 * pseudonymous reference, nothing personal. Takes SQL expressions of the caller's query.
 */

/** The reference of the survivor `survivor` (a uuid expression), e.g. `S-7K2M9QX4PD`. */
export function survivorReferenceSql(survivor: string): string {
  return `(SELECT s.reference FROM survivor s WHERE s.id = ${survivor})`;
}

/** A jsonb of the facts an e-mail about the survivor with id `subjectId` (a text expression) may carry. */
export function survivorNoticeFactsSql(subjectId: string): string {
  return `jsonb_build_object('reference', ${survivorReferenceSql(uuidOrNullSql(subjectId))})`;
}
