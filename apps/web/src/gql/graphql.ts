/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AcknowledgeProtocolInput = {
  /** The agency acknowledging: only ever the caller's own (the default) */
  agencyId?: string | number | null | undefined;
  /** The published version read */
  versionId: string | number;
};

export type AddReferralMessageInput = {
  body: string;
  referralId: string | number;
};

export type AddTaskForceMemberInput = {
  agencyId: string | number;
  role: TaskForceRole;
  taskForceId: string | number;
};

export type AddTechnicalAssistanceMessageInput = {
  /** 1–4000 characters. Describe practice, not people: never survivor personal data (names, contacts, case details). */
  body: string;
  requestId: string | number;
};

/** Not personal: visible wherever the record is */
export type AgeBand =
  | 'AGE_12_17'
  | 'AGE_18_24'
  | 'AGE_25_34'
  | 'AGE_35_49'
  | 'AGE_50_PLUS'
  | 'MINOR_UNKNOWN_AGE'
  | 'UNDER_12'
  | 'UNKNOWN';

/** A mutation the caller may make on an agency: updateAgencyProfile (UPDATE_PROFILE) */
export type AgencyAction =
  | 'UPDATE_PROFILE';

export type AgencyAddressInput = {
  city: string;
  postalCode: string;
  region: string;
  street: string;
};

/** DEACTIVATED: taken off the hub by a platform administrator; its records stay, its users are refused */
export type AgencyStatus =
  | 'ACTIVE'
  | 'DEACTIVATED';

export type AgencyType =
  | 'CHILD_WELFARE'
  | 'COORDINATOR'
  | 'FEDERAL_PARTNER'
  | 'HEALTH'
  | 'LAW_ENFORCEMENT'
  | 'NGO'
  | 'PROSECUTOR'
  | 'TA_PROVIDER';

export type ArchiveProtocolInput = {
  expectedVersion?: number | null | undefined;
  protocolId: string | number;
  /** ≤ 1,000 characters */
  reason?: string | null | undefined;
};

export type AssessedNeedInput = {
  need: ServiceNeed;
  priority: NeedPriority;
};

export type AssignTechnicalAssistanceInput = {
  /** A TA_PROVIDER or FEDERAL_PARTNER agency */
  agencyId: string | number;
  /** Optionally, the person there who will lead the work */
  assigneeName?: string | null | undefined;
  /** The version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  /** Up to 2000 characters */
  note?: string | null | undefined;
  requestId: string | number;
};

export type AuditAnchorInput = {
  hash: string;
  seq: number;
};

export type AuditDecision =
  | 'ALLOWED'
  | 'DENIED';

export type AuditEventFilter = {
  action?: string | null | undefined;
  /** Actor user id (token subject) */
  actorUserId?: string | null | undefined;
  /** Agency of the actor, or whose records the event concerns */
  agencyId?: string | number | null | undefined;
  decision?: AuditDecision | null | undefined;
  from?: string | null | undefined;
  subjectId?: string | null | undefined;
  subjectType?: string | null | undefined;
  to?: string | null | undefined;
};

/** What broke in the audit trail */
export type AuditProblemCode =
  /** The chain does not contain the anchor kept: it was rewritten (seal: the anchor’s) */
  | 'ANCHOR_NOT_IN_CHAIN'
  /** Events below the newest seal’s horizon were never sealed (seal, count) */
  | 'EVENTS_NEVER_SEALED'
  /** Old events were never sealed: inserted afterwards? (count) */
  | 'EVENTS_SEALED_LATE'
  /** A sealed event was changed (eventId, seal) */
  | 'EVENT_CHANGED'
  /** A sealed event was deleted (eventId, seal) */
  | 'EVENT_DELETED'
  /** An event is dated before the previous seal: inserted afterwards (eventId, seal) */
  | 'EVENT_INSERTED'
  /** A seal was altered (seal) */
  | 'SEAL_ALTERED'
  /** A seal’s events do not hash to the sealed value (seal) */
  | 'SEAL_EVENTS_HASH'
  /** A seal lists another number of events than it sealed (seal, count: found) */
  | 'SEAL_EVENT_COUNT'
  /** A seal of the chain is missing (seal: the one expected) */
  | 'SEAL_MISSING'
  /** A seal does not follow the one before it (seal) */
  | 'SEAL_OUT_OF_CHAIN';

export type BreakGlassEndReason =
  | 'CONSENT_REVOKED'
  | 'ENDED_EARLY';

export type BreakGlassFinding =
  | 'JUSTIFIED'
  | 'NEEDS_FOLLOW_UP'
  | 'NOT_JUSTIFIED';

/** A mutation the caller may make on a break-glass session now: endBreakGlass (END), reviewBreakGlass (REVIEW) */
export type BreakGlassSessionAction =
  | 'END'
  | 'REVIEW';

/** What the caller may do to some record of a kind, from the one policy: clients show a screen or an action only for one the caller holds (each operation is still checked) */
export type Capability =
  | 'ACKNOWLEDGE_PROTOCOLS'
  | 'ADMINISTER_AGENCIES'
  | 'CHOOSE_NOTIFICATION_DELIVERY'
  | 'CREATE_REFERRAL'
  | 'CREATE_SURVIVOR'
  | 'DELIVER_TECHNICAL_ASSISTANCE'
  | 'MANAGE_AGENCY_USERS'
  | 'MANAGE_PROTOCOLS'
  | 'MANAGE_RESOURCES'
  | 'MANAGE_TASK_FORCE_MEMBERS'
  | 'OPEN_BREAK_GLASS'
  | 'READ_AUDIT'
  | 'READ_NOTIFICATIONS'
  | 'READ_PROTOCOLS'
  | 'READ_REFERRALS'
  | 'READ_SURVIVORS'
  | 'READ_TECHNICAL_ASSISTANCE'
  | 'REPORT_CHILD_SAFETY'
  | 'REQUEST_TECHNICAL_ASSISTANCE'
  | 'REVIEW_BREAK_GLASS'
  | 'TRIAGE_TECHNICAL_ASSISTANCE'
  | 'UPDATE_AGENCY_PROFILE'
  | 'VERIFY_AUDIT';

export type CloseTechnicalAssistanceInput = {
  /** The version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  /** Up to 4000 characters; the provider sees it. Describe practice, not people: never survivor personal data (names, contacts, case details). */
  feedback?: string | null | undefined;
  /** Did it help? 1 (not at all) – 5 (very much); the provider sees it */
  rating: number;
  requestId: string | number;
};

export type CompleteReferralInput = {
  expectedVersion: number;
  outcome: ReferralOutcomeInput;
  /** Why (recorded on the event) */
  reason?: string | null | undefined;
  referralId: string | number;
};

export type ConsentAcknowledgementsInput = {
  notConditionOfService: boolean;
  redisclosureRisk: boolean;
  rightToRevoke: boolean;
};

/** A mutation the caller may make about a consent now: revokeConsent (REVOKE) */
export type ConsentAction =
  | 'REVOKE';

export type ConsentGrantorInput = {
  name?: string | null | undefined;
  /** Required true when the grantor is not the survivor: the recording worker attests the grantor is not suspected of involvement in the exploitation */
  notSuspectedAttestation?: boolean | null | undefined;
  /** Required when the grantor is not the survivor */
  relationship?: string | null | undefined;
  /** SELF, or for a minor a parent, guardian or legal representative */
  type: GrantorType;
};

export type ConsentObtainedHow =
  | 'E_SIGNATURE'
  | 'WRITTEN';

/** SERVICE: care and services; INVESTIGATION: law enforcement and prosecution */
export type ConsentPurpose =
  | 'INVESTIGATION'
  | 'SERVICE';

/** Computed at read time */
export type ConsentStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

/** A mandatory report about a minor, sent at once: the recipient (law enforcement or child welfare) sees the record's IDENTITY, CONTACT and NARRATIVE for INVESTIGATION for grantDays */
export type CreateChildSafetyReferralInput = {
  /** Days the recipient may see the granted classes (default 30) */
  grantDays?: number | null | undefined;
  /** The legal basis of the mandatory report */
  legalBasis: string;
  /** Why the report is made */
  reason: string;
  /** A minor whose record my agency owns */
  survivorId: string | number;
  /** A law-enforcement or child-welfare agency */
  toAgencyId: string | number;
  /** Default URGENT */
  urgency?: Urgency | null | undefined;
};

export type CreateProtocolInput = {
  /** Agency types the protocol is addressed to (1–8) */
  audience: Array<AgencyType>;
  /** The text in Markdown, 1–30000 characters */
  body: string;
  category: ProtocolCategory;
  /** The day from which the version applies (default: the day it is published) */
  effectiveDate?: string | null | undefined;
  /** Client-chosen key (8–100 chars): retrying a create with the same key returns the same protocol */
  idempotencyKey?: string | null | undefined;
  /** The owning agency, a member of the task force (default: the caller's agency) */
  ownerAgencyId?: string | number | null | undefined;
  /** Each audience agency must acknowledge it (default true) */
  requiresAcknowledgement?: boolean | null | undefined;
  /** The day by which it must be reviewed; after it the version shows as due for review */
  reviewBy?: string | null | undefined;
  /** What changed since the previous version (≤ 2,000 characters) */
  summaryOfChanges?: string | null | undefined;
  taskForceId: string | number;
  /** 1–200 characters */
  title: string;
};

export type CreateReferralInput = {
  /** De-identified referral: age band */
  ageBand?: AgeBand | null | undefined;
  /** De-identified referral: callback route, no personal data */
  callback?: string | null | undefined;
  /** The consent that covers the recipient for SERVICE and the shared classes */
  consentId?: string | number | null | undefined;
  /** Retrying with the same key and input returns the same referral; with other input, CONFLICT */
  idempotencyKey?: string | null | undefined;
  /** De-identified referral: preferred language (ISO 639-1) */
  language?: string | null | undefined;
  needs: Array<ServiceNeed>;
  /** For the recipient */
  notes?: string | null | undefined;
  /** Sub-referral: the referral my agency received that this one continues */
  parentReferralId?: string | number | null | undefined;
  /** Hours the recipient has to respond once sent (default per urgency) */
  responseHours?: number | null | undefined;
  sharedClasses?: Array<DataClass> | null | undefined;
  /** With a survivor: their record (give consentId and sharedClasses too) */
  survivorId?: string | number | null | undefined;
  /** The receiving agency: of type NGO, LAW_ENFORCEMENT, PROSECUTOR, HEALTH or CHILD_WELFARE (TA providers, federal partners and coordinators do not receive referrals: BAD_USER_INPUT, reason RECIPIENT_CANNOT_RECEIVE_REFERRALS) */
  toAgencyId: string | number;
  urgency: Urgency;
};

export type CreateSurvivorInput = {
  address?: string | null | undefined;
  aliases?: Array<string> | null | undefined;
  caseNotes?: string | null | undefined;
  /** Not in the future */
  dateOfBirth?: string | null | undefined;
  email?: string | null | undefined;
  familyName?: string | null | undefined;
  gender?: string | null | undefined;
  givenName?: string | null | undefined;
  /** Client-chosen key (8–100 chars): retrying a create with the same key returns the same record */
  idempotencyKey?: string | null | undefined;
  immigrationDocuments?: string | null | undefined;
  immigrationStatus?: string | null | undefined;
  interpreterNeeded?: boolean | null | undefined;
  medicalNotes?: string | null | undefined;
  mentalHealthNotes?: string | null | undefined;
  /** A minor: child-safety rules apply (also implied by a date of birth under 18) */
  minor?: boolean | null | undefined;
  /** Intake needs assessment, one entry per need */
  needs?: Array<AssessedNeedInput> | null | undefined;
  phone?: string | null | undefined;
  /** ISO 639-1 */
  preferredLanguage?: string | null | undefined;
  safeContact?: SafeContactInput | null | undefined;
  situationSummary?: string | null | undefined;
  substanceUseNotes?: string | null | undefined;
};

/** Groups of survivor personal fields a consent grants */
export type DataClass =
  | 'CONTACT'
  | 'HEALTH'
  | 'IDENTITY'
  | 'IMMIGRATION'
  | 'NARRATIVE'
  | 'NEEDS';

export type DeclineReason =
  /** Set by the hub only: the receiving agency was taken off the hub and the referral handed back */
  | 'AGENCY_DEACTIVATED'
  | 'COULD_NOT_CONTACT'
  | 'DUPLICATE'
  | 'NOT_ELIGIBLE'
  | 'NO_CAPACITY'
  | 'OTHER'
  | 'SERVICE_NOT_OFFERED'
  | 'SURVIVOR_DECLINED';

export type DeclineReferralInput = {
  declinedBy: DeclinedBy;
  expectedVersion: number;
  /** Why (recorded on the event) */
  reason?: string | null | undefined;
  reasonCode: DeclineReason;
  referralId: string | number;
};

export type DeclineTechnicalAssistanceInput = {
  /** The version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  /** Why the task force will not take it up (1–1000 characters) */
  reason: string;
  requestId: string | number;
};

export type DeclinedBy =
  | 'PROVIDER'
  | 'SURVIVOR';

export type DeliverTechnicalAssistanceInput = {
  /** The version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  requestId: string | number;
  /** What was delivered (up to 4000). Describe practice, not people: never survivor personal data (names, contacts, case details). */
  summary?: string | null | undefined;
};

export type EndBreakGlassInput = {
  id: string | number;
  /** Why it ends now (10–1,000 characters) */
  reason: string;
};

export type FailReferralInput = {
  expectedVersion: number;
  /** Why the survivor could not get help */
  failureReason: string;
  /** Why (recorded on the event) */
  reason?: string | null | undefined;
  referralId: string | number;
};

export type GrantorType =
  | 'GUARDIAN'
  | 'LEGAL_REPRESENTATIVE'
  | 'PARENT'
  | 'SELF';

export type MarkNotificationsReadInput = {
  /** Mark every one of the agency's notifications read (without ids) */
  all?: boolean | null | undefined;
  /** 1–100 notification ids; required unless `all` is true */
  ids?: Array<string | number> | null | undefined;
};

export type NeedPriority =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** IN_APP_ONLY: in the hub only (the default). EMAIL_IMMEDIATE: each notification also by e-mail, at once. DAILY_DIGEST: one e-mail a day listing them. E-mail goes to the address in the user's token and never carries survivor personal data */
export type NotificationDelivery =
  | 'DAILY_DIGEST'
  | 'EMAIL_IMMEDIATE'
  | 'IN_APP_ONLY';

export type OpenBreakGlassInput = {
  /** The imminent danger (20–1,000 characters) */
  reason: string;
  survivorId: string | number;
};

/** A mutation the caller may make on a protocol now: updateProtocolDraft, publishProtocolVersion (the draft), archiveProtocol, acknowledgeProtocol (the version in force, for the caller’s agency) */
export type ProtocolAction =
  | 'ACKNOWLEDGE'
  | 'ARCHIVE'
  | 'PUBLISH'
  | 'UPDATE_DRAFT';

/** What a task-force protocol governs (MOU: a memorandum of understanding) */
export type ProtocolCategory =
  | 'INFORMATION_SHARING'
  | 'MOU'
  | 'OTHER'
  | 'REFERRAL'
  | 'RESPONSE'
  | 'SCREENING'
  | 'TRAINING';

/** DRAFT: never published (coordinators only); PUBLISHED: a version is in force; ARCHIVED: the whole protocol is withdrawn */
export type ProtocolState =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

/** DRAFT → PUBLISHED → SUPERSEDED (a newer version was published); ARCHIVED with the whole protocol. A published version never changes. */
export type ProtocolVersionState =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED'
  | 'SUPERSEDED';

export type PublishProtocolVersionInput = {
  /** The protocol's version the client reviewed: publishing a draft someone changed since is a CONFLICT */
  expectedVersion?: number | null | undefined;
  /** The draft version to publish */
  versionId: string | number;
};

export type RecordConsentInput = {
  acknowledgements: ConsentAcknowledgementsInput;
  dataClasses: Array<DataClass>;
  /** Reference to the signed document (e.g. a document-management id) */
  documentReference: string;
  grantor: ConsentGrantorInput;
  interpreterName?: string | null | undefined;
  interpreterUsed: boolean;
  /** ISO 639-1 language the consent was explained and signed in */
  language: string;
  obtainedHow: ConsentObtainedHow;
  purposes: Array<ConsentPurpose>;
  /** Named recipient agencies (1–20), each one whose users can read survivor records for one of the consent's purposes: for SERVICE an NGO, HEALTH or CHILD_WELFARE agency; for INVESTIGATION a LAW_ENFORCEMENT or PROSECUTOR agency. Never the owning agency, and never a FEDERAL_PARTNER, TA_PROVIDER or COORDINATOR agency, whose users never read survivor records (BAD_USER_INPUT, reason RECIPIENT_CANNOT_READ). */
  recipientAgencyIds: Array<string | number>;
  survivorId: string | number;
  /** Default: now; at most consentRules.maxBackdateDays in the past */
  validFrom?: string | null | undefined;
  /** Required; at most consentRules.maxValidityDays (the configured cap, default 90) after validFrom and after now */
  validUntil: string;
};

/** A session delivered. Describe practice, not people: never survivor personal data (names, contacts, case details). */
export type RecordTechnicalAssistanceSessionInput = {
  /** Attendance by audience type (each audience once; 1000 in all at most). With attendance the session is a training. */
  attendance?: Array<TechnicalAssistanceAttendanceInput> | null | undefined;
  /** The version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  /** Not in the future, not before the request was made */
  heldOn: string;
  /** More than 0, at most 24, in steps of 0.01 */
  hours: number;
  /** Titles or links of materials (up to 20, 300 characters each) */
  materials?: Array<string> | null | undefined;
  modality: TechnicalAssistanceModality;
  /** Up to 4000 characters. Describe practice, not people: never survivor personal data (names, contacts, case details). */
  notes?: string | null | undefined;
  requestId: string | number;
};

/** A mutation the caller may make on a referral now: sendReferral, acknowledgeReferral, …, addReferralMessage (MESSAGE) */
export type ReferralAction =
  | 'ACCEPT'
  | 'ACKNOWLEDGE'
  | 'COMPLETE'
  | 'DECLINE'
  | 'FAIL'
  | 'HOLD'
  | 'MESSAGE'
  | 'SEND'
  | 'START'
  | 'WITHDRAW';

/** RECEIVED: sent to my agency; SENT: sent by my agency; DRAFTS: my agency’s referrals never sent (in no other box); NEEDS_ACTION: received and waiting on my agency (SENT, ACKNOWLEDGED), or accepted / in progress past the deadline */
export type ReferralBox =
  | 'DRAFTS'
  | 'NEEDS_ACTION'
  | 'RECEIVED'
  | 'SENT';

/** CHILD_SAFETY: a mandatory report about a minor */
export type ReferralKind =
  | 'CHILD_SAFETY'
  | 'STANDARD';

export type ReferralOutcomeInput = {
  servicesDelivered: Array<ServiceNeed>;
  text?: string | null | undefined;
};

/** EXPIRED is computed on read: SENT or ACKNOWLEDGED past the deadline, or its consent ended first */
export type ReferralStatus =
  | 'ACCEPTED'
  | 'ACKNOWLEDGED'
  | 'COMPLETED'
  | 'DECLINED'
  | 'DRAFT'
  | 'EXPIRED'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'ON_HOLD'
  | 'SENT'
  | 'WITHDRAWN';

export type ReferralTransitionInput = {
  expectedVersion: number;
  /** Why (recorded on the event) */
  reason?: string | null | undefined;
  referralId: string | number;
};

export type RemoveTaskForceMemberInput = {
  agencyId: string | number;
  taskForceId: string | number;
};

/** Ask the task force for technical assistance. Describe practice, not people: never survivor personal data (names, contacts, case details). */
export type RequestTechnicalAssistanceInput = {
  /** Who the help is for (1–10, no repeats) */
  audiences: Array<TechnicalAssistanceAudience>;
  /** What the agency does today (1–4000). Describe practice, not people: never survivor personal data (names, contacts, case details). */
  currentPractice: string;
  /** What should be different afterwards (1–4000). Describe practice, not people: never survivor personal data (names, contacts, case details). */
  desiredOutcome: string;
  /** Expected attendees, 1–1000 */
  expectedAttendees: number;
  /** Client-chosen key (8–100 chars): retrying with the same key returns the same request */
  idempotencyKey?: string | null | undefined;
  modality: TechnicalAssistanceModality;
  /** Latest preferred date, not before preferredStartDate */
  preferredEndDate?: string | null | undefined;
  /** Earliest preferred date, not in the past */
  preferredStartDate?: string | null | undefined;
  /** The problem to solve (1–4000 characters). Describe practice, not people: never survivor personal data (names, contacts, case details). */
  problemStatement: string;
  /** The task force asked; default: the caller's agency's task force when it belongs to exactly one */
  taskForceId?: string | number | null | undefined;
  topic: TechnicalAssistanceTopic;
  type: TechnicalAssistanceType;
  urgency: TechnicalAssistanceUrgency;
  /** Why it matters to the agency and to survivors (1–4000). Describe practice, not people: never survivor personal data (names, contacts, case details). */
  whyItMatters: string;
};

export type ReviewBreakGlassInput = {
  finding: BreakGlassFinding;
  id: string | number;
  /** What the review found (up to 2,000 characters) */
  note?: string | null | undefined;
};

export type RevocationChannel =
  | 'E_SIGNATURE'
  | 'IN_PERSON'
  | 'OTHER'
  | 'PHONE'
  | 'WRITTEN';

export type RevokeConsentInput = {
  /** How the survivor revoked */
  channel: RevocationChannel;
  consentId: string | number;
  reason?: string | null | undefined;
};

export type SafeContactInput = {
  doNotContact: boolean;
  safeMethod?: string | null | undefined;
  safeTimes?: string | null | undefined;
};

/** The service taxonomy shared by the directory, needs and referrals */
export type ServiceNeed =
  | 'CASE_MANAGEMENT'
  | 'DENTAL'
  | 'EDUCATION_AND_LITERACY'
  | 'EMERGENCY_RESPONSE'
  | 'FAMILY_REUNIFICATION'
  | 'FINANCIAL_ASSISTANCE'
  | 'FOOD_AND_SUSTENANCE'
  | 'HOUSING_AND_SHELTER'
  | 'IMMIGRATION_LEGAL'
  | 'INTERPRETATION_AND_TRANSLATION'
  | 'JOB_TRAINING_AND_EMPLOYMENT'
  | 'LEGAL'
  | 'LIFE_SKILLS'
  | 'MEDICAL'
  | 'MENTAL_HEALTH'
  | 'PUBLIC_BENEFITS_AND_CERTIFICATION'
  | 'RETURN_AND_REINTEGRATION'
  | 'SUBSTANCE_USE_TREATMENT'
  | 'SUPPORT_GROUPS'
  | 'TRANSPORTATION'
  | 'VICTIM_ADVOCACY';

export type SetNotificationPreferenceInput = {
  delivery: NotificationDelivery;
};

export type StartTechnicalAssistanceInput = {
  /** The version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  requestId: string | number;
};

/** A mutation the caller may make about a survivor record now: updateSurvivor (UPDATE), recordConsent (RECORD_CONSENT), createChildSafetyReferral (REPORT_CHILD_SAFETY), openBreakGlass (OPEN_BREAK_GLASS) */
export type SurvivorAction =
  | 'OPEN_BREAK_GLASS'
  | 'RECORD_CONSENT'
  | 'REPORT_CHILD_SAFETY'
  | 'UPDATE';

/** A mutation the caller may make on a task force: addTaskForceMember (ADD_MEMBER) */
export type TaskForceAction =
  | 'ADD_MEMBER';

/** A mutation the caller may make on a membership: updateTaskForceMember (UPDATE), removeTaskForceMember (REMOVE) */
export type TaskForceMemberAction =
  | 'REMOVE'
  | 'UPDATE';

/** An agency's role in a task force */
export type TaskForceRole =
  | 'CO_LEAD_LAW_ENFORCEMENT'
  | 'CO_LEAD_VICTIM_SERVICES'
  | 'MEMBER'
  | 'OBSERVER';

/** A mutation the caller may make on a request now: triageTechnicalAssistance, …, recordTechnicalAssistanceSession (RECORD_SESSION), addTechnicalAssistanceMessage (MESSAGE) */
export type TechnicalAssistanceAction =
  | 'ASSIGN'
  | 'CLOSE'
  | 'DECLINE'
  | 'DELIVER'
  | 'MESSAGE'
  | 'RECORD_SESSION'
  | 'START'
  | 'TRIAGE'
  | 'WITHDRAW';

export type TechnicalAssistanceAttendanceInput = {
  /** Attendees of this audience type, 0–1000 (a count, never names) */
  attendees: number;
  audience: TechnicalAssistanceAudience;
};

export type TechnicalAssistanceAudience =
  | 'CHILD_WELFARE'
  | 'COMMUNITY'
  | 'EDUCATORS'
  | 'HEALTH_CARE'
  | 'LAW_ENFORCEMENT'
  | 'OTHER'
  | 'PROSECUTORS'
  | 'SERVICE_PROVIDERS'
  | 'SOCIAL_SERVICES'
  | 'TASK_FORCE_MEMBERS';

export type TechnicalAssistanceModality =
  | 'HYBRID'
  | 'ON_SITE'
  | 'VIRTUAL';

export type TechnicalAssistancePriority =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** REQUESTED_BY_MY_AGENCY: my agency asked; ASSIGNED_TO_MY_AGENCY: my agency delivers; MY_TASK_FORCES: requests in the task forces my agency belongs to (what I may see of them). Always within what the caller may see. */
export type TechnicalAssistanceScope =
  | 'ASSIGNED_TO_MY_AGENCY'
  | 'MY_TASK_FORCES'
  | 'REQUESTED_BY_MY_AGENCY';

export type TechnicalAssistanceSessionKind =
  | 'CONSULTATION'
  | 'TRAINING';

/** SUBMITTED → TRIAGED → ASSIGNED → IN_PROGRESS → DELIVERED → CLOSED; DECLINED by the coordinator from SUBMITTED or TRIAGED; WITHDRAWN by the requester before DELIVERED */
export type TechnicalAssistanceStatus =
  | 'ASSIGNED'
  | 'CLOSED'
  | 'DECLINED'
  | 'DELIVERED'
  | 'IN_PROGRESS'
  | 'SUBMITTED'
  | 'TRIAGED'
  | 'WITHDRAWN';

export type TechnicalAssistanceTopic =
  | 'DATA_AND_EVALUATION'
  | 'INTERAGENCY_COLLABORATION'
  | 'LABOR_TRAFFICKING'
  | 'LEGAL_AND_IMMIGRATION'
  | 'OTHER'
  | 'PROTOCOL_DEVELOPMENT'
  | 'SERVICE_QUALITY'
  | 'TRAUMA_INFORMED_SERVICES'
  | 'VICTIM_IDENTIFICATION'
  | 'YOUTH_AND_MINORS';

export type TechnicalAssistanceType =
  | 'CONSULTATION'
  | 'ON_SITE_VISIT'
  | 'RESOURCE_REVIEW'
  | 'TRAINING';

export type TechnicalAssistanceUrgency =
  | 'ROUTINE'
  | 'TIME_SENSITIVE'
  | 'URGENT';

export type TriageTechnicalAssistanceInput = {
  /** The version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  /** Up to 2000 characters */
  note?: string | null | undefined;
  priority: TechnicalAssistancePriority;
  requestId: string | number;
};

export type UpdateAgencyProfileInput = {
  acceptingReferrals?: boolean | null | undefined;
  address?: AgencyAddressInput | null | undefined;
  agencyId: string | number;
  confidentialLocation?: boolean | null | undefined;
  description?: string | null | undefined;
  /** The version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  hours?: string | null | undefined;
  intakeEmail?: string | null | undefined;
  intakePhone?: string | null | undefined;
  /** ISO 639-1 codes */
  languages?: Array<string> | null | undefined;
  name?: string | null | undefined;
  /** Language of the e-mail the hub sends the agency: en or es */
  notificationLanguage?: string | null | undefined;
  serviceAreas?: Array<string> | null | undefined;
  services?: Array<ServiceNeed> | null | undefined;
  website?: string | null | undefined;
};

/** Changes to the draft. When the protocol has no draft (its current version is published) a new draft version is started from the published one. */
export type UpdateProtocolDraftInput = {
  audience?: Array<AgencyType> | null | undefined;
  body?: string | null | undefined;
  category?: ProtocolCategory | null | undefined;
  /** The day from which the version applies (default: the day it is published) */
  effectiveDate?: string | null | undefined;
  /** The protocol's version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  protocolId: string | number;
  requiresAcknowledgement?: boolean | null | undefined;
  /** The day by which it must be reviewed; after it the version shows as due for review */
  reviewBy?: string | null | undefined;
  /** What changed since the previous version (≤ 2,000 characters) */
  summaryOfChanges?: string | null | undefined;
  title?: string | null | undefined;
};

export type UpdateSurvivorInput = {
  address?: string | null | undefined;
  aliases?: Array<string> | null | undefined;
  caseNotes?: string | null | undefined;
  /** Not in the future */
  dateOfBirth?: string | null | undefined;
  email?: string | null | undefined;
  /** The version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  familyName?: string | null | undefined;
  gender?: string | null | undefined;
  givenName?: string | null | undefined;
  id: string | number;
  immigrationDocuments?: string | null | undefined;
  immigrationStatus?: string | null | undefined;
  interpreterNeeded?: boolean | null | undefined;
  medicalNotes?: string | null | undefined;
  mentalHealthNotes?: string | null | undefined;
  minor?: boolean | null | undefined;
  /** Intake needs assessment, one entry per need */
  needs?: Array<AssessedNeedInput> | null | undefined;
  phone?: string | null | undefined;
  /** ISO 639-1 */
  preferredLanguage?: string | null | undefined;
  safeContact?: SafeContactInput | null | undefined;
  situationSummary?: string | null | undefined;
  substanceUseNotes?: string | null | undefined;
};

export type UpdateTaskForceMemberInput = {
  agencyId: string | number;
  expectedVersion: number;
  role: TaskForceRole;
  taskForceId: string | number;
};

export type Urgency =
  | 'EMERGENCY'
  | 'ROUTINE'
  | 'URGENT';

export type WithdrawTechnicalAssistanceInput = {
  /** The version the client last read; a newer one means CONFLICT */
  expectedVersion: number;
  /** Up to 1000 characters */
  reason?: string | null | undefined;
  requestId: string | number;
};

export type CapabilitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type CapabilitiesQuery = { me: { userId: string, capabilities: Array<Capability> } };

export type InboxCountsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type InboxCountsSubscription = { inboxCounts: { needsAction: number, received: number, sent: number, drafts: number } };

export type NotificationReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationReceivedSubscription = { notificationReceived: { id: string, eventType: string, subjectType: string, subjectId: string, message: string, createdAt: string, read: boolean } };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type LivePollQueryVariables = Exact<{
  counts: boolean;
  notifications: boolean;
}>;


export type LivePollQuery = { unreadNotificationCount?: number, referrals?: { counts: { needsAction: number, received: number, sent: number, drafts: number } } };

export type UpdateAgencyProfileMutationVariables = Exact<{
  input: UpdateAgencyProfileInput;
}>;


export type UpdateAgencyProfileMutation = { updateAgencyProfile: { agency: { id: string, name: string, type: AgencyType, jurisdiction: string, status: AgencyStatus, description: string, services: Array<ServiceNeed>, languages: Array<string>, serviceAreas: Array<string>, hours: string | null, intakePhone: string | null, intakeEmail: string | null, website: string | null, acceptingReferrals: boolean, notificationLanguage: string, confidentialLocation: boolean, version: number, address: { street: string, city: string, region: string, postalCode: string } | null } } };

export type AgencyProfileFieldsFragment = { id: string, name: string, type: AgencyType, jurisdiction: string, status: AgencyStatus, description: string, services: Array<ServiceNeed>, languages: Array<string>, serviceAreas: Array<string>, hours: string | null, intakePhone: string | null, intakeEmail: string | null, website: string | null, acceptingReferrals: boolean, notificationLanguage: string, confidentialLocation: boolean, version: number, address: { street: string, city: string, region: string, postalCode: string } | null };

export type AgencyProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type AgencyProfileQuery = { agency: { availableActions: Array<AgencyAction>, id: string, name: string, type: AgencyType, jurisdiction: string, status: AgencyStatus, description: string, services: Array<ServiceNeed>, languages: Array<string>, serviceAreas: Array<string>, hours: string | null, intakePhone: string | null, intakeEmail: string | null, website: string | null, acceptingReferrals: boolean, notificationLanguage: string, confidentialLocation: boolean, version: number, address: { street: string, city: string, region: string, postalCode: string } | null } };

export type AuditEventsQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { edges: Array<{ node: { id: string, occurredAt: string, actorUserId: string | null, actorAgencyId: string | null, action: string, subjectType: string, subjectId: string | null, fields: Array<string>, purpose: string | null, decision: AuditDecision, reason: string | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type AuditEventsCsvQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
}>;


export type AuditEventsCsvQuery = { auditEventsCsv: string };

export type VerifyAuditTrailQueryVariables = Exact<{
  anchor?: AuditAnchorInput | null | undefined;
}>;


export type VerifyAuditTrailQuery = { verifyAuditTrail: { ok: boolean, sealsChecked: number, eventsChecked: number, unsealedEvents: number, problem: { code: AuditProblemCode, eventId: string | null, seal: number | null, count: number | null } | null, anchor: { seq: number, hash: string } | null } };

export type OpenBreakGlassMutationVariables = Exact<{
  input: OpenBreakGlassInput;
}>;


export type OpenBreakGlassMutation = { openBreakGlass: { session: { id: string, expiresAt: string } } };

export type BreakGlassSessionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BreakGlassSessionsQuery = { breakGlassSessions: { edges: Array<{ node: { id: string, survivorId: string, ownerAgencyId: string, agencyId: string, openedBy: string, reason: string, openedAt: string, expiresAt: string, endedAt: string | null, endedReason: BreakGlassEndReason | null, endedNote: string | null, reviewedAt: string | null, reviewFinding: BreakGlassFinding | null, reviewNote: string | null, availableActions: Array<BreakGlassSessionAction> } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type EndBreakGlassMutationVariables = Exact<{
  input: EndBreakGlassInput;
}>;


export type EndBreakGlassMutation = { endBreakGlass: { session: { id: string, endedAt: string | null } } };

export type ReviewBreakGlassMutationVariables = Exact<{
  input: ReviewBreakGlassInput;
}>;


export type ReviewBreakGlassMutation = { reviewBreakGlass: { session: { id: string, reviewedAt: string | null } } };

export type ChildSafetySurvivorQueryVariables = Exact<{
  id: string | number;
}>;


export type ChildSafetySurvivorQuery = { survivor: { id: string, reference: string, minor: boolean, availableActions: Array<SurvivorAction> } };

export type CreateChildSafetyReferralMutationVariables = Exact<{
  input: CreateChildSafetyReferralInput;
}>;


export type CreateChildSafetyReferralMutation = { createChildSafetyReferral: { referral: { id: string, status: ReferralStatus } } };

export type ConsentAgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsentAgenciesQuery = { agencies: { edges: Array<{ node: { id: string, name: string, type: AgencyType, deactivatedAt: string | null } }> }, me: { agency: { id: string } | null } };

export type RecordConsentMutationVariables = Exact<{
  input: RecordConsentInput;
}>;


export type RecordConsentMutation = { recordConsent: { consent: { id: string, status: ConsentStatus } } };

export type ConsentSurvivorQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsentSurvivorQuery = { survivor: { id: string, reference: string, minor: boolean, availableActions: Array<SurvivorAction> } };

export type ConsentRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsentRulesQuery = { consentRules: { maxValidityDays: number, maxBackdateDays: number } };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { unreadNotificationCount: number, referrals: { counts: { needsAction: number, received: number, sent: number, drafts: number } } };

export type InboxQueryVariables = Exact<{
  box: ReferralBox;
  status?: ReferralStatus | null | undefined;
  need?: ServiceNeed | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxQuery = { referrals: { counts: { needsAction: number, received: number, sent: number, drafts: number }, edges: Array<{ node: { id: string, status: ReferralStatus, urgency: Urgency, needs: Array<ServiceNeed>, createdAt: string, responseDueAt: string | null, fromAgency: { id: string, name: string }, toAgency: { id: string, name: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ReferralDirectoryQueryVariables = Exact<{
  need?: ServiceNeed | null | undefined;
  language?: string | null | undefined;
  area?: string | null | undefined;
  acceptingOnly?: boolean | null | undefined;
}>;


export type ReferralDirectoryQuery = { directory: { edges: Array<{ node: { id: string, name: string, type: AgencyType, services: Array<ServiceNeed>, languages: Array<string>, serviceAreas: Array<string>, acceptingReferrals: boolean } }> } };

export type CreateReferralMutationVariables = Exact<{
  input: CreateReferralInput;
}>;


export type CreateReferralMutation = { createReferral: { referral: { id: string, status: ReferralStatus, version: number } } };

export type NewReferralMeQueryVariables = Exact<{ [key: string]: never; }>;


export type NewReferralMeQuery = { me: { agency: { id: string } | null } };

export type OnwardReferralParentQueryVariables = Exact<{
  id: string | number;
}>;


export type OnwardReferralParentQuery = { referral: { id: string, sentAt: string | null, createdAt: string, language: string | null, ageBand: string | null, fromAgency: { id: string, name: string }, toAgency: { id: string }, survivor: { id: string, reference: string, ageBand: AgeBand } | null } };

export type ReferralConsentsQueryVariables = Exact<{
  survivorId: string | number;
}>;


export type ReferralConsentsQuery = { consents: Array<{ id: string, status: ConsentStatus, purposes: Array<ConsentPurpose>, recipientAgencyIds: Array<string>, dataClasses: Array<DataClass>, validUntil: string }> };

export type NotificationPreferenceQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferenceQuery = { notificationPreference: { delivery: NotificationDelivery, email: string | null, updatedAt: string | null }, me: { userId: string, email: string | null } };

export type SetNotificationPreferenceMutationVariables = Exact<{
  input: SetNotificationPreferenceInput;
}>;


export type SetNotificationPreferenceMutation = { setNotificationPreference: { preference: { delivery: NotificationDelivery, email: string | null, updatedAt: string | null } } };

export type NotificationRowFragment = { id: string, eventType: string, subjectType: string, subjectId: string, message: string, createdAt: string, read: boolean };

export type NotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type NotificationsQuery = { unreadNotificationCount: number, notifications: { edges: Array<{ node: { id: string, eventType: string, subjectType: string, subjectId: string, message: string, createdAt: string, read: boolean } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type NotificationQueryVariables = Exact<{
  id: string | number;
}>;


export type NotificationQuery = { notification: { id: string, eventType: string, subjectType: string, subjectId: string, message: string, createdAt: string, read: boolean } };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { marked: number, unreadCount: number } };

export type PendingAcknowledgementsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PendingAcknowledgementsQuery = { pendingAcknowledgements: { edges: Array<{ node: { id: string, number: number, title: string, publishedAt: string | null, effectiveDate: string | null, protocolId: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type PendingAcknowledgementCountQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type PendingAcknowledgementCountQuery = { pendingAcknowledgements: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean } } };

export type AcknowledgeProtocolMutationVariables = Exact<{
  input: AcknowledgeProtocolInput;
}>;


export type AcknowledgeProtocolMutation = { acknowledgeProtocol: { acknowledgement: { versionId: string, agencyId: string, acknowledgedAt: string } } };

export type PublishProtocolVersionMutationVariables = Exact<{
  input: PublishProtocolVersionInput;
}>;


export type PublishProtocolVersionMutation = { publishProtocolVersion: { protocol: { id: string, state: ProtocolState, version: number } } };

export type ArchiveProtocolMutationVariables = Exact<{
  input: ArchiveProtocolInput;
}>;


export type ArchiveProtocolMutation = { archiveProtocol: { protocol: { id: string, state: ProtocolState, version: number } } };

export type ProtocolPreviewQueryVariables = Exact<{
  body: string;
}>;


export type ProtocolPreviewQuery = { protocolPreview: { bodyHtml: string } };

export type CreateProtocolMutationVariables = Exact<{
  input: CreateProtocolInput;
}>;


export type CreateProtocolMutation = { createProtocol: { protocol: { id: string } } };

export type UpdateProtocolDraftMutationVariables = Exact<{
  input: UpdateProtocolDraftInput;
}>;


export type UpdateProtocolDraftMutation = { updateProtocolDraft: { protocol: { id: string, version: number } } };

export type ProtocolEditFragment = { id: string, number: number, title: string, category: ProtocolCategory, audience: Array<AgencyType>, requiresAcknowledgement: boolean, effectiveDate: string | null, reviewBy: string | null, summaryOfChanges: string | null, body: string, bodyHtml: string };

export type ProtocolForEditQueryVariables = Exact<{
  id: string | number;
}>;


export type ProtocolForEditQuery = { protocol: { id: string, title: string, version: number, availableActions: Array<ProtocolAction>, draft: { id: string, number: number, title: string, category: ProtocolCategory, audience: Array<AgencyType>, requiresAcknowledgement: boolean, effectiveDate: string | null, reviewBy: string | null, summaryOfChanges: string | null, body: string, bodyHtml: string } | null, currentVersion: { id: string, number: number, title: string, category: ProtocolCategory, audience: Array<AgencyType>, requiresAcknowledgement: boolean, effectiveDate: string | null, reviewBy: string | null, summaryOfChanges: string | null, body: string, bodyHtml: string } | null } };

export type ProtocolVersionFactsFragment = { id: string, number: number, title: string, state: ProtocolVersionState, audience: Array<AgencyType>, requiresAcknowledgement: boolean, effectiveDate: string | null, reviewBy: string | null, dueForReview: boolean, summaryOfChanges: string | null, publishedAt: string | null, supersededAt: string | null };

export type ProtocolDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ProtocolDetailQuery = { protocol: { id: string, title: string, category: ProtocolCategory, audience: Array<AgencyType>, state: ProtocolState, version: number, dueForReview: boolean, archivedAt: string | null, archiveReason: string | null, availableActions: Array<ProtocolAction>, ownerAgency: { id: string, name: string }, currentVersion: { bodyHtml: string, id: string, number: number, title: string, state: ProtocolVersionState, audience: Array<AgencyType>, requiresAcknowledgement: boolean, effectiveDate: string | null, reviewBy: string | null, dueForReview: boolean, summaryOfChanges: string | null, publishedAt: string | null, supersededAt: string | null, acknowledgements: Array<{ agencyId: string, acknowledged: boolean, acknowledgedAt: string | null, agency: { id: string, name: string, type: AgencyType } }> } | null, draft: { bodyHtml: string, id: string, number: number, title: string, state: ProtocolVersionState, audience: Array<AgencyType>, requiresAcknowledgement: boolean, effectiveDate: string | null, reviewBy: string | null, dueForReview: boolean, summaryOfChanges: string | null, publishedAt: string | null, supersededAt: string | null } | null, versions: Array<{ id: string, number: number, title: string, state: ProtocolVersionState, audience: Array<AgencyType>, requiresAcknowledgement: boolean, effectiveDate: string | null, reviewBy: string | null, dueForReview: boolean, summaryOfChanges: string | null, publishedAt: string | null, supersededAt: string | null }> } };

export type ProtocolVersionTextsQueryVariables = Exact<{
  id: string | number;
}>;


export type ProtocolVersionTextsQuery = { protocol: { id: string, versions: Array<{ id: string, bodyHtml: string }> } };

export type ProtocolListQueryVariables = Exact<{
  taskForceId?: string | number | null | undefined;
  category?: ProtocolCategory | null | undefined;
  state?: ProtocolState | null | undefined;
  text?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProtocolListQuery = { protocols: { edges: Array<{ node: { id: string, title: string, category: ProtocolCategory, state: ProtocolState, dueForReview: boolean, updatedAt: string, currentVersion: { id: string, number: number, publishedAt: string | null, requiresAcknowledgement: boolean } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type MyTaskForcesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTaskForcesQuery = { me: { userId: string, agency: { id: string, name: string } | null, taskForces: Array<{ role: TaskForceRole, taskForce: { id: string, name: string } }> } };

export type SendReferralMutationVariables = Exact<{
  input: ReferralTransitionInput;
}>;


export type SendReferralMutation = { sendReferral: { referral: { id: string, status: ReferralStatus, version: number } } };

export type AcknowledgeReferralMutationVariables = Exact<{
  input: ReferralTransitionInput;
}>;


export type AcknowledgeReferralMutation = { acknowledgeReferral: { referral: { id: string, status: ReferralStatus, version: number } } };

export type AcceptReferralMutationVariables = Exact<{
  input: ReferralTransitionInput;
}>;


export type AcceptReferralMutation = { acceptReferral: { referral: { id: string, status: ReferralStatus, version: number } } };

export type StartReferralMutationVariables = Exact<{
  input: ReferralTransitionInput;
}>;


export type StartReferralMutation = { startReferral: { referral: { id: string, status: ReferralStatus, version: number } } };

export type HoldReferralMutationVariables = Exact<{
  input: ReferralTransitionInput;
}>;


export type HoldReferralMutation = { holdReferral: { referral: { id: string, status: ReferralStatus, version: number } } };

export type WithdrawReferralMutationVariables = Exact<{
  input: ReferralTransitionInput;
}>;


export type WithdrawReferralMutation = { withdrawReferral: { referral: { id: string, status: ReferralStatus, version: number } } };

export type DeclineReferralMutationVariables = Exact<{
  input: DeclineReferralInput;
}>;


export type DeclineReferralMutation = { declineReferral: { referral: { id: string, status: ReferralStatus, version: number } } };

export type CompleteReferralMutationVariables = Exact<{
  input: CompleteReferralInput;
}>;


export type CompleteReferralMutation = { completeReferral: { referral: { id: string, status: ReferralStatus, version: number } } };

export type FailReferralMutationVariables = Exact<{
  input: FailReferralInput;
}>;


export type FailReferralMutation = { failReferral: { referral: { id: string, status: ReferralStatus, version: number } } };

export type AddReferralMessageMutationVariables = Exact<{
  input: AddReferralMessageInput;
}>;


export type AddReferralMessageMutation = { addReferralMessage: { message: { id: string } } };

export type ReferralDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ReferralDetailQuery = { referral: { id: string, kind: ReferralKind, status: ReferralStatus, version: number, availableActions: Array<ReferralAction>, urgency: Urgency, needs: Array<ServiceNeed>, notes: string | null, createdAt: string, responseDueAt: string | null, ageBand: string | null, language: string | null, callback: string | null, sharedClasses: Array<DataClass>, survivorId: string | null, survivorActions: Array<SurvivorAction>, failureReason: string | null, parent: { id: string, sentAt: string | null, createdAt: string, fromAgency: { id: string, name: string } } | null, fromAgency: { id: string, name: string }, toAgency: { id: string, name: string }, outcome: { servicesDelivered: Array<ServiceNeed>, text: string | null } | null, decline: { reason: DeclineReason, declinedBy: DeclinedBy, text: string | null } | null, survivor: { reference: string, minor: boolean, ageBand: AgeBand, givenName: string | null, familyName: string | null, aliases: Array<string> | null, dateOfBirth: string | null, gender: string | null, phone: string | null, email: string | null, address: string | null, preferredLanguage: string | null, interpreterNeeded: boolean | null, situationSummary: string | null, immigrationStatus: string | null, medicalNotes: string | null } | null, events: Array<{ id: string, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reason: string | null, actorAgencyId: string | null }>, messages: Array<{ id: string, authorAgencyId: string, body: string, createdAt: string }> } };

export type SurvivorRecordFragment = { id: string, reference: string, minor: boolean, ageBand: AgeBand, version: number, ownerAgencyId: string, createdAt: string, updatedAt: string, givenName: string | null, familyName: string | null, aliases: Array<string> | null, dateOfBirth: string | null, gender: string | null, phone: string | null, email: string | null, address: string | null, preferredLanguage: string | null, interpreterNeeded: boolean | null, situationSummary: string | null, caseNotes: string | null, immigrationStatus: string | null, immigrationDocuments: string | null, medicalNotes: string | null, mentalHealthNotes: string | null, substanceUseNotes: string | null, ownerAgency: { id: string, name: string }, safeContact: { doNotContact: boolean, safeMethod: string | null, safeTimes: string | null } | null, needs: Array<{ need: ServiceNeed, priority: NeedPriority }> | null };

export type SurvivorForEditQueryVariables = Exact<{
  id: string | number;
}>;


export type SurvivorForEditQuery = { survivor: { availableActions: Array<SurvivorAction>, id: string, reference: string, minor: boolean, ageBand: AgeBand, version: number, ownerAgencyId: string, createdAt: string, updatedAt: string, givenName: string | null, familyName: string | null, aliases: Array<string> | null, dateOfBirth: string | null, gender: string | null, phone: string | null, email: string | null, address: string | null, preferredLanguage: string | null, interpreterNeeded: boolean | null, situationSummary: string | null, caseNotes: string | null, immigrationStatus: string | null, immigrationDocuments: string | null, medicalNotes: string | null, mentalHealthNotes: string | null, substanceUseNotes: string | null, ownerAgency: { id: string, name: string }, safeContact: { doNotContact: boolean, safeMethod: string | null, safeTimes: string | null } | null, needs: Array<{ need: ServiceNeed, priority: NeedPriority }> | null } };

export type CreateSurvivorMutationVariables = Exact<{
  input: CreateSurvivorInput;
}>;


export type CreateSurvivorMutation = { createSurvivor: { survivor: { id: string } } };

export type UpdateSurvivorMutationVariables = Exact<{
  input: UpdateSurvivorInput;
}>;


export type UpdateSurvivorMutation = { updateSurvivor: { survivor: { id: string, version: number } } };

export type SurvivorDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type SurvivorDetailQuery = { survivor: { availableActions: Array<SurvivorAction>, id: string, reference: string, minor: boolean, ageBand: AgeBand, version: number, ownerAgencyId: string, createdAt: string, updatedAt: string, givenName: string | null, familyName: string | null, aliases: Array<string> | null, dateOfBirth: string | null, gender: string | null, phone: string | null, email: string | null, address: string | null, preferredLanguage: string | null, interpreterNeeded: boolean | null, situationSummary: string | null, caseNotes: string | null, immigrationStatus: string | null, immigrationDocuments: string | null, medicalNotes: string | null, mentalHealthNotes: string | null, substanceUseNotes: string | null, ownerAgency: { id: string, name: string }, safeContact: { doNotContact: boolean, safeMethod: string | null, safeTimes: string | null } | null, needs: Array<{ need: ServiceNeed, priority: NeedPriority }> | null } };

export type SurvivorConsentsQueryVariables = Exact<{
  survivorId: string | number;
}>;


export type SurvivorConsentsQuery = { consents: Array<{ id: string, status: ConsentStatus, ownerAgencyId: string, recipientAgencyIds: Array<string>, purposes: Array<ConsentPurpose>, dataClasses: Array<DataClass>, validFrom: string, validUntil: string, obtainedHow: ConsentObtainedHow, language: string, interpreterUsed: boolean, interpreterName: string | null, documentReference: string, recordedAt: string, availableActions: Array<ConsentAction>, grantor: { type: GrantorType, name: string | null, relationship: string | null }, revocation: { channel: RevocationChannel, reason: string | null, revokedAt: string, revokedByAgencyId: string } | null }> };

export type RevokeConsentMutationVariables = Exact<{
  input: RevokeConsentInput;
}>;


export type RevokeConsentMutation = { revokeConsent: { consent: { id: string, status: ConsentStatus } } };

export type SurvivorsQueryVariables = Exact<{
  reference?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SurvivorsQuery = { survivors: { edges: Array<{ node: { id: string, reference: string, ageBand: AgeBand, minor: boolean, createdAt: string, ownerAgency: { id: string, name: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type TaskForceMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type TaskForceMembersQuery = { me: { userId: string, taskForces: Array<{ role: TaskForceRole, taskForce: { id: string, name: string, jurisdiction: string, description: string, availableActions: Array<TaskForceAction>, members: Array<{ taskForceId: string, agencyId: string, role: TaskForceRole, version: number, joinedAt: string, availableActions: Array<TaskForceMemberAction>, agency: { id: string, name: string, type: AgencyType, status: AgencyStatus } }> } }> } };

export type TaskForceCandidatesQueryVariables = Exact<{
  type?: AgencyType | null | undefined;
}>;


export type TaskForceCandidatesQuery = { agencies: { edges: Array<{ node: { id: string, name: string, type: AgencyType, status: AgencyStatus } }>, pageInfo: { hasNextPage: boolean } } };

export type AddTaskForceMemberMutationVariables = Exact<{
  input: AddTaskForceMemberInput;
}>;


export type AddTaskForceMemberMutation = { addTaskForceMember: { member: { taskForceId: string, agencyId: string, role: TaskForceRole, version: number } } };

export type UpdateTaskForceMemberMutationVariables = Exact<{
  input: UpdateTaskForceMemberInput;
}>;


export type UpdateTaskForceMemberMutation = { updateTaskForceMember: { member: { taskForceId: string, agencyId: string, role: TaskForceRole, version: number } } };

export type RemoveTaskForceMemberMutationVariables = Exact<{
  input: RemoveTaskForceMemberInput;
}>;


export type RemoveTaskForceMemberMutation = { removeTaskForceMember: { taskForceId: string, agencyId: string } };

export type TechnicalAssistanceMovedFragment = { id: string, status: TechnicalAssistanceStatus, version: number };

export type TriageTechnicalAssistanceMutationVariables = Exact<{
  input: TriageTechnicalAssistanceInput;
}>;


export type TriageTechnicalAssistanceMutation = { triageTechnicalAssistance: { request: { id: string, status: TechnicalAssistanceStatus, version: number } } };

export type AssignTechnicalAssistanceMutationVariables = Exact<{
  input: AssignTechnicalAssistanceInput;
}>;


export type AssignTechnicalAssistanceMutation = { assignTechnicalAssistance: { request: { id: string, status: TechnicalAssistanceStatus, version: number } } };

export type StartTechnicalAssistanceMutationVariables = Exact<{
  input: StartTechnicalAssistanceInput;
}>;


export type StartTechnicalAssistanceMutation = { startTechnicalAssistance: { request: { id: string, status: TechnicalAssistanceStatus, version: number } } };

export type RecordTechnicalAssistanceSessionMutationVariables = Exact<{
  input: RecordTechnicalAssistanceSessionInput;
}>;


export type RecordTechnicalAssistanceSessionMutation = { recordTechnicalAssistanceSession: { request: { id: string, status: TechnicalAssistanceStatus, version: number }, session: { id: string } } };

export type DeliverTechnicalAssistanceMutationVariables = Exact<{
  input: DeliverTechnicalAssistanceInput;
}>;


export type DeliverTechnicalAssistanceMutation = { deliverTechnicalAssistance: { request: { id: string, status: TechnicalAssistanceStatus, version: number } } };

export type CloseTechnicalAssistanceMutationVariables = Exact<{
  input: CloseTechnicalAssistanceInput;
}>;


export type CloseTechnicalAssistanceMutation = { closeTechnicalAssistance: { request: { id: string, status: TechnicalAssistanceStatus, version: number } } };

export type DeclineTechnicalAssistanceMutationVariables = Exact<{
  input: DeclineTechnicalAssistanceInput;
}>;


export type DeclineTechnicalAssistanceMutation = { declineTechnicalAssistance: { request: { id: string, status: TechnicalAssistanceStatus, version: number } } };

export type WithdrawTechnicalAssistanceMutationVariables = Exact<{
  input: WithdrawTechnicalAssistanceInput;
}>;


export type WithdrawTechnicalAssistanceMutation = { withdrawTechnicalAssistance: { request: { id: string, status: TechnicalAssistanceStatus, version: number } } };

export type TechnicalAssistanceProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type TechnicalAssistanceProvidersQuery = { providers: { edges: Array<{ node: { id: string, name: string, type: AgencyType, jurisdiction: string, status: AgencyStatus } }>, pageInfo: { hasNextPage: boolean } }, federalPartners: { edges: Array<{ node: { id: string, name: string, type: AgencyType, jurisdiction: string, status: AgencyStatus } }>, pageInfo: { hasNextPage: boolean } } };

export type TechnicalAssistanceListQueryVariables = Exact<{
  scope?: TechnicalAssistanceScope | null | undefined;
  status?: TechnicalAssistanceStatus | null | undefined;
  topic?: TechnicalAssistanceTopic | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TechnicalAssistanceListQuery = { technicalAssistanceRequests: { edges: Array<{ node: { id: string, topic: TechnicalAssistanceTopic, type: TechnicalAssistanceType, status: TechnicalAssistanceStatus, urgency: TechnicalAssistanceUrgency, priority: TechnicalAssistancePriority | null, createdAt: string, requestingAgency: { id: string, name: string }, assignedAgency: { id: string, name: string } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type TechnicalAssistanceRequestMeQueryVariables = Exact<{ [key: string]: never; }>;


export type TechnicalAssistanceRequestMeQuery = { me: { agency: { id: string, name: string } | null, taskForces: Array<{ taskForce: { id: string, name: string } }> } };

export type RequestTechnicalAssistanceMutationVariables = Exact<{
  input: RequestTechnicalAssistanceInput;
}>;


export type RequestTechnicalAssistanceMutation = { requestTechnicalAssistance: { request: { id: string, status: TechnicalAssistanceStatus, version: number } } };

export type TechnicalAssistanceRequestDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type TechnicalAssistanceRequestDetailQuery = { technicalAssistanceRequest: { id: string, status: TechnicalAssistanceStatus, version: number, availableActions: Array<TechnicalAssistanceAction>, topic: TechnicalAssistanceTopic, type: TechnicalAssistanceType, modality: TechnicalAssistanceModality, urgency: TechnicalAssistanceUrgency, priority: TechnicalAssistancePriority | null, problemStatement: string, whyItMatters: string, currentPractice: string, desiredOutcome: string, preferredStartDate: string | null, preferredEndDate: string | null, audiences: Array<TechnicalAssistanceAudience>, expectedAttendees: number, triageNote: string | null, assigneeName: string | null, deliverySummary: string | null, declineReason: string | null, rating: number | null, feedback: string | null, createdAt: string, requestingAgency: { id: string, name: string }, assignedAgency: { id: string, name: string } | null, sessions: Array<{ id: string, kind: TechnicalAssistanceSessionKind, heldOn: string, modality: TechnicalAssistanceModality, hours: number, totalAttendees: number, materials: Array<string>, notes: string | null, attendance: Array<{ audience: TechnicalAssistanceAudience, attendees: number }> }>, events: Array<{ id: string, occurredAt: string, fromStatus: TechnicalAssistanceStatus | null, toStatus: TechnicalAssistanceStatus, reason: string | null, actorAgencyId: string | null }>, messages: Array<{ id: string, authorAgencyId: string, body: string, createdAt: string }> } };

export type AddTechnicalAssistanceMessageMutationVariables = Exact<{
  input: AddTechnicalAssistanceMessageInput;
}>;


export type AddTechnicalAssistanceMessageMutation = { addTechnicalAssistanceMessage: { message: { id: string } } };

export const AgencyProfileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgencyProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"jurisdiction"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAreas"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"intakePhone"}},{"kind":"Field","name":{"kind":"Name","value":"intakeEmail"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingReferrals"}},{"kind":"Field","name":{"kind":"Name","value":"notificationLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"confidentialLocation"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}}]}}]}}]} as unknown as DocumentNode<AgencyProfileFieldsFragment, unknown>;
export const NotificationRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]} as unknown as DocumentNode<NotificationRowFragment, unknown>;
export const ProtocolEditFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProtocolEdit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProtocolVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"requiresAcknowledgement"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDate"}},{"kind":"Field","name":{"kind":"Name","value":"reviewBy"}},{"kind":"Field","name":{"kind":"Name","value":"summaryOfChanges"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]} as unknown as DocumentNode<ProtocolEditFragment, unknown>;
export const ProtocolVersionFactsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProtocolVersionFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProtocolVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"requiresAcknowledgement"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDate"}},{"kind":"Field","name":{"kind":"Name","value":"reviewBy"}},{"kind":"Field","name":{"kind":"Name","value":"dueForReview"}},{"kind":"Field","name":{"kind":"Name","value":"summaryOfChanges"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"supersededAt"}}]}}]} as unknown as DocumentNode<ProtocolVersionFactsFragment, unknown>;
export const SurvivorRecordFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SurvivorRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Survivor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"minor"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgencyId"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"safeContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doNotContact"}},{"kind":"Field","name":{"kind":"Name","value":"safeMethod"}},{"kind":"Field","name":{"kind":"Name","value":"safeTimes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preferredLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"interpreterNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"situationSummary"}},{"kind":"Field","name":{"kind":"Name","value":"caseNotes"}},{"kind":"Field","name":{"kind":"Name","value":"immigrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"immigrationDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"medicalNotes"}},{"kind":"Field","name":{"kind":"Name","value":"mentalHealthNotes"}},{"kind":"Field","name":{"kind":"Name","value":"substanceUseNotes"}}]}}]} as unknown as DocumentNode<SurvivorRecordFragment, unknown>;
export const TechnicalAssistanceMovedFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TechnicalAssistanceMoved"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<TechnicalAssistanceMovedFragment, unknown>;
export const CapabilitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}}]}}]}}]} as unknown as DocumentNode<CapabilitiesQuery, CapabilitiesQueryVariables>;
export const InboxCountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InboxCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inboxCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needsAction"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"sent"}},{"kind":"Field","name":{"kind":"Name","value":"drafts"}}]}}]}}]} as unknown as DocumentNode<InboxCountsSubscription, InboxCountsSubscriptionVariables>;
export const NotificationReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]} as unknown as DocumentNode<NotificationReceivedSubscription, NotificationReceivedSubscriptionVariables>;
export const UnreadNotificationCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnreadNotificationCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]} as unknown as DocumentNode<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const LivePollDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LivePoll"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"counts"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notifications"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"box"},"value":{"kind":"EnumValue","value":"NEEDS_ACTION"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"counts"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needsAction"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"sent"}},{"kind":"Field","name":{"kind":"Name","value":"drafts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notifications"}}}]}]}]}}]} as unknown as DocumentNode<LivePollQuery, LivePollQueryVariables>;
export const UpdateAgencyProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAgencyProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAgencyProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAgencyProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgencyProfileFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgencyProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"jurisdiction"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAreas"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"intakePhone"}},{"kind":"Field","name":{"kind":"Name","value":"intakeEmail"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingReferrals"}},{"kind":"Field","name":{"kind":"Name","value":"notificationLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"confidentialLocation"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}}]}}]}}]} as unknown as DocumentNode<UpdateAgencyProfileMutation, UpdateAgencyProfileMutationVariables>;
export const AgencyProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgencyProfileFields"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgencyProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"jurisdiction"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAreas"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"intakePhone"}},{"kind":"Field","name":{"kind":"Name","value":"intakeEmail"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingReferrals"}},{"kind":"Field","name":{"kind":"Name","value":"notificationLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"confidentialLocation"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}}]}}]}}]} as unknown as DocumentNode<AgencyProfileQuery, AgencyProfileQueryVariables>;
export const AuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorUserId"}},{"kind":"Field","name":{"kind":"Name","value":"actorAgencyId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const AuditEventsCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEventsCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEventsCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}]}]}}]} as unknown as DocumentNode<AuditEventsCsvQuery, AuditEventsCsvQueryVariables>;
export const VerifyAuditTrailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyAuditTrail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"anchor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditAnchorInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyAuditTrail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"anchor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"anchor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"problem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"seal"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sealsChecked"}},{"kind":"Field","name":{"kind":"Name","value":"eventsChecked"}},{"kind":"Field","name":{"kind":"Name","value":"unsealedEvents"}},{"kind":"Field","name":{"kind":"Name","value":"anchor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}}]}}]}}]}}]} as unknown as DocumentNode<VerifyAuditTrailQuery, VerifyAuditTrailQueryVariables>;
export const OpenBreakGlassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenBreakGlass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenBreakGlassInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openBreakGlass"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<OpenBreakGlassMutation, OpenBreakGlassMutationVariables>;
export const BreakGlassSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BreakGlassSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"breakGlassSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"survivorId"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgencyId"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}},{"kind":"Field","name":{"kind":"Name","value":"openedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedReason"}},{"kind":"Field","name":{"kind":"Name","value":"endedNote"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewFinding"}},{"kind":"Field","name":{"kind":"Name","value":"reviewNote"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<BreakGlassSessionsQuery, BreakGlassSessionsQueryVariables>;
export const EndBreakGlassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndBreakGlass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EndBreakGlassInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endBreakGlass"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}}]}}]}}]} as unknown as DocumentNode<EndBreakGlassMutation, EndBreakGlassMutationVariables>;
export const ReviewBreakGlassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewBreakGlass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewBreakGlassInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewBreakGlass"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ReviewBreakGlassMutation, ReviewBreakGlassMutationVariables>;
export const ChildSafetySurvivorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChildSafetySurvivor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"survivor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"minor"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}}]} as unknown as DocumentNode<ChildSafetySurvivorQuery, ChildSafetySurvivorQueryVariables>;
export const CreateChildSafetyReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateChildSafetyReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateChildSafetyReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createChildSafetyReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CreateChildSafetyReferralMutation, CreateChildSafetyReferralMutationVariables>;
export const ConsentAgenciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsentAgencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ConsentAgenciesQuery, ConsentAgenciesQueryVariables>;
export const RecordConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RecordConsentMutation, RecordConsentMutationVariables>;
export const ConsentSurvivorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsentSurvivor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"survivor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"minor"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}}]} as unknown as DocumentNode<ConsentSurvivorQuery, ConsentSurvivorQueryVariables>;
export const ConsentRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsentRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"maxBackdateDays"}}]}}]}}]} as unknown as DocumentNode<ConsentRulesQuery, ConsentRulesQueryVariables>;
export const HomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"box"},"value":{"kind":"EnumValue","value":"NEEDS_ACTION"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needsAction"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"sent"}},{"kind":"Field","name":{"kind":"Name","value":"drafts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const InboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"box"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralBox"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"need"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceNeed"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"box"},"value":{"kind":"Variable","name":{"kind":"Name","value":"box"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"need"},"value":{"kind":"Variable","name":{"kind":"Name","value":"need"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needsAction"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"sent"}},{"kind":"Field","name":{"kind":"Name","value":"drafts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const ReferralDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"need"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceNeed"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"area"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"acceptingOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"need"},"value":{"kind":"Variable","name":{"kind":"Name","value":"need"}}},{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}},{"kind":"Argument","name":{"kind":"Name","value":"area"},"value":{"kind":"Variable","name":{"kind":"Name","value":"area"}}},{"kind":"Argument","name":{"kind":"Name","value":"acceptingOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"acceptingOnly"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAreas"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingReferrals"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReferralDirectoryQuery, ReferralDirectoryQueryVariables>;
export const CreateReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<CreateReferralMutation, CreateReferralMutationVariables>;
export const NewReferralMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NewReferralMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<NewReferralMeQuery, NewReferralMeQueryVariables>;
export const OnwardReferralParentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnwardReferralParent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"survivor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}}]}}]}}]}}]} as unknown as DocumentNode<OnwardReferralParentQuery, OnwardReferralParentQueryVariables>;
export const ReferralConsentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralConsents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"survivorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"survivorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"survivorId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"recipientAgencyIds"}},{"kind":"Field","name":{"kind":"Name","value":"dataClasses"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]} as unknown as DocumentNode<ReferralConsentsQuery, ReferralConsentsQueryVariables>;
export const NotificationPreferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationPreference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationPreference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<NotificationPreferenceQuery, NotificationPreferenceQueryVariables>;
export const SetNotificationPreferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetNotificationPreference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetNotificationPreferenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setNotificationPreference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<SetNotificationPreferenceMutation, SetNotificationPreferenceMutationVariables>;
export const NotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;
export const NotificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]} as unknown as DocumentNode<NotificationQuery, NotificationQueryVariables>;
export const MarkNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationsReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marked"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const PendingAcknowledgementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingAcknowledgements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingAcknowledgements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDate"}},{"kind":"Field","name":{"kind":"Name","value":"protocolId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<PendingAcknowledgementsQuery, PendingAcknowledgementsQueryVariables>;
export const PendingAcknowledgementCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingAcknowledgementCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingAcknowledgements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<PendingAcknowledgementCountQuery, PendingAcknowledgementCountQueryVariables>;
export const AcknowledgeProtocolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeProtocol"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcknowledgeProtocolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeProtocol"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"versionId"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}}]}}]}}]}}]} as unknown as DocumentNode<AcknowledgeProtocolMutation, AcknowledgeProtocolMutationVariables>;
export const PublishProtocolVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishProtocolVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishProtocolVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishProtocolVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"protocol"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<PublishProtocolVersionMutation, PublishProtocolVersionMutationVariables>;
export const ArchiveProtocolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveProtocol"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveProtocolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveProtocol"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"protocol"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<ArchiveProtocolMutation, ArchiveProtocolMutationVariables>;
export const ProtocolPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProtocolPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"protocolPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]}}]} as unknown as DocumentNode<ProtocolPreviewQuery, ProtocolPreviewQueryVariables>;
export const CreateProtocolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProtocol"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProtocolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProtocol"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"protocol"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CreateProtocolMutation, CreateProtocolMutationVariables>;
export const UpdateProtocolDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProtocolDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProtocolDraftInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProtocolDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"protocol"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateProtocolDraftMutation, UpdateProtocolDraftMutationVariables>;
export const ProtocolForEditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProtocolForEdit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"protocol"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}},{"kind":"Field","name":{"kind":"Name","value":"draft"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolEdit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolEdit"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProtocolEdit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProtocolVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"requiresAcknowledgement"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDate"}},{"kind":"Field","name":{"kind":"Name","value":"reviewBy"}},{"kind":"Field","name":{"kind":"Name","value":"summaryOfChanges"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]} as unknown as DocumentNode<ProtocolForEditQuery, ProtocolForEditQueryVariables>;
export const ProtocolDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProtocolDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"protocol"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"dueForReview"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archiveReason"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolVersionFacts"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencyId"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledged"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"draft"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolVersionFacts"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolVersionFacts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProtocolVersionFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProtocolVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"requiresAcknowledgement"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDate"}},{"kind":"Field","name":{"kind":"Name","value":"reviewBy"}},{"kind":"Field","name":{"kind":"Name","value":"dueForReview"}},{"kind":"Field","name":{"kind":"Name","value":"summaryOfChanges"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"supersededAt"}}]}}]} as unknown as DocumentNode<ProtocolDetailQuery, ProtocolDetailQueryVariables>;
export const ProtocolVersionTextsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProtocolVersionTexts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"protocol"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]}}]}}]} as unknown as DocumentNode<ProtocolVersionTextsQuery, ProtocolVersionTextsQueryVariables>;
export const ProtocolListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProtocolList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskForceId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProtocolCategory"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProtocolState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"protocols"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"taskForceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskForceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}},{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueForReview"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requiresAcknowledgement"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<ProtocolListQuery, ProtocolListQueryVariables>;
export const MyTaskForcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTaskForces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskForces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"taskForce"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyTaskForcesQuery, MyTaskForcesQueryVariables>;
export const SendReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralTransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<SendReferralMutation, SendReferralMutationVariables>;
export const AcknowledgeReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralTransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<AcknowledgeReferralMutation, AcknowledgeReferralMutationVariables>;
export const AcceptReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralTransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptReferralMutation, AcceptReferralMutationVariables>;
export const StartReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralTransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<StartReferralMutation, StartReferralMutationVariables>;
export const HoldReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralTransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<HoldReferralMutation, HoldReferralMutationVariables>;
export const WithdrawReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralTransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawReferralMutation, WithdrawReferralMutationVariables>;
export const DeclineReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclineReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<DeclineReferralMutation, DeclineReferralMutationVariables>;
export const CompleteReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<CompleteReferralMutation, CompleteReferralMutationVariables>;
export const FailReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FailReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FailReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<FailReferralMutation, FailReferralMutationVariables>;
export const AddReferralMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddReferralMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddReferralMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addReferralMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AddReferralMessageMutation, AddReferralMessageMutationVariables>;
export const ReferralDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"callback"}},{"kind":"Field","name":{"kind":"Name","value":"sharedClasses"}},{"kind":"Field","name":{"kind":"Name","value":"survivorId"}},{"kind":"Field","name":{"kind":"Name","value":"survivorActions"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"servicesDelivered"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"declinedBy"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"survivor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"minor"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"interpreterNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"situationSummary"}},{"kind":"Field","name":{"kind":"Name","value":"immigrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"medicalNotes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actorAgencyId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authorAgencyId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<ReferralDetailQuery, ReferralDetailQueryVariables>;
export const SurvivorForEditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SurvivorForEdit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"survivor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SurvivorRecord"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SurvivorRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Survivor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"minor"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgencyId"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"safeContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doNotContact"}},{"kind":"Field","name":{"kind":"Name","value":"safeMethod"}},{"kind":"Field","name":{"kind":"Name","value":"safeTimes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preferredLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"interpreterNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"situationSummary"}},{"kind":"Field","name":{"kind":"Name","value":"caseNotes"}},{"kind":"Field","name":{"kind":"Name","value":"immigrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"immigrationDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"medicalNotes"}},{"kind":"Field","name":{"kind":"Name","value":"mentalHealthNotes"}},{"kind":"Field","name":{"kind":"Name","value":"substanceUseNotes"}}]}}]} as unknown as DocumentNode<SurvivorForEditQuery, SurvivorForEditQueryVariables>;
export const CreateSurvivorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSurvivor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSurvivorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSurvivor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"survivor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CreateSurvivorMutation, CreateSurvivorMutationVariables>;
export const UpdateSurvivorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSurvivor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSurvivorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSurvivor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"survivor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateSurvivorMutation, UpdateSurvivorMutationVariables>;
export const SurvivorDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SurvivorDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"survivor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SurvivorRecord"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SurvivorRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Survivor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"minor"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgencyId"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"safeContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doNotContact"}},{"kind":"Field","name":{"kind":"Name","value":"safeMethod"}},{"kind":"Field","name":{"kind":"Name","value":"safeTimes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preferredLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"interpreterNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"situationSummary"}},{"kind":"Field","name":{"kind":"Name","value":"caseNotes"}},{"kind":"Field","name":{"kind":"Name","value":"immigrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"immigrationDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"medicalNotes"}},{"kind":"Field","name":{"kind":"Name","value":"mentalHealthNotes"}},{"kind":"Field","name":{"kind":"Name","value":"substanceUseNotes"}}]}}]} as unknown as DocumentNode<SurvivorDetailQuery, SurvivorDetailQueryVariables>;
export const SurvivorConsentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SurvivorConsents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"survivorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"survivorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"survivorId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgencyId"}},{"kind":"Field","name":{"kind":"Name","value":"recipientAgencyIds"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"dataClasses"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"obtainedHow"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"interpreterUsed"}},{"kind":"Field","name":{"kind":"Name","value":"interpreterName"}},{"kind":"Field","name":{"kind":"Name","value":"documentReference"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedByAgencyId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}}]} as unknown as DocumentNode<SurvivorConsentsQuery, SurvivorConsentsQueryVariables>;
export const RevokeConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeConsentMutation, RevokeConsentMutationVariables>;
export const SurvivorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Survivors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reference"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"survivors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reference"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"minor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<SurvivorsQuery, SurvivorsQueryVariables>;
export const TaskForceMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskForceMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"taskForces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"taskForce"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jurisdiction"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskForceId"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TaskForceMembersQuery, TaskForceMembersQueryVariables>;
export const TaskForceCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskForceCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AgencyType"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<TaskForceCandidatesQuery, TaskForceCandidatesQueryVariables>;
export const AddTaskForceMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddTaskForceMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddTaskForceMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTaskForceMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskForceId"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<AddTaskForceMemberMutation, AddTaskForceMemberMutationVariables>;
export const UpdateTaskForceMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTaskForceMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTaskForceMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTaskForceMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskForceId"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateTaskForceMemberMutation, UpdateTaskForceMemberMutationVariables>;
export const RemoveTaskForceMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveTaskForceMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveTaskForceMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeTaskForceMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskForceId"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}}]}}]}}]} as unknown as DocumentNode<RemoveTaskForceMemberMutation, RemoveTaskForceMemberMutationVariables>;
export const TriageTechnicalAssistanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TriageTechnicalAssistance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TriageTechnicalAssistanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triageTechnicalAssistance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TechnicalAssistanceMoved"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TechnicalAssistanceMoved"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<TriageTechnicalAssistanceMutation, TriageTechnicalAssistanceMutationVariables>;
export const AssignTechnicalAssistanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignTechnicalAssistance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignTechnicalAssistanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignTechnicalAssistance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TechnicalAssistanceMoved"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TechnicalAssistanceMoved"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<AssignTechnicalAssistanceMutation, AssignTechnicalAssistanceMutationVariables>;
export const StartTechnicalAssistanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartTechnicalAssistance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartTechnicalAssistanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startTechnicalAssistance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TechnicalAssistanceMoved"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TechnicalAssistanceMoved"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<StartTechnicalAssistanceMutation, StartTechnicalAssistanceMutationVariables>;
export const RecordTechnicalAssistanceSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordTechnicalAssistanceSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordTechnicalAssistanceSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordTechnicalAssistanceSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TechnicalAssistanceMoved"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TechnicalAssistanceMoved"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<RecordTechnicalAssistanceSessionMutation, RecordTechnicalAssistanceSessionMutationVariables>;
export const DeliverTechnicalAssistanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeliverTechnicalAssistance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliverTechnicalAssistanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliverTechnicalAssistance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TechnicalAssistanceMoved"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TechnicalAssistanceMoved"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<DeliverTechnicalAssistanceMutation, DeliverTechnicalAssistanceMutationVariables>;
export const CloseTechnicalAssistanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseTechnicalAssistance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseTechnicalAssistanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeTechnicalAssistance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TechnicalAssistanceMoved"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TechnicalAssistanceMoved"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<CloseTechnicalAssistanceMutation, CloseTechnicalAssistanceMutationVariables>;
export const DeclineTechnicalAssistanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineTechnicalAssistance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclineTechnicalAssistanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineTechnicalAssistance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TechnicalAssistanceMoved"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TechnicalAssistanceMoved"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<DeclineTechnicalAssistanceMutation, DeclineTechnicalAssistanceMutationVariables>;
export const WithdrawTechnicalAssistanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawTechnicalAssistance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawTechnicalAssistanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawTechnicalAssistance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TechnicalAssistanceMoved"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TechnicalAssistanceMoved"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<WithdrawTechnicalAssistanceMutation, WithdrawTechnicalAssistanceMutationVariables>;
export const TechnicalAssistanceProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TechnicalAssistanceProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"providers"},"name":{"kind":"Name","value":"agencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"TA_PROVIDER"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"jurisdiction"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"federalPartners"},"name":{"kind":"Name","value":"agencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"FEDERAL_PARTNER"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"jurisdiction"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<TechnicalAssistanceProvidersQuery, TechnicalAssistanceProvidersQueryVariables>;
export const TechnicalAssistanceListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TechnicalAssistanceList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceScope"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"topic"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TechnicalAssistanceTopic"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"technicalAssistanceRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"topic"},"value":{"kind":"Variable","name":{"kind":"Name","value":"topic"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestingAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<TechnicalAssistanceListQuery, TechnicalAssistanceListQueryVariables>;
export const TechnicalAssistanceRequestMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TechnicalAssistanceRequestMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskForces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskForce"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TechnicalAssistanceRequestMeQuery, TechnicalAssistanceRequestMeQueryVariables>;
export const RequestTechnicalAssistanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestTechnicalAssistance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestTechnicalAssistanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestTechnicalAssistance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<RequestTechnicalAssistanceMutation, RequestTechnicalAssistanceMutationVariables>;
export const TechnicalAssistanceRequestDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TechnicalAssistanceRequestDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"technicalAssistanceRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"problemStatement"}},{"kind":"Field","name":{"kind":"Name","value":"whyItMatters"}},{"kind":"Field","name":{"kind":"Name","value":"currentPractice"}},{"kind":"Field","name":{"kind":"Name","value":"desiredOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"preferredStartDate"}},{"kind":"Field","name":{"kind":"Name","value":"preferredEndDate"}},{"kind":"Field","name":{"kind":"Name","value":"audiences"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAttendees"}},{"kind":"Field","name":{"kind":"Name","value":"triageNote"}},{"kind":"Field","name":{"kind":"Name","value":"assigneeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliverySummary"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"feedback"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestingAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"totalAttendees"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"attendees"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actorAgencyId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authorAgencyId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<TechnicalAssistanceRequestDetailQuery, TechnicalAssistanceRequestDetailQueryVariables>;
export const AddTechnicalAssistanceMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddTechnicalAssistanceMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddTechnicalAssistanceMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTechnicalAssistanceMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AddTechnicalAssistanceMessageMutation, AddTechnicalAssistanceMessageMutationVariables>;