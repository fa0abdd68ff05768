import { agencyNameSql } from '@hub/agencies';
import { uuidOrNullSql } from '@hub/database';

/**
 * The technical-assistance domain's query scope for what a message about a request may name: its
 * urgency and the requesting agency (a jsonb expression; null when there is no such request).
 */
export function technicalAssistanceNoticeFactsSql(subjectId: string): string {
  return `(SELECT jsonb_build_object('urgency', t.urgency, 'fromAgency', ${agencyNameSql('t.requesting_agency_id')})
             FROM technical_assistance_request t WHERE t.id = ${uuidOrNullSql(subjectId)})`;
}
