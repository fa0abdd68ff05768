/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type DeclinedBy =
  | 'PROVIDER'
  | 'SURVIVOR';

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

export type Urgency =
  | 'EMERGENCY'
  | 'ROUTINE'
  | 'URGENT';

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { unreadNotificationCount: number, referrals: { counts: { needsAction: number, received: number, sent: number, drafts: number } } };

export type InboxQueryVariables = Exact<{
  box: ReferralBox;
  status?: ReferralStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxQuery = { referrals: { counts: { needsAction: number, received: number, sent: number, drafts: number }, edges: Array<{ node: { id: string, status: ReferralStatus, urgency: Urgency, needs: Array<ServiceNeed>, createdAt: string, responseDueAt: string | null, fromAgency: { id: string, name: string }, toAgency: { id: string, name: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ReferralDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ReferralDetailQuery = { referral: { id: string, kind: ReferralKind, status: ReferralStatus, urgency: Urgency, needs: Array<ServiceNeed>, notes: string | null, createdAt: string, responseDueAt: string | null, ageBand: string | null, language: string | null, callback: string | null, sharedClasses: Array<DataClass>, survivorId: string | null, failureReason: string | null, fromAgency: { id: string, name: string }, toAgency: { id: string, name: string }, outcome: { servicesDelivered: Array<ServiceNeed>, text: string | null } | null, decline: { reason: DeclineReason, declinedBy: DeclinedBy, text: string | null } | null, survivor: { reference: string, minor: boolean, ageBand: AgeBand, givenName: string | null, familyName: string | null, aliases: Array<string> | null, dateOfBirth: string | null, gender: string | null, phone: string | null, email: string | null, address: string | null, preferredLanguage: string | null, interpreterNeeded: boolean | null, situationSummary: string | null, immigrationStatus: string | null, medicalNotes: string | null } | null, events: Array<{ id: string, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reason: string | null, actorAgencyId: string | null }> } };


export const HomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"box"},"value":{"kind":"EnumValue","value":"NEEDS_ACTION"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needsAction"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"sent"}},{"kind":"Field","name":{"kind":"Name","value":"drafts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const InboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"box"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralBox"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"box"},"value":{"kind":"Variable","name":{"kind":"Name","value":"box"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needsAction"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"sent"}},{"kind":"Field","name":{"kind":"Name","value":"drafts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const ReferralDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"callback"}},{"kind":"Field","name":{"kind":"Name","value":"sharedClasses"}},{"kind":"Field","name":{"kind":"Name","value":"survivorId"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"servicesDelivered"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"declinedBy"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"survivor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"minor"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"interpreterNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"situationSummary"}},{"kind":"Field","name":{"kind":"Name","value":"immigrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"medicalNotes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actorAgencyId"}}]}}]}}]}}]} as unknown as DocumentNode<ReferralDetailQuery, ReferralDetailQueryVariables>;