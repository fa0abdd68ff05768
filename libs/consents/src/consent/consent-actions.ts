import { registerEnumType } from '@nestjs/graphql';
import { AppAbility, PolicyRecords, subject } from '@hub/access';
import { ConsentStatus } from '../shared/enums';

/** What a caller may do about a consent beyond reading it: each is one mutation. */
export enum ConsentAction {
  /** revokeConsent: the survivor takes it back; every grant from it ends at once. */
  REVOKE = 'REVOKE',
}
registerEnumType(ConsentAction, {
  name: 'ConsentAction',
  description: 'A mutation the caller may make about a consent now: revokeConsent (REVOKE)',
});

/**
 * revokeConsent's judgement: the owning agency's staff, or those of an agency the consent serves
 * now (the survivor may revoke through any of them). The mutation asks it, and so does the offer.
 */
export function mayRevokeConsent(ability: AppAbility, record: PolicyRecords['Consent']): boolean {
  return ability.can('revoke', subject('Consent', record));
}

/**
 * What a consent offers its caller now: revocation where the policy allows it, while the consent
 * is in force or still to start. A revoked one is refused (CONFLICT); one that has ended grants
 * nothing any more, so it is not offered (the history shows it as ended).
 */
export function consentActions(
  ability: AppAbility,
  record: PolicyRecords['Consent'],
  status: ConsentStatus,
): ConsentAction[] {
  const inForce = status === ConsentStatus.ACTIVE || status === ConsentStatus.PENDING;
  return inForce && mayRevokeConsent(ability, record) ? [ConsentAction.REVOKE] : [];
}
