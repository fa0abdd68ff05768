import { Injectable } from '@nestjs/common';
import { AuditEvent, AuditWriter } from '@hub/audit';
import {
  AccessScope,
  AgencyOfType,
  classesWithin,
  ConsentNameField,
  DATA_CLASSES,
  purposeOf,
  receivableSurvivorFields,
  subject,
} from '@hub/access';
import { Clock } from '@hub/config';
import { InputProblem, UUID_PATTERN } from '@hub/graphql';
import { ConsentPurpose } from '../shared/enums';
import { isMinorAt } from '../survivor/survivor-access';
import { SurvivorRepository } from '../survivor/survivor.repository';
import { SurvivorService } from '../survivor/survivor.service';
import { consentModel, consentRecord } from './consent-view';
import { ConsentsArgs } from './consent.inputs';
import { Consent } from './consent.model';
import { ConsentRepository } from './consent.repository';

/**
 * Reading consents: listing what the caller may see of a survivor's consents, and answering
 * whether one covers a referral. Recording and revoking are ConsentRecordingService and
 * ConsentRevocationService.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly survivors: SurvivorRepository,
    private readonly survivorRecords: SurvivorService,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
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
      .map(({ found: c, record }) => consentModel(c, now, scope, record));
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
    const receivable: readonly string[] = classesWithin(
      carried({ purposes: [ConsentPurpose.SERVICE], classes: found.consent.dataClasses }, false) ?? [],
    );
    const missing = classes.filter((c) => !receivable.includes(c));
    if (missing.length)
      problems.push({
        field: 'sharedClasses',
        message: `are not covered by the consent: ${missing.join(', ')}`,
      });
    return problems;
  }
}
