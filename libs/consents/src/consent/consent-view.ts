import {
  AccessScope,
  CONSENT_NAME_FIELDS,
  ConsentNameField,
  permittedFields,
  PolicyRecords,
} from '@hub/access';
import { markRedacted } from '@hub/graphql';
import { ConsentStatus } from '../shared/enums';
import { consentActions } from './consent-actions';
import { Consent } from './consent.model';
import { ConsentWithRevocation } from './consent.repository';

/** What the policy judges of a consent: its owner, its survivor's minority, its grants live now. */
export function consentRecord(
  consent: { id: string; ownerAgencyId: string },
  minor: boolean,
  liveGrants: { agencyId: string; purposes: string[] }[],
): PolicyRecords['Consent'] {
  return {
    id: consent.id,
    ownerAgencyId: consent.ownerAgencyId,
    minor,
    liveGrants: liveGrants.map(({ agencyId, purposes }) => ({ agencyId, purposes })),
  };
}

/** A consent's status at `now`: revoked, still to start, ended, or in force. */
export function consentStatusAt({ consent, revocation }: ConsentWithRevocation, now: Date): ConsentStatus {
  if (revocation) return ConsentStatus.REVOKED;
  if (consent.validFrom.getTime() > now.getTime()) return ConsentStatus.PENDING;
  if (consent.validUntil.getTime() <= now.getTime()) return ConsentStatus.EXPIRED;
  return ConsentStatus.ACTIVE;
}

/**
 * The one place a consent becomes what a client sees. The grantor's name and relationship and
 * the interpreter's name identify the survivor or their family: the policy's field rules say who
 * reads them (the owning agency); anyone else gets null with NOT_PERMITTED. `disclosed`: the
 * name fields shown that hold a value (what a read must audit).
 */
export function consentModel(
  found: ConsentWithRevocation,
  now: Date,
  scope: AccessScope,
  record: PolicyRecords['Consent'],
): { model: Consent; disclosed: ConsentNameField[] } {
  const { consent, revocation } = found;
  const permitted = new Set(permittedFields(scope.ability, 'read', 'Consent', record, CONSENT_NAME_FIELDS));
  const values: Record<ConsentNameField, string | null> = {
    grantorName: consent.grantorName,
    grantorRelationship: consent.grantorRelationship,
    interpreterName: consent.interpreterName,
  };
  const disclosed = CONSENT_NAME_FIELDS.filter((field) => permitted.has(field) && values[field] !== null);
  const status = consentStatusAt(found, now);
  const model: Consent = {
    id: consent.id,
    survivorId: consent.survivorId,
    ownerAgencyId: consent.ownerAgencyId,
    grantor: {
      type: consent.grantorType,
      name: consent.grantorName,
      relationship: consent.grantorRelationship,
      notSuspectedAttested: consent.grantorNotSuspectedAttested,
    },
    recipientAgencyIds: consent.recipientAgencyIds,
    purposes: consent.purposes,
    dataClasses: consent.dataClasses,
    validFrom: consent.validFrom,
    validUntil: consent.validUntil,
    status,
    obtainedHow: consent.obtainedHow,
    language: consent.language,
    interpreterUsed: consent.interpreterUsed,
    interpreterName: consent.interpreterName,
    acknowledgements: {
      rightToRevoke: consent.acknowledgedRightToRevoke,
      notConditionOfService: consent.acknowledgedNotConditionOfService,
      redisclosureRisk: consent.acknowledgedRedisclosureRisk,
    },
    documentReference: consent.documentReference,
    recordedBy: consent.recordedBy,
    recordedAt: consent.recordedAt,
    revocation: revocation
      ? {
          revokedAt: revocation.revokedAt,
          revokedBy: revocation.revokedBy,
          revokedByAgencyId: revocation.revokedByAgencyId,
          channel: revocation.channel,
          reason: revocation.reason,
        }
      : null,
    availableActions: consentActions(scope.ability, record, status),
  };
  const hiddenGrantor = [
    ...(permitted.has('grantorName') ? [] : ['name' as const]),
    ...(permitted.has('grantorRelationship') ? [] : ['relationship' as const]),
  ];
  if (hiddenGrantor.length) {
    const grantor = { ...model.grantor };
    for (const field of hiddenGrantor) grantor[field] = null;
    model.grantor = markRedacted(grantor, hiddenGrantor);
  }
  if (!permitted.has('interpreterName')) {
    model.interpreterName = null;
    return { model: markRedacted(model, ['interpreterName']), disclosed };
  }
  return { model, disclosed };
}
