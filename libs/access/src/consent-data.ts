/**
 * The fields of a consent as the policy names them. The grantor's name and relationship and the
 * interpreter's name identify the survivor or their family (for SELF the grantor is the
 * survivor): only the owning agency reads them. Everything else is visible wherever the consent is.
 */
export const CONSENT_NAME_FIELDS = ['grantorName', 'grantorRelationship', 'interpreterName'] as const;
export type ConsentNameField = (typeof CONSENT_NAME_FIELDS)[number];

export const CONSENT_RECORD_FIELDS = [
  'id',
  'survivorId',
  'ownerAgencyId',
  'grantorType',
  'grantorNotSuspectedAttested',
  'recipientAgencyIds',
  'purposes',
  'dataClasses',
  'validFrom',
  'validUntil',
  'status',
  'obtainedHow',
  'language',
  'interpreterUsed',
  'acknowledgements',
  'documentReference',
  'recordedBy',
  'recordedAt',
  'revocation',
] as const;
