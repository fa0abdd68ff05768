import { AppAbility, PolicyRecords, subject } from '@hub/access';

/*
 * The policy's judgements behind the consents domain's changes to a survivor record. The mutations
 * ask them before changing anything, and a record's `availableActions` asks the same ones, so a
 * screen offers exactly what the API would take.
 */

/** updateSurvivor: the record as the policy sees it now (the owning agency's case staff). */
export function mayUpdateSurvivor(ability: AppAbility, record: PolicyRecords['Survivor']): boolean {
  return ability.can('update', subject('Survivor', record));
}

/**
 * recordConsent: asked of the consent it would record, which belongs to the survivor's owner and
 * has no live grant yet (the survivor's minority is judged with the consent's input, not here).
 */
export function mayRecordConsent(ability: AppAbility, survivor: { ownerAgencyId: string }): boolean {
  return ability.can(
    'create',
    subject('Consent', { id: '', ownerAgencyId: survivor.ownerAgencyId, minor: false, liveGrants: [] }),
  );
}

/** Whether the caller records consents at all (of some agency's survivors): who reads the consent rules. */
export function mayRecordAnyConsent(ability: AppAbility): boolean {
  return ability.can('create', 'Consent');
}
