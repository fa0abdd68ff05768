import { ForcedSubject, MongoAbility, subject as asSubject } from '@casl/ability';

/**
 * What the policy speaks of: its actions and, for each subject (named by string), the fields of a
 * record its rules look at. Domains pass plain records tagged with `subject()`; the policy never
 * imports a domain. The rule files and the policy import this file, and it imports neither.
 */
export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'revoke'
  | 'verify'
  | 'openBreakGlass'
  | BreakGlassAction
  | PlatformAction
  | DirectoryAction
  | ReferralAction
  | ProtocolAction
  | TechnicalAssistanceAction;

/** The fields of each record the rules look at (the rest of the record is irrelevant to them). */
export interface PolicyRecords
  extends ReferralPolicyRecords,
    ProtocolPolicyRecords,
    TechnicalAssistancePolicyRecords {
  Agency: { id: string; confidentialLocation?: boolean };
  /** A user the hub has seen (from verified tokens) acting for an agency. */
  AgencyUser: { userId: string; agencyId: string };
  TaskForce: { id: string };
  TaskForceMembership: { taskForceId: string; agencyId: string };
  /** A hotline; `taskForceId` null: a national line. */
  Resource: { id: string; taskForceId?: string | null };
  /** A task force's directory as a whole, for its exchange in Open Referral HSDS. */
  Directory: { taskForceId: string };
  /**
   * `liveGrants`: the survivor's consent grants that are live at the moment of the check (not
   * revoked, within their period); the SQL side computes the same with an EXISTS on live grants.
   * `minor`: the flag, or a date of birth under 18 at that moment.
   */
  Survivor: {
    id: string;
    ownerAgencyId: string;
    minor: boolean;
    liveGrants: LiveGrantRecord[];
    /** Agencies party to a (sent) referral about this survivor (only set where break-glass is asked). */
    referralPartyAgencyIds?: string[];
    /**
     * Set only when the record is read through a referral: the classes that referral shares. A
     * non-owner then sees a class only if the referral shares it and a live grant allows it.
     */
    sharedClasses?: string[];
    /**
     * Agencies named by a consent of this survivor that was revoked: the survivor's "no" to them
     * (only set where break-glass is asked; the consents model records no other refusal).
     */
    revokedForAgencyIds?: string[];
  };
  Notification: { agencyId: string };
  /** How one user of one agency hears of its notifications (keyed by the token's `sub`). */
  NotificationPreference: { userId: string; agencyId: string };
  /**
   * `subjectAgencyIds`: agencies whose records the event concerns. `reason`: why; `NOT_FOUND`
   * (NOT_FOUND_REFUSAL) marks a refusal the caller was told was a missing record; only
   * auditors read it (an admin must not learn from the trail that the record exists).
   */
  AuditEvent: { actorAgencyId: string | null; subjectAgencyIds: string[]; reason: string | null };
  AuditTrail: { id: string };
  /**
   * A break-glass use, reviewed by the owning agency; `agencyId` is the opener's agency,
   * `openedBy` the opener (a user).
   */
  BreakGlass: { ownerAgencyId: string; agencyId: string; openedBy?: string };
  /**
   * `liveGrants`: the grants from this consent live at the moment of the check; `minor` as for
   * Survivor. Fields are CONSENT_RECORD_FIELDS and CONSENT_NAME_FIELDS (consent-data.ts).
   */
  Consent: {
    id: string;
    ownerAgencyId: string;
    minor: boolean;
    liveGrants: { agencyId: string; purposes: string[] }[];
  };
}
export type SubjectName = keyof PolicyRecords;
type TaggedRecord = { [K in SubjectName]: PolicyRecords[K] & ForcedSubject<K> }[SubjectName];
export type AppAbility = MongoAbility<[Action, SubjectName | TaggedRecord]>;

/** Why an agency holds access to a survivor record. */
export type GrantBasis = 'CONSENT' | 'CHILD_SAFETY' | 'BREAK_GLASS';

/**
 * A grant live at the moment of the check. `userId`: the one user it serves (a break-glass grant
 * always names the supervisor who opened it); null: the whole agency (consent, child safety).
 */
export interface LiveGrantRecord {
  agencyId: string;
  purposes: string[];
  classes: string[];
  basis: GrantBasis;
  userId: string | null;
}

/**
 * Platform administration: `administer` edits an agency's registration (name, type, jurisdiction,
 * contact, confidential flag; not its directory profile, which is `update`), `deactivate` takes it
 * off the hub; `suspend` / `reinstate` a user the hub has seen for an agency.
 */
export type PlatformAction = 'administer' | 'deactivate' | 'suspend' | 'reinstate';

/** Retiring a hotline; exporting a task force's directory, importing into it (HSDS). */
export type DirectoryAction = 'retire' | 'export' | 'import';

/** Ending a break-glass session early, and the owning agency's review of it. */
export type BreakGlassAction = 'end' | 'review';

/** Tags a plain record with its subject type for `ability.can(action, subject('Agency', record))`. */
export function subject<K extends SubjectName>(
  type: K,
  record: PolicyRecords[K],
): PolicyRecords[K] & ForcedSubject<K> {
  return asSubject(type, { ...record });
}

/** The referral subjects and the fields of each record the rules look at. */
export interface ReferralPolicyRecords {
  /**
   * `sent`: it was ever sent (a referral never sent is the sender's own business).
   * `toAgencyType`: the recipient's agency type; given where a create is judged (the rules ask it
   * only of `create`).
   */
  Referral: { id: string; fromAgencyId: string; toAgencyId: string; toAgencyType?: string; sent: boolean };
}

/** Transitions and acts on referrals beyond read/create. */
export type ReferralAction =
  | 'send'
  | 'withdraw'
  | 'acknowledge'
  | 'accept'
  | 'decline'
  | 'start'
  | 'hold'
  | 'complete'
  | 'fail'
  | 'message'
  | 'reportChildSafety'
  /** Of a Survivor: what a referral under consent may carry to the agency (asked before it is made or sent). */
  | 'receive';

/** The Protocol subjects and the fields of each record the rules look at. */
export interface ProtocolPolicyRecords {
  /**
   * A task force's protocol. `audience`: agency types of its current published version (before
   * the first publication, of its draft). `published`: some version of it was ever published
   * (it stays true once archived, so readers keep the history).
   */
  Protocol: { taskForceId: string; audience: string[]; published: boolean };
  /** One version of a protocol. `published`: this version was published (it may be superseded or archived since). */
  ProtocolVersion: { taskForceId: string; audience: string[]; published: boolean };
  /** An agency's acknowledgement of a published version; `agencyId` is the agency acknowledging. */
  ProtocolAcknowledgement: { taskForceId: string; audience: string[]; agencyId: string };
}

/** Actions beyond read/create/update/delete that these rules use. */
export type ProtocolAction = 'publish' | 'archive';

/** The TechnicalAssistance subjects and the fields of each record the rules look at. */
export interface TechnicalAssistancePolicyRecords {
  /** A TA request; `assignedAgencyId` is null until a coordinator assigns a provider. */
  TechnicalAssistanceRequest: {
    id: string;
    taskForceId: string;
    requestingAgencyId: string;
    assignedAgencyId: string | null;
  };
}

/** Actions beyond read/create/update/delete that these rules use (one per TA mutation). */
export type TechnicalAssistanceAction =
  | 'triage'
  | 'assign'
  | 'decline'
  | 'start'
  | 'recordSession'
  | 'deliver'
  | 'close'
  | 'withdraw'
  | 'message';
