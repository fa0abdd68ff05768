import { Inject, Injectable } from '@nestjs/common';
import { Agency, AgencyService } from '@hub/agencies';
import { AuditWriter } from '@hub/audit';
import {
  AccessScope,
  PolicyRecords,
  purposeOf,
  visibleConsentFields,
  visibleSurvivorFields,
} from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions } from '@hub/database';
import { BadUserInputError, ForbiddenError } from '@hub/graphql';
import { NotificationPublisher } from '@hub/notifications';
import { Refusals } from '@hub/workflow';
import { consentsConfig, ConsentsConfig } from '../consents.config';
import { isMinorAt } from '../survivor/survivor-access';
import { SurvivorRepository } from '../survivor/survivor.repository';
import { mayRecordAnyConsent, mayRecordConsent } from '../survivor/survivor-permissions';
import { SurvivorService } from '../survivor/survivor.service';
import { consentProblems, MAX_BACKDATE_DAYS } from './consent-rules';
import { consentModel, consentRecord } from './consent-view';
import { RecordConsentInput } from './consent.inputs';
import { Consent, ConsentRules } from './consent.model';
import { ConsentRepository } from './consent.repository';

/**
 * Recording a consent: the survivor's owning agency records it, only for recipients the policy
 * lets read survivor records for its purposes, with its grants and audit row in one transaction
 * (access starts at once), and the recipients it serves are told.
 */
@Injectable()
export class ConsentRecordingService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly survivors: SurvivorRepository,
    private readonly survivorRecords: SurvivorService,
    private readonly agencies: AgencyService,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationPublisher,
    private readonly clock: Clock,
    private readonly refusals: Refusals,
    @Inject(consentsConfig.token) private readonly config: ConsentsConfig,
  ) {}

  /**
   * The limits a consent is held to on this hub (the configured cap), for whoever may record one:
   * the form caps its dates with them. Anyone else is refused, audited like any refusal.
   */
  async rules(scope: AccessScope): Promise<ConsentRules> {
    if (!mayRecordAnyConsent(scope.ability)) {
      await this.refusals.refuse(scope, 'READ_CONSENT_RULES', 'Consent', null, [scope.actor.agencyId]);
      throw new ForbiddenError("Only case staff who record consents read the hub's consent rules");
    }
    return this.limits();
  }

  /** The limits recordConsent applies: the one source of the answer above. */
  private limits(): ConsentRules {
    return { maxValidityDays: this.config.CONSENT_MAX_DAYS, maxBackdateDays: MAX_BACKDATE_DAYS };
  }

  async record(scope: AccessScope, input: RecordConsentInput): Promise<Consent> {
    const { actor, ability } = scope;
    const now = this.clock.now();
    const survivor = await this.survivors.findVisible(scope, input.survivorId, now);
    if (!survivor) throw await this.survivorRecords.notFound(scope, 'RECORD_CONSENT', input.survivorId);
    if (!mayRecordConsent(ability, survivor)) {
      throw await this.survivorRecords.forbidden(
        scope,
        'RECORD_CONSENT',
        survivor,
        "Only the owning agency's case staff may record a survivor's consent",
      );
    }

    const problems = consentProblems(input, {
      now,
      rules: this.limits(),
      survivorIsMinor: isMinorAt(survivor, now),
      ownerAgencyId: survivor.ownerAgencyId,
    });
    const recipients = await this.agencies.getMany(scope, input.recipientAgencyIds);
    recipients.forEach((recipient, index) => {
      if (recipient instanceof Error) {
        problems.push({
          field: 'recipientAgencyIds',
          message: `unknown agency ${input.recipientAgencyIds[index]}`,
        });
      } else if (recipient.deactivatedAt) {
        // Its users are refused at sign-in: a consent naming it would promise a sharing that never happens.
        problems.push({
          field: `recipientAgencyIds[${index}]`,
          message: 'names an agency that was deactivated on the hub',
          reason: 'AGENCY_DEACTIVATED',
        });
      } else if (!this.canEverRead(recipient, survivor, input)) {
        problems.push({
          field: `recipientAgencyIds[${index}]`,
          message: `names an agency whose users can never read survivor records for ${input.purposes.join(' or ')}`,
          reason: 'RECIPIENT_CANNOT_READ',
        });
      }
    });
    if (problems.length) {
      throw new BadUserInputError(
        `Invalid consent: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
        problems,
      );
    }

    const saved = await this.transactions.run(async (tx) => {
      const consent = await this.consents.insertWithGrants(tx, {
        survivorId: survivor.id,
        ownerAgencyId: survivor.ownerAgencyId,
        grantorType: input.grantor.type,
        grantorName: input.grantor.name?.trim() ?? null,
        grantorRelationship: input.grantor.relationship?.trim() ?? null,
        grantorNotSuspectedAttested: input.grantor.notSuspectedAttestation === true,
        recipientAgencyIds: [...input.recipientAgencyIds],
        purposes: [...input.purposes],
        dataClasses: [...input.dataClasses],
        validFrom: input.validFrom ?? now,
        validUntil: input.validUntil,
        obtainedHow: input.obtainedHow,
        language: input.language,
        interpreterUsed: input.interpreterUsed,
        interpreterName: input.interpreterName?.trim() ?? null,
        acknowledgedRightToRevoke: input.acknowledgements.rightToRevoke,
        acknowledgedNotConditionOfService: input.acknowledgements.notConditionOfService,
        acknowledgedRedisclosureRisk: input.acknowledgements.redisclosureRisk,
        documentReference: input.documentReference.trim(),
        recordedBy: actor.userId as string,
      });
      await this.audit.record(tx, {
        actor,
        action: 'RECORD_CONSENT',
        subjectType: 'Consent',
        subjectId: consent.id,
        subjectAgencyIds: [consent.ownerAgencyId, ...consent.recipientAgencyIds],
        purpose: purposeOf(actor.agencyType),
        decision: 'ALLOWED',
      });
      // Only recipients the consent actually serves hear of it (the policy decides): a record an
      // agency may not see does not exist for it (wrong purpose of use, or police and a minor).
      const minor = isMinorAt(survivor, now);
      const served = recipients.filter(
        (agency): agency is Agency =>
          !(agency instanceof Error) &&
          visibleConsentFields(
            agency,
            consentRecord(consent, minor, [{ agencyId: agency.id, purposes: [...input.purposes] }]),
          ) !== null,
      );
      await this.notifications.publish(tx, {
        agencyIds: served.map((agency) => agency.id),
        eventType: 'CONSENT_RECORDED',
        subjectType: 'Survivor',
        subjectId: survivor.id,
        message: `A consent naming your agency was recorded for survivor ${survivor.reference}.`,
      });
      return consent;
    });
    const record = consentRecord(saved, isMinorAt(survivor, now), []);
    return consentModel({ consent: saved, revocation: null }, now, scope, record).model;
  }

  /**
   * DESIGN.md §4 "Who can receive": whether some user of `recipient` could ever read this survivor
   * through the consent, asked of the policy with the grant the consent would create. Asked of
   * the survivor as an adult: a minor's record opens to law enforcement only through a
   * child-safety referral, but the flag or the age may change within the consent's period.
   */
  private canEverRead(
    recipient: Agency,
    survivor: { id: string; ownerAgencyId: string },
    input: RecordConsentInput,
  ): boolean {
    const record: PolicyRecords['Survivor'] = {
      id: survivor.id,
      ownerAgencyId: survivor.ownerAgencyId,
      minor: false,
      liveGrants: [
        {
          agencyId: recipient.id,
          purposes: [...input.purposes],
          classes: [...input.dataClasses],
          basis: 'CONSENT',
          userId: null,
        },
      ],
    };
    return visibleSurvivorFields(recipient, record) !== null;
  }
}
