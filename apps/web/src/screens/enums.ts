import type {
  AgeBand,
  AgencyType,
  ConsentObtainedHow,
  ConsentPurpose,
  DataClass,
  DeclineReason,
  DeclinedBy,
  GrantorType,
  NeedPriority,
  ProtocolCategory,
  ProtocolState,
  RevocationChannel,
  ServiceNeed,
  TechnicalAssistanceAudience,
  TechnicalAssistanceModality,
  TechnicalAssistancePriority,
  TechnicalAssistanceStatus,
  TechnicalAssistanceTopic,
  TechnicalAssistanceType,
  TechnicalAssistanceUrgency,
  TaskForceRole,
  Urgency,
} from '../gql/graphql';

/**
 * The API's enum values the forms offer, in the order shown. Written as records so the compiler
 * fails when the schema gains or loses a value (the generated types are unions, not objects).
 */
const keys = <T extends string>(values: Record<T, true>) => Object.keys(values) as T[];

export const SERVICE_NEEDS = keys<ServiceNeed>({
  CASE_MANAGEMENT: true,
  HOUSING_AND_SHELTER: true,
  MEDICAL: true,
  DENTAL: true,
  MENTAL_HEALTH: true,
  SUBSTANCE_USE_TREATMENT: true,
  LEGAL: true,
  IMMIGRATION_LEGAL: true,
  INTERPRETATION_AND_TRANSLATION: true,
  TRANSPORTATION: true,
  EDUCATION_AND_LITERACY: true,
  JOB_TRAINING_AND_EMPLOYMENT: true,
  LIFE_SKILLS: true,
  FINANCIAL_ASSISTANCE: true,
  FOOD_AND_SUSTENANCE: true,
  PUBLIC_BENEFITS_AND_CERTIFICATION: true,
  FAMILY_REUNIFICATION: true,
  RETURN_AND_REINTEGRATION: true,
  SUPPORT_GROUPS: true,
  VICTIM_ADVOCACY: true,
  EMERGENCY_RESPONSE: true,
});

/** AGENCY_DEACTIVATED is the hub's own (a referral handed back): nobody declines with it. */
export const DECLINE_REASONS = keys<Exclude<DeclineReason, 'AGENCY_DEACTIVATED'>>({
  NO_CAPACITY: true,
  NOT_ELIGIBLE: true,
  SERVICE_NOT_OFFERED: true,
  COULD_NOT_CONTACT: true,
  SURVIVOR_DECLINED: true,
  DUPLICATE: true,
  OTHER: true,
});

export const DECLINED_BY = keys<DeclinedBy>({ PROVIDER: true, SURVIVOR: true });

export const URGENCIES = keys<Urgency>({ EMERGENCY: true, URGENT: true, ROUTINE: true });

export const AGE_BANDS = keys<AgeBand>({
  UNDER_12: true,
  AGE_12_17: true,
  MINOR_UNKNOWN_AGE: true,
  AGE_18_24: true,
  AGE_25_34: true,
  AGE_35_49: true,
  AGE_50_PLUS: true,
  UNKNOWN: true,
});

export const NEED_PRIORITIES = keys<NeedPriority>({ HIGH: true, MEDIUM: true, LOW: true });

export const DATA_CLASSES = keys<DataClass>({
  IDENTITY: true,
  CONTACT: true,
  NEEDS: true,
  NARRATIVE: true,
  IMMIGRATION: true,
  HEALTH: true,
});

export const CONSENT_PURPOSES = keys<ConsentPurpose>({ SERVICE: true, INVESTIGATION: true });

export const GRANTOR_TYPES = keys<GrantorType>({
  SELF: true,
  PARENT: true,
  GUARDIAN: true,
  LEGAL_REPRESENTATIVE: true,
});

export const OBTAINED_HOW = keys<ConsentObtainedHow>({ WRITTEN: true, E_SIGNATURE: true });

export const REVOCATION_CHANNELS = keys<RevocationChannel>({
  IN_PERSON: true,
  WRITTEN: true,
  E_SIGNATURE: true,
  PHONE: true,
  OTHER: true,
});

export const TA_TOPICS = keys<TechnicalAssistanceTopic>({
  VICTIM_IDENTIFICATION: true,
  TRAUMA_INFORMED_SERVICES: true,
  LABOR_TRAFFICKING: true,
  YOUTH_AND_MINORS: true,
  LEGAL_AND_IMMIGRATION: true,
  PROTOCOL_DEVELOPMENT: true,
  INTERAGENCY_COLLABORATION: true,
  SERVICE_QUALITY: true,
  DATA_AND_EVALUATION: true,
  OTHER: true,
});

export const TA_TYPES = keys<TechnicalAssistanceType>({
  TRAINING: true,
  CONSULTATION: true,
  RESOURCE_REVIEW: true,
  ON_SITE_VISIT: true,
});

export const TA_MODALITIES = keys<TechnicalAssistanceModality>({
  VIRTUAL: true,
  ON_SITE: true,
  HYBRID: true,
});

export const TA_URGENCIES = keys<TechnicalAssistanceUrgency>({
  ROUTINE: true,
  TIME_SENSITIVE: true,
  URGENT: true,
});

export const TA_AUDIENCES = keys<TechnicalAssistanceAudience>({
  SERVICE_PROVIDERS: true,
  LAW_ENFORCEMENT: true,
  PROSECUTORS: true,
  HEALTH_CARE: true,
  CHILD_WELFARE: true,
  SOCIAL_SERVICES: true,
  EDUCATORS: true,
  TASK_FORCE_MEMBERS: true,
  COMMUNITY: true,
  OTHER: true,
});

export const TA_PRIORITIES = keys<TechnicalAssistancePriority>({ HIGH: true, MEDIUM: true, LOW: true });

/** In the order a request moves forward, then the ends. */
export const TA_STATUSES = keys<TechnicalAssistanceStatus>({
  SUBMITTED: true,
  TRIAGED: true,
  ASSIGNED: true,
  IN_PROGRESS: true,
  DELIVERED: true,
  CLOSED: true,
  DECLINED: true,
  WITHDRAWN: true,
});

export const AGENCY_TYPES = keys<AgencyType>({
  NGO: true,
  LAW_ENFORCEMENT: true,
  PROSECUTOR: true,
  HEALTH: true,
  CHILD_WELFARE: true,
  FEDERAL_PARTNER: true,
  TA_PROVIDER: true,
  COORDINATOR: true,
});

export const PROTOCOL_CATEGORIES = keys<ProtocolCategory>({
  REFERRAL: true,
  SCREENING: true,
  RESPONSE: true,
  INFORMATION_SHARING: true,
  MOU: true,
  TRAINING: true,
  OTHER: true,
});

export const PROTOCOL_STATES = keys<ProtocolState>({ DRAFT: true, PUBLISHED: true, ARCHIVED: true });

export const TASK_FORCE_ROLES = keys<TaskForceRole>({
  MEMBER: true,
  OBSERVER: true,
  CO_LEAD_VICTIM_SERVICES: true,
  CO_LEAD_LAW_ENFORCEMENT: true,
});
