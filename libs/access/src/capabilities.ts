import { AppAbility, Action, SubjectName } from './subjects';

/**
 * What the caller may do to *some* record of a kind, as the policy says it: the web app shows a
 * screen, a link or a "new …" button only for a capability the caller holds, so no screen hand-rolls
 * a role check. Each is `ability.can(action, subjectType)`: true when any rule could allow it (the
 * record-level rules still decide each record, and the API still enforces every operation).
 */
export const CAPABILITIES = {
  READ_SURVIVORS: ['read', 'Survivor'],
  CREATE_SURVIVOR: ['create', 'Survivor'],
  READ_REFERRALS: ['read', 'Referral'],
  CREATE_REFERRAL: ['create', 'Referral'],
  REPORT_CHILD_SAFETY: ['reportChildSafety', 'Survivor'],
  OPEN_BREAK_GLASS: ['openBreakGlass', 'Survivor'],
  REVIEW_BREAK_GLASS: ['review', 'BreakGlass'],
  READ_PROTOCOLS: ['read', 'Protocol'],
  MANAGE_PROTOCOLS: ['create', 'Protocol'],
  ACKNOWLEDGE_PROTOCOLS: ['create', 'ProtocolAcknowledgement'],
  READ_TECHNICAL_ASSISTANCE: ['read', 'TechnicalAssistanceRequest'],
  REQUEST_TECHNICAL_ASSISTANCE: ['create', 'TechnicalAssistanceRequest'],
  TRIAGE_TECHNICAL_ASSISTANCE: ['triage', 'TechnicalAssistanceRequest'],
  DELIVER_TECHNICAL_ASSISTANCE: ['deliver', 'TechnicalAssistanceRequest'],
  READ_NOTIFICATIONS: ['read', 'Notification'],
  CHOOSE_NOTIFICATION_DELIVERY: ['update', 'NotificationPreference'],
  READ_AUDIT: ['read', 'AuditEvent'],
  VERIFY_AUDIT: ['verify', 'AuditTrail'],
  UPDATE_AGENCY_PROFILE: ['update', 'Agency'],
  MANAGE_TASK_FORCE_MEMBERS: ['create', 'TaskForceMembership'],
  MANAGE_AGENCY_USERS: ['suspend', 'AgencyUser'],
  MANAGE_RESOURCES: ['create', 'Resource'],
  ADMINISTER_AGENCIES: ['administer', 'Agency'],
} as const satisfies Record<string, readonly [Action, SubjectName]>;

export type Capability = keyof typeof CAPABILITIES;

/** The capabilities an ability holds, in the table's order. */
export function capabilitiesOf(ability: AppAbility): Capability[] {
  return (Object.keys(CAPABILITIES) as Capability[]).filter((capability) => {
    const [action, subjectType] = CAPABILITIES[capability];
    return ability.can(action, subjectType);
  });
}
