import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AgencyService, AgencyType, ServiceNeed } from '@hub/agencies';
import { AuditWriter } from '@hub/audit';
import { AccessScope, purposeOf, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { AccessGrantService, DataClass, SurvivorService } from '@hub/consents';
import { Transactions } from '@hub/database';
import { BadUserInputError, ForbiddenError, InputProblem, NotFoundError } from '@hub/graphql';
import { NotificationPublisher } from '@hub/notifications';
import { EventLog } from '@hub/workflow';
import { RESPONSE_WINDOW_MS } from './referral-lifecycle';
import { ReferralKind, ReferralStatus, Urgency } from './referral.enums';
import { CreateChildSafetyReferralInput } from './referral.inputs';
import { Referral } from './referral.model';
import { ReferralRepository } from './referral.repository';
import { describeProblems, toModel } from './referral.service';

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
    private readonly agencies: AgencyService,
    private readonly survivors: SurvivorService,
    private readonly grants: AccessGrantService,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationPublisher,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  async create(scope: AccessScope, input: CreateChildSafetyReferralInput): Promise<Referral> {
    const { actor, ability } = scope;
    const now = this.clock.now();
    // Only the record's owner and age matter here: no personal field is disclosed, none audited.
    const [survivor] = await this.survivors.getMany(scope, [input.survivorId], { requested: new Set() });
    if (survivor instanceof Error) throw new NotFoundError('Survivor', input.survivorId);
    const record = {
      id: survivor.id,
      ownerAgencyId: survivor.ownerAgencyId,
      minor: survivor.minor,
      liveGrants: [],
    };
    if (!actor.agencyId || !ability.can('reportChildSafety', subject('Survivor', record))) {
      await this.audit.recordDenied({
        actor,
        action: 'CHILD_SAFETY_REFERRAL',
        subjectType: 'Survivor',
        subjectId: survivor.id,
        subjectAgencyIds: [survivor.ownerAgencyId],
      });
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
      await this.events.append(tx, {
        subjectType: 'Referral',
        subjectId: created.id,
        fromStatus: null,
        toStatus: ReferralStatus.SENT,
        actorUserId: actor.userId,
        actorAgencyId: actor.agencyId,
        reason: input.reason.trim(),
      });
      await this.audit.record(tx, {
        actor,
        action: 'CHILD_SAFETY_REFERRAL',
        subjectType: 'Referral',
        subjectId: created.id,
        subjectAgencyIds: [created.fromAgencyId, created.toAgencyId],
        purpose: purposeOf(actor.agencyType),
        decision: 'ALLOWED',
        fields: [...CHILD_SAFETY_CLASSES],
        reason: input.legalBasis.trim(),
      });
      await this.notifications.publish(tx, {
        agencyIds: [input.toAgencyId],
        eventType: 'CHILD_SAFETY_REFERRAL',
        subjectType: 'Referral',
        subjectId: created.id,
        message: 'A child-safety referral (mandatory report) was sent to your agency.',
      });
      return created;
    });
    return toModel(row, now);
  }
}
