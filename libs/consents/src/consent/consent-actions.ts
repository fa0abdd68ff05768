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
 * Whether a consent in this status can still be revoked: once only, so not when it already was
 * (revokeConsent answers CONFLICT). A consent that has ended (EXPIRED) still can, on purpose: it
 * grants nothing any more, but its revocation is the survivor's "no" to the agencies it named —
 * break-glass never opens the record to them (the policy's `revokedForAgencyIds`, read from every
 * revoked consent of the survivor, ended or not) and any session of theirs still open ends at
 * once. It is the only way the hub records that "no" (DESIGN.md §4, docs/authorization.md).
 */
export function revocable(status: ConsentStatus): boolean {
  return status !== ConsentStatus.REVOKED;
}

/**
 * What a consent offers its caller now: revocation where the policy allows it and the consent is
 * still revocable (in force, still to start, or ended) — exactly what revokeConsent accepts.
 */
export function consentActions(
  ability: AppAbility,
  record: PolicyRecords['Consent'],
  status: ConsentStatus,
): ConsentAction[] {
  return revocable(status) && mayRevokeConsent(ability, record) ? [ConsentAction.REVOKE] : [];
}
