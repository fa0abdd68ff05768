import { Inject, Injectable } from '@nestjs/common';
import { Agency, AgencyService } from '@hub/agencies';
import { AuditEvent, AuditWriter } from '@hub/audit';
import {
  AccessScope,
  AgencyOfType,
  CONSENT_NAME_FIELDS,
  ConsentNameField,
  DATA_CLASSES,
  DataClassName,
  PolicyRecords,
  purposeOf,
  receivableSurvivorFields,
  subject,
  SURVIVOR_FIELDS_BY_CLASS,
  visibleConsentFields,
  visibleSurvivorFields,
} from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions } from '@hub/database';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InputProblem,
  markRedacted,
  NotFoundError,
  UUID_PATTERN,
} from '@hub/graphql';
import { NotificationPublisher } from '@hub/notifications';
import { consentsConfig, ConsentsConfig } from '../consents.config';
import {
  ConsentObtainedHow,
  ConsentPurpose,
  ConsentStatus,
  DataClass,
  GrantorType,
  RevocationChannel,
} from '../shared/enums';
import { AccessGrantService } from '../grant/access-grant.service';
import { isMinorAt } from '../survivor/survivor-access';
import { SurvivorRepository } from '../survivor/survivor.repository';
import { SurvivorService } from '../survivor/survivor.service';
import { consentProblems } from './consent-rules';
import { ConsentRevocationListeners } from './consent-revocation-listeners';
import { ConsentsArgs, RecordConsentInput, RevokeConsentInput } from './consent.inputs';
import { Consent } from './consent.model';
import { ConsentRepository, ConsentWithRevocation } from './consent.repository';

/**
 * Consent: recording (with its grants, in one transaction), revoking (grants cut in the same
 * transaction, so access ends at once everywhere), and listing what the caller may see.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly survivors: SurvivorRepository,
    private readonly survivorRecords: SurvivorService,
    private readonly agencies: AgencyService,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationPublisher,
    private readonly clock: Clock,
    @Inject(consentsConfig.token) private readonly config: ConsentsConfig,
    private readonly grants: AccessGrantService,
    private readonly revocationListeners: ConsentRevocationListeners,
  ) {}

  /**
   * A survivor's consents the caller may see; the names on them only where the policy lets the
   * caller read them, and each disclosure of a name audited before the data leaves.
   * `requested`: the name fields the client selected (all when not given).
   */
  async forSurvivor(
    scope: AccessScope,
    args: ConsentsArgs,
    requested?: ReadonlySet<ConsentNameField>,
  ): Promise<Consent[]> {
    const now = this.clock.now();
    const survivor = UUID_PATTERN.test(args.survivorId)
      ? await this.survivors.findVisible(scope, args.survivorId, now)
      : null;
    if (!survivor) throw await this.survivorRecords.notFound(scope, 'READ_CONSENTS', args.survivorId);
    const found = await this.consents.forSurvivor(args.survivorId);
    const live = await this.consents.liveGrants(
      found.map((c) => c.consent.id),
      now,
    );
    const minor = isMinorAt(survivor, now);
    const results = found
      .map((c) => ({ found: c, record: consentRecord(c.consent, minor, live.get(c.consent.id) ?? []) }))
      .filter(({ record }) => scope.ability.can('read', subject('Consent', record)))
      .map(({ found: c, record }) => toModel(c, now, scope, record));
    const disclosures = results.flatMap(({ model, disclosed }): AuditEvent[] => {
      const fields = disclosed.filter((field) => !requested || requested.has(field));
      return fields.length
        ? [
            {
              actor: scope.actor,
              action: 'READ_CONSENT',
              subjectType: 'Consent',
              subjectId: model.id,
              subjectAgencyIds: [model.ownerAgencyId],
              fields,
              purpose: purposeOf(scope.actor.agencyType),
              decision: 'ALLOWED',
            },
          ]
        : [];
    });
    await this.audit.recordDisclosure(...disclosures);
    return results.map(({ model }) => model);
  }

  /**
   * Whether a consent lets the caller refer a survivor to `recipient` now, sharing `classes` (what
   * a referral needs); the problems found, empty when it does. What a referral would carry to the
   * recipient is the policy's answer (`receivableSurvivorFields`), asked once per problem so that
   * each is reported as before: the minor rule first and alone, then the consent's cover, its
   * purpose and its classes.
   */
  async referralCoverage(
    scope: AccessScope,
    request: {
      survivorId: string;
      consentId: string;
      recipient: AgencyOfType;
      classes: readonly string[];
    },
  ): Promise<InputProblem[]> {
    const now = this.clock.now();
    const { recipient, classes } = request;
    const survivor = UUID_PATTERN.test(request.survivorId)
      ? await this.survivors.findVisible(scope, request.survivorId, now)
      : null;
    if (!survivor) return [{ field: 'survivorId', message: 'is not a survivor record you can see' }];
    /** What a referral under a consent grant with these terms would carry to the recipient. */
    const carried = (terms: { purposes: string[]; classes: string[] }, minor: boolean) =>
      receivableSurvivorFields(recipient, {
        id: survivor.id,
        ownerAgencyId: survivor.ownerAgencyId,
        minor,
        liveGrants: [{ agencyId: recipient.id, ...terms, basis: 'CONSENT', userId: null }],
        sharedClasses: [...classes],
      });
    // Carried to them of an adult but never of this minor, whatever the consent: only a
    // child-safety referral can.
    const everything = { purposes: [ConsentPurpose.SERVICE], classes: [...DATA_CLASSES] };
    if (
      isMinorAt(survivor, now) &&
      carried(everything, false) !== null &&
      carried(everything, true) === null
    ) {
      return [
        {
          field: 'survivorId',
          message: 'is a minor: law enforcement is reached only through a child-safety referral',
          reason: 'MINOR_NEEDS_CHILD_SAFETY_REFERRAL',
        },
      ];
    }
    const found = UUID_PATTERN.test(request.consentId)
      ? await this.consents.findById(request.consentId)
      : null;
    if (!found || found.consent.survivorId !== survivor.id) {
      return [{ field: 'consentId', message: "is not one of this survivor's consents" }];
    }
    const grant = (
      (await this.consents.liveGrants([found.consent.id], now)).get(found.consent.id) ?? []
    ).find((g) => g.agencyId === recipient.id);
    const problems: InputProblem[] = [];
    if (found.revocation || !grant) {
      problems.push({
        field: 'consentId',
        message: 'does not cover the recipient agency now (not named, revoked, expired or not yet valid)',
      });
    } else if (carried({ purposes: grant.purposes, classes: grant.dataClasses }, false) === null) {
      problems.push({ field: 'consentId', message: 'does not allow sharing for SERVICE' });
    }
    // The classes the consent grants, asked as if it covered the recipient for services now, so
    // that they are reported together with the problems above.
    const receivable = new Set(
      carried({ purposes: [ConsentPurpose.SERVICE], classes: found.consent.dataClasses }, false),
    );
    const missing = classes.filter(
      (c) => !SURVIVOR_FIELDS_BY_CLASS[c as DataClassName]?.every((field) => receivable.has(field)),
    );
    if (missing.length)
      problems.push({
        field: 'sharedClasses',
        message: `are not covered by the consent: ${missing.join(', ')}`,
      });
    return problems;
  }

  async record(scope: AccessScope, input: RecordConsentInput): Promise<Consent> {
    const { actor, ability } = scope;
    const now = this.clock.now();
    const survivor = await this.survivors.findVisible(scope, input.survivorId, now);
    if (!survivor) throw await this.survivorRecords.notFound(scope, 'RECORD_CONSENT', input.survivorId);
    if (
      !ability.can(
        'create',
        subject('Consent', { id: '', ownerAgencyId: survivor.ownerAgencyId, minor: false, liveGrants: [] }),
      )
    ) {
      await this.audit.recordDenied({
        actor,
        action: 'RECORD_CONSENT',
        subjectType: 'Survivor',
        subjectId: survivor.id,
        subjectAgencyIds: [survivor.ownerAgencyId],
      });
      throw new ForbiddenError("Only the owning agency's case staff may record a survivor's consent");
    }

    const problems = consentProblems(input, {
      now,
      maxDays: this.config.CONSENT_MAX_DAYS,
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
    return toModel({ consent: saved, revocation: null }, now, scope, record).model;
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

  async revoke(scope: AccessScope, input: RevokeConsentInput): Promise<Consent> {
    const { actor, ability } = scope;
    const now = this.clock.now();
    const found = UUID_PATTERN.test(input.consentId) ? await this.consents.findById(input.consentId) : null;
    const live = found
      ? ((await this.consents.liveGrants([found.consent.id], now)).get(found.consent.id) ?? [])
      : [];
    const facts = found ? await this.consents.survivorFacts(found.consent.survivorId) : null;
    const record =
      found && facts && subject('Consent', consentRecord(found.consent, isMinorAt(facts, now), live));
    // A consent the caller may not see does not exist for them (the refusal audited, auditors only).
    if (!found || !record || !ability.can('read', record)) {
      await this.audit.recordNotFound({
        actor,
        action: 'REVOKE_CONSENT',
        subjectType: 'Consent',
        requestedId: input.consentId,
        subjectAgencyIds: found ? [found.consent.ownerAgencyId] : [],
      });
      throw new NotFoundError('Consent', input.consentId);
    }
    if (!ability.can('revoke', record)) {
      await this.audit.recordDenied({
        actor,
        action: 'REVOKE_CONSENT',
        subjectType: 'Consent',
        subjectId: found.consent.id,
        subjectAgencyIds: [found.consent.ownerAgencyId],
      });
      throw new ForbiddenError('Not permitted to revoke this consent');
    }

    const revocation = await this.transactions.run(async (tx) => {
      const done = await this.consents.revoke(tx, {
        consentId: found.consent.id,
        revokedBy: actor.userId as string,
        revokedByAgencyId: actor.agencyId as string,
        channel: input.channel,
        reason: input.reason?.trim() || null,
      });
      if (!done) throw new ConflictError('This consent was already revoked');
      // The survivor's "no" holds at once: break-glass sessions of the agencies it names end too.
      const agencyIds = found.consent.recipientAgencyIds;
      await this.revocationListeners.notify(tx, {
        consentId: found.consent.id,
        survivorId: found.consent.survivorId,
        ownerAgencyId: found.consent.ownerAgencyId,
        agencyIds,
        endedBreakGlassIds: await this.grants.revokeBreakGlass(
          tx,
          found.consent.survivorId,
          agencyIds,
          done.revokedAt,
        ),
        at: done.revokedAt,
        actor,
      });
      await this.audit.record(tx, {
        actor,
        action: 'REVOKE_CONSENT',
        subjectType: 'Consent',
        subjectId: found.consent.id,
        subjectAgencyIds: [found.consent.ownerAgencyId, actor.agencyId],
        purpose: purposeOf(actor.agencyType),
        decision: 'ALLOWED',
      });
      if (actor.agencyId !== found.consent.ownerAgencyId) {
        // The survivor revoked through another agency: the owner must know at once.
        await this.notifications.publish(tx, {
          agencyIds: [found.consent.ownerAgencyId],
          eventType: 'CONSENT_REVOKED',
          subjectType: 'Survivor',
          subjectId: found.consent.survivorId,
          message: 'A consent for one of your survivor records was revoked through a partner agency.',
        });
      }
      return done;
    });
    return toModel({ consent: found.consent, revocation }, now, scope, record).model;
  }
}

function consentRecord(
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

function statusAt({ consent, revocation }: ConsentWithRevocation, now: Date): ConsentStatus {
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
function toModel(
  found: ConsentWithRevocation,
  now: Date,
  scope: AccessScope,
  record: PolicyRecords['Consent'],
): { model: Consent; disclosed: ConsentNameField[] } {
  const { consent, revocation } = found;
  const tagged = subject('Consent', record);
  const permitted = new Set(CONSENT_NAME_FIELDS.filter((field) => scope.ability.can('read', tagged, field)));
  const values: Record<ConsentNameField, string | null> = {
    grantorName: consent.grantorName,
    grantorRelationship: consent.grantorRelationship,
    interpreterName: consent.interpreterName,
  };
  const disclosed = CONSENT_NAME_FIELDS.filter((field) => permitted.has(field) && values[field] !== null);
  const model: Consent = {
    id: consent.id,
    survivorId: consent.survivorId,
    ownerAgencyId: consent.ownerAgencyId,
    grantor: {
      type: consent.grantorType as GrantorType,
      name: consent.grantorName,
      relationship: consent.grantorRelationship,
      notSuspectedAttested: consent.grantorNotSuspectedAttested,
    },
    recipientAgencyIds: consent.recipientAgencyIds,
    purposes: consent.purposes as ConsentPurpose[],
    dataClasses: consent.dataClasses as DataClass[],
    validFrom: consent.validFrom,
    validUntil: consent.validUntil,
    status: statusAt(found, now),
    obtainedHow: consent.obtainedHow as ConsentObtainedHow,
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
          channel: revocation.channel as RevocationChannel,
          reason: revocation.reason,
        }
      : null,
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
