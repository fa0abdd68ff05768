import { registerEnumType } from '@nestjs/graphql';

/** What the help is about (OVC TTAC's request categories, adapted to a task force). */
export enum TechnicalAssistanceTopic {
  VICTIM_IDENTIFICATION = 'VICTIM_IDENTIFICATION',
  TRAUMA_INFORMED_SERVICES = 'TRAUMA_INFORMED_SERVICES',
  SERVICE_QUALITY = 'SERVICE_QUALITY',
  INTERAGENCY_COLLABORATION = 'INTERAGENCY_COLLABORATION',
  PROTOCOL_DEVELOPMENT = 'PROTOCOL_DEVELOPMENT',
  DATA_AND_EVALUATION = 'DATA_AND_EVALUATION',
  LEGAL_AND_IMMIGRATION = 'LEGAL_AND_IMMIGRATION',
  LABOR_TRAFFICKING = 'LABOR_TRAFFICKING',
  YOUTH_AND_MINORS = 'YOUTH_AND_MINORS',
  OTHER = 'OTHER',
}
registerEnumType(TechnicalAssistanceTopic, { name: 'TechnicalAssistanceTopic' });

export enum TechnicalAssistanceType {
  TRAINING = 'TRAINING',
  CONSULTATION = 'CONSULTATION',
  RESOURCE_REVIEW = 'RESOURCE_REVIEW',
  ON_SITE_VISIT = 'ON_SITE_VISIT',
}
registerEnumType(TechnicalAssistanceType, { name: 'TechnicalAssistanceType' });

export enum TechnicalAssistanceModality {
  VIRTUAL = 'VIRTUAL',
  ON_SITE = 'ON_SITE',
  HYBRID = 'HYBRID',
}
registerEnumType(TechnicalAssistanceModality, { name: 'TechnicalAssistanceModality' });

/** Who the help is for: the audience of a request, and attendance of a session by audience. */
export enum TechnicalAssistanceAudience {
  LAW_ENFORCEMENT = 'LAW_ENFORCEMENT',
  PROSECUTORS = 'PROSECUTORS',
  SERVICE_PROVIDERS = 'SERVICE_PROVIDERS',
  SOCIAL_SERVICES = 'SOCIAL_SERVICES',
  HEALTH_CARE = 'HEALTH_CARE',
  CHILD_WELFARE = 'CHILD_WELFARE',
  EDUCATORS = 'EDUCATORS',
  COMMUNITY = 'COMMUNITY',
  TASK_FORCE_MEMBERS = 'TASK_FORCE_MEMBERS',
  OTHER = 'OTHER',
}
registerEnumType(TechnicalAssistanceAudience, { name: 'TechnicalAssistanceAudience' });

/** How soon the requester needs the help. */
export enum TechnicalAssistanceUrgency {
  ROUTINE = 'ROUTINE',
  TIME_SENSITIVE = 'TIME_SENSITIVE',
  URGENT = 'URGENT',
}
registerEnumType(TechnicalAssistanceUrgency, { name: 'TechnicalAssistanceUrgency' });

/** The coordinator's priority, set at triage. */
export enum TechnicalAssistancePriority {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(TechnicalAssistancePriority, { name: 'TechnicalAssistancePriority' });

export enum TechnicalAssistanceStatus {
  SUBMITTED = 'SUBMITTED',
  TRIAGED = 'TRIAGED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DELIVERED = 'DELIVERED',
  CLOSED = 'CLOSED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(TechnicalAssistanceStatus, {
  name: 'TechnicalAssistanceStatus',
  description:
    'SUBMITTED → TRIAGED → ASSIGNED → IN_PROGRESS → DELIVERED → CLOSED; DECLINED by the coordinator from SUBMITTED or TRIAGED; WITHDRAWN by the requester before DELIVERED',
});

/** Which requests a list is about, relative to the caller's agency. */
export enum TechnicalAssistanceScope {
  REQUESTED_BY_MY_AGENCY = 'REQUESTED_BY_MY_AGENCY',
  ASSIGNED_TO_MY_AGENCY = 'ASSIGNED_TO_MY_AGENCY',
  MY_TASK_FORCES = 'MY_TASK_FORCES',
}
registerEnumType(TechnicalAssistanceScope, {
  name: 'TechnicalAssistanceScope',
  description:
    'REQUESTED_BY_MY_AGENCY: my agency asked; ASSIGNED_TO_MY_AGENCY: my agency delivers; MY_TASK_FORCES: requests in the task forces my agency belongs to (what I may see of them). Always within what the caller may see.',
});

/** A session with attendance is a training; one without is a consultation. */
export enum TechnicalAssistanceSessionKind {
  TRAINING = 'TRAINING',
  CONSULTATION = 'CONSULTATION',
}
registerEnumType(TechnicalAssistanceSessionKind, { name: 'TechnicalAssistanceSessionKind' });

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as T[keyof T][];
export const TOPICS = values(TechnicalAssistanceTopic);
export const TYPES = values(TechnicalAssistanceType);
export const MODALITIES = values(TechnicalAssistanceModality);
export const AUDIENCES = values(TechnicalAssistanceAudience);
export const URGENCIES = values(TechnicalAssistanceUrgency);
export const PRIORITIES = values(TechnicalAssistancePriority);
export const STATUSES = values(TechnicalAssistanceStatus);
