import { agencyNameSql } from '@hub/agencies';
import { survivorReferenceSql } from '@hub/consents';
import { uuidOrNullSql } from '@hub/database';

/**
 * The referrals domain's query scope for what a message about a referral or a break-glass use
 * may name: urgency, the agencies' names and the survivor's pseudonymous reference — what the
 * in-app notification and the referral list show, never a personal field. Each takes the subject
 * id as a text expression and returns a jsonb expression (null when there is no such record).
 */

export function referralNoticeFactsSql(subjectId: string): string {
  return `(SELECT jsonb_build_object(
             'urgency', r.urgency,
             'fromAgency', ${agencyNameSql('r.from_agency_id')},
             'toAgency', ${agencyNameSql('r.to_agency_id')},
             'reference', ${survivorReferenceSql('r.survivor_id')})
             FROM referral r WHERE r.id = ${uuidOrNullSql(subjectId)})`;
}

export function breakGlassNoticeFactsSql(subjectId: string): string {
  return `(SELECT jsonb_build_object(
             'fromAgency', ${agencyNameSql('b.agency_id')},
             'reference', ${survivorReferenceSql('b.survivor_id')})
             FROM break_glass b WHERE b.id = ${uuidOrNullSql(subjectId)})`;
}
