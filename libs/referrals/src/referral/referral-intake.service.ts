import { Injectable } from '@nestjs/common';
import { Agency, AgencyService, TaskForceService } from '@hub/agencies';
import { AccessScope, purposeOf, receivesReferrals, REFERRAL_RECIPIENT_TYPES, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { ConsentService } from '@hub/consents';
import { BadUserInputError, ForbiddenError, InputProblem } from '@hub/graphql';
import { CreateOnce, RecordWorkflow, Refusals } from '@hub/workflow';
import { ReferralKind, ReferralStatus, Urgency } from './referral.enums';
import { CreateReferralInput } from './referral.inputs';
import { Referral } from './referral.model';
import { ReferralRecord, toModel } from './referral-record';
import { ReferralRepository, ReferralRow } from './referral.repository';

/**
 * Referral intake: a new draft (with a consent that covers the recipient, or de-identified; a
 * sub-referral only of one the agency received) and what must still hold when it is sent. The
 * lifecycle itself is ReferralService's; child-safety reports are ChildSafetyService's.
 */
@Injectable()
export class ReferralIntakeService {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly record: ReferralRecord,
    private readonly agencies: AgencyService,
    private readonly taskForces: TaskForceService,
    private readonly consents: ConsentService,
    private readonly workflow: RecordWorkflow,
    private readonly refusals: Refusals,
    private readonly createOnce: CreateOnce,
    private readonly clock: Clock,
  ) {}

  async create(scope: AccessScope, input: CreateReferralInput): Promise<Referral> {
    const { actor, ability } = scope;
    const from = actor.agencyId;
    // Who may refer at all; the recipient (its type included) is input, judged below as BAD_USER_INPUT.
    if (!from || !ability.can('create', 'Referral')) return this.refuseCreate(scope);
    const recipientType = await this.checkCreate(scope, from, input);
    const record = { id: '', fromAgencyId: from, toAgencyId: input.toAgencyId, toAgencyType: recipientType };
    if (!ability.can('create', subject('Referral', { ...record, sent: false })))
      return this.refuseCreate(scope);
    const now = this.clock.now();
    const created = await this.createOnce.run({
      subjectType: 'Referral',
      scope: from,
      key: input.idempotencyKey,
      request: input,
      load: (id) => this.referrals.findVisible(scope, id, now),
      create: async (tx, id) => {
        const row = await this.referrals.insert(
          tx,
          id,
          {
            kind: ReferralKind.STANDARD,
            parentReferralId: input.parentReferralId ?? null,
            fromAgencyId: from,
            toAgencyId: input.toAgencyId,
            needs: [...input.needs],
            urgency: input.urgency,
            requestedResponseHours: input.responseHours ?? null,
            responseDueAt: null,
            sentAt: null,
            notes: input.notes?.trim() || null,
            survivorId: input.survivorId ?? null,
            consentId: input.consentId ?? null,
            sharedClasses: [...(input.sharedClasses ?? [])],
            language: input.language ?? null,
            ageBand: input.ageBand ?? null,
            callback: input.callback?.trim() || null,
            legalBasis: null,
            reportReason: null,
            status: ReferralStatus.DRAFT,
            createdBy: actor.userId as string,
          },
          now,
        );
        // A draft is the sender's own business: nobody is told of it.
        await this.workflow.created(tx, this.record, scope, row, {
          auditAction: 'CREATE_REFERRAL',
          audit: { purpose: purposeOf(actor.agencyType) },
        });
        return row;
      },
    });
    return toModel(created, now);
  }

  /**
   * When a draft is sent, its recipient must (still) receive referrals — a draft made before that
   * rule may name one that does not — and its consent must still cover the recipient.
   */
  async checkSendable(scope: AccessScope, row: ReferralRow): Promise<void> {
    const [recipient] = await this.agencies.getMany(scope, [row.toAgencyId]);
    const typeProblem = recipient instanceof Error ? null : recipientTypeProblem(recipient.type);
    if (typeProblem)
      throw new BadUserInputError(`Cannot send: ${describeProblems([typeProblem])}`, [typeProblem]);
    if (!row.survivorId || !row.consentId) return;
    const problems = await this.consents.referralCoverage(scope, {
      survivorId: row.survivorId,
      consentId: row.consentId,
      // An agency is never deleted; an unknown one is refused like a type that receives nothing.
      recipient: recipient instanceof Error ? { id: row.toAgencyId, type: '' } : recipient,
      classes: row.sharedClasses,
    });
    if (problems.length) throw new BadUserInputError(`Cannot send: ${describeProblems(problems)}`, problems);
  }

  /** A caller who may not refer at all: audited DENIED in its own transaction, then FORBIDDEN. */
  private async refuseCreate(scope: AccessScope): Promise<never> {
    const { agencyId } = scope.actor;
    await this.refusals.refuse(scope, 'CREATE_REFERRAL', 'Referral', null, agencyId ? [agencyId] : []);
    throw new ForbiddenError('Only case staff and investigators may refer');
  }

  /**
   * Validation of a new referral beyond field shapes; BAD_USER_INPUT naming every problem.
   * Answers the recipient's agency type.
   */
  private async checkCreate(scope: AccessScope, from: string, input: CreateReferralInput): Promise<string> {
    const problems: InputProblem[] = [];
    const [recipient] = await this.agencies.getMany(scope, [input.toAgencyId]);
    if (recipient instanceof Error) problems.push({ field: 'toAgencyId', message: 'is not a known agency' });
    else {
      if (recipient.id === from) problems.push({ field: 'toAgencyId', message: 'must be another agency' });
      // Its users are refused at sign-in: nobody there could ever act on the referral.
      if (recipient.deactivatedAt) {
        problems.push({
          field: 'toAgencyId',
          message: 'was deactivated on the hub',
          reason: 'AGENCY_DEACTIVATED',
        });
      }
      const typeProblem = recipientTypeProblem(recipient.type);
      if (typeProblem) problems.push(typeProblem);
      else if (!(await this.taskForces.shareATaskForce(from, recipient.id))) {
        problems.push({ field: 'toAgencyId', message: 'is not in a task force with your agency' });
      }
      if (!recipient.acceptingReferrals && input.urgency !== Urgency.EMERGENCY) {
        problems.push({ field: 'toAgencyId', message: 'is not accepting referrals (only EMERGENCY ones)' });
      }
    }
    const withSurvivor =
      input.survivorId !== undefined || input.consentId !== undefined || input.sharedClasses !== undefined;
    if (withSurvivor) {
      if (!input.survivorId || !input.consentId || !input.sharedClasses?.length) {
        problems.push({
          field: 'survivorId',
          message: 'a referral with a survivor needs survivorId, consentId and at least one shared class',
        });
      } else if (!(recipient instanceof Error)) {
        problems.push(
          ...(await this.consents.referralCoverage(scope, {
            survivorId: input.survivorId,
            consentId: input.consentId,
            recipient,
            classes: input.sharedClasses,
          })),
        );
      }
      if (input.language || input.ageBand || input.callback) {
        problems.push({
          field: 'callback',
          message: 'language, age band and callback are for de-identified referrals only',
        });
      }
    } else if (!input.callback) {
      problems.push({ field: 'callback', message: 'a de-identified referral needs a callback route' });
    }
    if (input.parentReferralId) {
      const parent = await this.referrals.findVisible(scope, input.parentReferralId, this.clock.now());
      if (!parent || parent.toAgencyId !== from) {
        problems.push({ field: 'parentReferralId', message: 'is not a referral your agency received' });
      }
    }
    if (problems.length) throw new BadUserInputError(describeProblems(problems), problems);
    return (recipient as Agency).type;
  }
}

/** The recipient's type cannot receive referrals (DESIGN.md §4, "Who can receive"), or null. */
function recipientTypeProblem(agencyType: string): InputProblem | null {
  if (receivesReferrals(agencyType)) return null;
  return {
    field: 'toAgencyId',
    message: `is a ${agencyType} agency: referrals go only to ${REFERRAL_RECIPIENT_TYPES.join(', ')} agencies`,
    reason: 'RECIPIENT_CANNOT_RECEIVE_REFERRALS',
  };
}

export function describeProblems(problems: InputProblem[]): string {
  return `Invalid referral: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`;
}
