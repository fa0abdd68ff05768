import { registerEnumType } from '@nestjs/graphql';
import { AppAbility, permittedFields, PolicyRecords, subject, SURVIVOR_FIELDS_BY_CLASS } from '@hub/access';
import { mayRecordConsent, mayUpdateSurvivor } from '@hub/consents';
import { SAFETY_CLASSES } from '../break-glass/break-glass.service';

/** What a caller may do about a survivor record beyond reading it: each is one mutation. */
export enum SurvivorAction {
  /** updateSurvivor: change the record's fields. */
  UPDATE = 'UPDATE',
  /** recordConsent: record a consent the survivor signed. */
  RECORD_CONSENT = 'RECORD_CONSENT',
  /** createChildSafetyReferral: a mandatory report about a minor. */
  REPORT_CHILD_SAFETY = 'REPORT_CHILD_SAFETY',
  /** openBreakGlass: imminent danger, the record's identity and contact opened to the caller. */
  OPEN_BREAK_GLASS = 'OPEN_BREAK_GLASS',
}
registerEnumType(SurvivorAction, {
  name: 'SurvivorAction',
  description:
    'A mutation the caller may make about a survivor record now: updateSurvivor (UPDATE), recordConsent (RECORD_CONSENT), createChildSafetyReferral (REPORT_CHILD_SAFETY), openBreakGlass (OPEN_BREAK_GLASS)',
});

/** The fields a break-glass opens. */
const SAFETY_FIELDS = SAFETY_CLASSES.flatMap((dataClass) => SURVIVOR_FIELDS_BY_CLASS[dataClass]);

/**
 * The acts the policy allows this caller on this record now, judged in memory from the facts the
 * mutations judge (owner, minor, live grants, referral parties, the survivor's revocations), so a
 * screen offers exactly what the API would take:
 * - changing the record and recording a consent, with the consents domain's own judgements (the
 *   ones updateSurvivor and recordConsent ask): the owning agency's case staff, never an agency
 *   that reads the record through a grant;
 * - a child-safety report where the policy allows it and the record is a minor's (the mutation
 *   refuses an adult's record for its input);
 * - break-glass where the policy allows it and it would open something: not to whoever already
 *   reads every field it opens (the owner's staff, a consent that grants identity and contact, a
 *   session already open).
 */
export function survivorActions(ability: AppAbility, record: PolicyRecords['Survivor']): SurvivorAction[] {
  const tagged = subject('Survivor', record);
  const actions: SurvivorAction[] = [];
  if (mayUpdateSurvivor(ability, record)) actions.push(SurvivorAction.UPDATE);
  if (mayRecordConsent(ability, record)) actions.push(SurvivorAction.RECORD_CONSENT);
  if (record.minor && ability.can('reportChildSafety', tagged))
    actions.push(SurvivorAction.REPORT_CHILD_SAFETY);
  if (
    ability.can('openBreakGlass', tagged) &&
    permittedFields(ability, 'read', 'Survivor', record, SAFETY_FIELDS).length < SAFETY_FIELDS.length
  ) {
    actions.push(SurvivorAction.OPEN_BREAK_GLASS);
  }
  return actions;
}
