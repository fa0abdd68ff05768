import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AgencyService, AgencyType, ServiceNeed } from '@hub/agencies';
import { AccessScope, purposeOf, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { AccessGrantService, DataClass, SurvivorService } from '@hub/consents';
import { Transactions } from '@hub/database';
import { BadUserInputError, ForbiddenError, InputProblem } from '@hub/graphql';
import { RecordWorkflow, Refusals } from '@hub/workflow';
import { RESPONSE_WINDOW_MS } from './referral-lifecycle';
import { ReferralKind, ReferralStatus, Urgency } from './referral.enums';
import { CreateChildSafetyReferralInput } from './referral.inputs';
import { Referral } from './referral.model';
import { describeProblems } from './referral-intake.service';
import { ReferralRecord, toModel } from './referral-record';
import { ReferralRepository } from './referral.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** What a child-safety report shares: enough to find and protect the child. */
const CHILD_SAFETY_CLASSES = [DataClass.IDENTITY, DataClass.CONTACT, DataClass.NARRATIVE];
const CHILD_SAFETY_RECIPIENTS: string[] = [AgencyType.LAW_ENFORCEMENT, AgencyType.CHILD_WELFARE];

/**
 * Child-safety referrals (mandatory reports about a minor): sent at once to law enforcement or child
 * welfare, with a time-limited INVESTIGATION grant; the report, its first event, audit row, grant and
 * notice in one transaction. Withdrawing one (ReferralService) revokes the grant.
 */
@Injectable()
export class ChildSafetyService {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly record: ReferralRecord,
    private readonly agencies: AgencyService,
    private readonly survivors: SurvivorService,
    private readonly grants: AccessGrantService,
    private readonly transactions: Transactions,
    private readonly workflow: RecordWorkflow,
    private readonly refusals: Refusals,
    private readonly clock: Clock,
  ) {}

  async create(scope: AccessScope, input: CreateChildSafetyReferralInput): Promise<Referral> {
    const { actor, ability } = scope;
    const now = this.clock.now();
    // Only the record's owner and age matter here: no personal field is disclosed, none audited.
    const [survivor] = await this.survivors.getMany(scope, [input.survivorId], { requested: new Set() });
    // Audited DENIED with reason NOT_FOUND (auditors only), like every NOT_FOUND refusal of a write.
    if (survivor instanceof Error) {
      return this.refusals.notFound(scope, 'CHILD_SAFETY_REFERRAL', 'Survivor', input.survivorId);
    }
    const record = {
      id: survivor.id,
      ownerAgencyId: survivor.ownerAgencyId,
      minor: survivor.minor,
      liveGrants: [],
    };
    if (!actor.agencyId || !ability.can('reportChildSafety', subject('Survivor', record))) {
      await this.refusals.refuse(scope, 'CHILD_SAFETY_REFERRAL', 'Survivor', survivor.id, [
        survivor.ownerAgencyId,
      ]);
      throw new ForbiddenError(
        "Only a supervisor of the agency that owns the minor's record may make a child-safety referral",
      );
    }
    const problems: InputProblem[] = [];
    if (!survivor.minor)
      problems.push({
        field: 'survivorId',
        message: 'is not a minor: child-safety referrals are for minors',
      });
    const [recipient] = await this.agencies.getMany(scope, [input.toAgencyId]);
    if (recipient instanceof Error) problems.push({ field: 'toAgencyId', message: 'is not a known agency' });
    else if (!CHILD_SAFETY_RECIPIENTS.includes(recipient.type)) {
      problems.push({ field: 'toAgencyId', message: 'must be a law-enforcement or child-welfare agency' });
    }
    if (input.toAgencyId === actor.agencyId)
      problems.push({ field: 'toAgencyId', message: 'must be another agency' });
    if (problems.length) throw new BadUserInputError(describeProblems(problems), problems);

    const urgency = input.urgency ?? Urgency.URGENT;
    const row = await this.transactions.run(async (tx) => {
      const created = await this.referrals.insert(
        tx,
        randomUUID(),
        {
          kind: ReferralKind.CHILD_SAFETY,
          parentReferralId: null,
          fromAgencyId: actor.agencyId as string,
          toAgencyId: input.toAgencyId,
          needs: [ServiceNeed.EMERGENCY_RESPONSE],
          urgency,
          requestedResponseHours: null,
          responseDueAt: new Date(now.getTime() + RESPONSE_WINDOW_MS[urgency]),
          sentAt: now,
          notes: null,
          survivorId: survivor.id,
          consentId: null,
          sharedClasses: [...CHILD_SAFETY_CLASSES],
          language: null,
          ageBand: null,
          callback: null,
          legalBasis: input.legalBasis.trim(),
          reportReason: input.reason.trim(),
          status: ReferralStatus.SENT,
          createdBy: actor.userId as string,
        },
        now,
      );
      // The only way law enforcement sees a minor: a grant for INVESTIGATION, for a set time.
      await this.grants.grant(tx, {
        basis: 'CHILD_SAFETY',
        sourceId: created.id,
        survivorId: survivor.id,
        agencyId: input.toAgencyId,
        classes: [...CHILD_SAFETY_CLASSES],
        purposes: ['INVESTIGATION'],
        validFrom: now,
        validUntil: new Date(now.getTime() + (input.grantDays ?? 30) * DAY_MS),
      });
      // Sent at once: the recipient is told (the kernel tells the parties other than the sender).
      await this.workflow.created(tx, this.record, scope, created, {
        auditAction: 'CHILD_SAFETY_REFERRAL',
        reason: input.reason.trim(),
        audit: {
          fields: [...CHILD_SAFETY_CLASSES],
          purpose: purposeOf(actor.agencyType),
          reason: input.legalBasis.trim(),
        },
        notice: {
          eventType: 'CHILD_SAFETY_REFERRAL',
          message: 'A child-safety referral (mandatory report) was sent to your agency.',
        },
      });
      return created;
    });
    return toModel(row, now);
  }
}
