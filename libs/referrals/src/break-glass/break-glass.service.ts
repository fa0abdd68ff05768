import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AuditWriter } from '@hub/audit';
import { AccessScope, purposeOf, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { AccessGrantService, ConsentRevocationListeners, ConsentRevoked, DataClass } from '@hub/consents';
import { Transactions, Tx } from '@hub/database';
import {
  BadUserInputError,
  ConflictError,
  Connection,
  ForbiddenError,
  HubError,
  NotFoundError,
  PageArgs,
  UUID_PATTERN,
} from '@hub/graphql';
import { NotificationPublisher } from '@hub/notifications';
import { Refusals } from '@hub/workflow';
import { breakGlassConfig, BreakGlassConfig } from './break-glass.config';
import {
  BreakGlassEndReason,
  BreakGlassSession,
  EndBreakGlassInput,
  OpenBreakGlassInput,
  ReviewBreakGlassInput,
} from './break-glass.model';
import { BreakGlassRepository } from './break-glass.repository';

/** What a break-glass opens: enough to reach and protect the survivor. */
export const SAFETY_CLASSES = [DataClass.IDENTITY, DataClass.CONTACT];

/**
 * Break-glass (DESIGN.md §4): a supervisor of an agency party to a referral about a survivor
 * opens identity and contact, to themself only, for an imminent danger — time-boxed, reasoned,
 * audited, the owning agency notified and able to end and review it; never for law enforcement,
 * never for an agency a revocation of the survivor names, and a revocation ends it at once.
 */
@Injectable()
export class BreakGlassService implements OnModuleInit {
  constructor(
    private readonly sessions: BreakGlassRepository,
    private readonly grants: AccessGrantService,
    private readonly revocations: ConsentRevocationListeners,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly refusals: Refusals,
    private readonly notifications: NotificationPublisher,
    private readonly clock: Clock,
    @Inject(breakGlassConfig.token) private readonly config: BreakGlassConfig,
  ) {}

  onModuleInit(): void {
    this.revocations.register((tx, event) => this.endForRevocation(tx, event));
  }

  async open(scope: AccessScope, input: OpenBreakGlassInput): Promise<BreakGlassSession> {
    const { actor, ability } = scope;
    const now = this.clock.now();
    const reason = input.reason.trim();
    const decide = async (tx = this.transactions.reader) => {
      const facts = await this.grants.survivorFacts(tx, input.survivorId, now);
      const parties = facts ? await this.sessions.referralParties(input.survivorId, tx) : [];
      const record =
        facts &&
        subject('Survivor', {
          id: input.survivorId,
          ownerAgencyId: facts.ownerAgencyId,
          minor: facts.minor,
          liveGrants: [],
          referralPartyAgencyIds: parties,
          revokedForAgencyIds: facts.revokedForAgencyIds,
        });
      // Existence, not permission: an agency with no (sent) referral about the record does not
      // know it exists, so it gets the answer of a missing id.
      const known = !!actor.agencyId && parties.includes(actor.agencyId);
      return { facts, record, known };
    };
    const refuse = async ({ facts, record }: Awaited<ReturnType<typeof decide>>) => {
      await this.refusals.refuse(
        scope,
        'BREAK_GLASS',
        'Survivor',
        input.survivorId,
        [facts?.ownerAgencyId, actor.agencyId],
        reason,
      );
      // The policy names why, where the reason is stable (the survivor's revocation).
      const why = record ? ability.relevantRuleFor('openBreakGlass', record) : null;
      return new HubError(
        'FORBIDDEN',
        'Only a supervisor of a party agency, never law enforcement, never an agency the survivor refused, may break the glass',
        why?.inverted && why.reason ? { reason: why.reason } : {},
      );
    };

    const first = await decide();
    if (!first.facts || !first.known) throw new NotFoundError('Survivor', input.survivorId);
    if (!first.record || !ability.can('openBreakGlass', first.record)) throw await refuse(first);
    if (reason.length < 20) {
      throw new BadUserInputError('Invalid input', [
        { field: 'reason', message: 'must describe the danger (at least 20 characters)' },
      ]);
    }
    const expiresAt = new Date(now.getTime() + this.config.BREAK_GLASS_MINUTES * 60_000);
    const outcome = await this.transactions.run(async (tx) => {
      // Decided again under the lock a revocation takes: a revocation committed since is seen.
      await this.grants.lockBreakGlass(tx, input.survivorId);
      const again = await decide(tx);
      const { facts } = again;
      if (!facts || !again.record || !ability.can('openBreakGlass', again.record))
        return { opened: null, refused: again };
      const opened = await this.sessions.insert(tx, {
        survivorId: input.survivorId,
        ownerAgencyId: facts.ownerAgencyId,
        agencyId: actor.agencyId as string,
        openedBy: actor.userId as string,
        reason,
        openedAt: now,
        expiresAt,
      });
      await this.grants.grant(tx, {
        basis: 'BREAK_GLASS',
        sourceId: opened.id,
        survivorId: input.survivorId,
        agencyId: actor.agencyId as string,
        userId: actor.userId as string,
        classes: [...SAFETY_CLASSES],
        purposes: [purposeOf(actor.agencyType)],
        validFrom: now,
        validUntil: expiresAt,
      });
      await this.audit.record(tx, {
        actor,
        action: 'BREAK_GLASS',
        subjectType: 'Survivor',
        subjectId: input.survivorId,
        fields: [...SAFETY_CLASSES],
        purpose: purposeOf(actor.agencyType),
        decision: 'ALLOWED',
        reason,
        subjectAgencyIds: [facts.ownerAgencyId, actor.agencyId],
      });
      if (facts.ownerAgencyId !== actor.agencyId) {
        await this.notifications.publish(tx, {
          agencyIds: [facts.ownerAgencyId],
          eventType: 'BREAK_GLASS',
          subjectType: 'Survivor',
          subjectId: input.survivorId,
          message: `Break-glass access to survivor ${facts.reference} was opened by a partner agency supervisor; review it.`,
        });
      }
      return { opened, refused: null };
    });
    if (outcome.opened) return outcome.opened;
    throw await refuse(outcome.refused ?? first);
  }

  /** The owning agency's supervisor or admin, or the opener, ends a session before it expires. */
  async end(scope: AccessScope, input: EndBreakGlassInput): Promise<BreakGlassSession> {
    const { actor } = scope;
    const now = this.clock.now();
    const found = await this.findFor(scope, 'end', 'END_BREAK_GLASS', input.id);
    const note = input.reason.trim();
    if (note.length < 10) {
      throw new BadUserInputError('Invalid input', [
        { field: 'reason', message: 'must say why it ends (at least 10 characters)' },
      ]);
    }
    return this.transactions.run(async (tx) => {
      const ended = await this.sessions.end(tx, found.id, {
        at: now,
        by: actor.userId as string,
        reason: BreakGlassEndReason.ENDED_EARLY,
        note,
      });
      if (!ended) throw new ConflictError('This break-glass session has already ended');
      await this.grants.revokeFrom(tx, ended.id, now);
      await this.audit.record(tx, {
        actor,
        action: 'END_BREAK_GLASS',
        subjectType: 'BreakGlass',
        subjectId: ended.id,
        decision: 'ALLOWED',
        reason: note,
        subjectAgencyIds: [ended.ownerAgencyId, ended.agencyId],
      });
      await this.notifications.publish(tx, {
        agencyIds: [ended.ownerAgencyId, ended.agencyId].filter((id) => id !== actor.agencyId),
        eventType: 'BREAK_GLASS_ENDED',
        subjectType: 'BreakGlass',
        subjectId: ended.id,
        message: 'A break-glass session was ended early.',
      });
      return ended;
    });
  }

  /** The owning agency's supervisor or admin records their finding on a use, once. */
  async review(scope: AccessScope, input: ReviewBreakGlassInput): Promise<BreakGlassSession> {
    const { actor } = scope;
    const now = this.clock.now();
    const found = await this.findFor(scope, 'review', 'REVIEW_BREAK_GLASS', input.id);
    const note = input.note?.trim() || null;
    return this.transactions.run(async (tx) => {
      const reviewed = await this.sessions.review(tx, found.id, {
        at: now,
        by: actor.userId as string,
        finding: input.finding,
        note,
      });
      if (!reviewed) throw new ConflictError('This break-glass session was already reviewed');
      await this.audit.record(tx, {
        actor,
        action: 'REVIEW_BREAK_GLASS',
        subjectType: 'BreakGlass',
        subjectId: reviewed.id,
        decision: 'ALLOWED',
        reason: input.finding,
        subjectAgencyIds: [reviewed.ownerAgencyId, reviewed.agencyId],
      });
      await this.notifications.publish(tx, {
        agencyIds: [reviewed.agencyId].filter((id) => id !== actor.agencyId),
        eventType: 'BREAK_GLASS_REVIEWED',
        subjectType: 'BreakGlass',
        subjectId: reviewed.id,
        message: `A break-glass session opened by your agency was reviewed: ${input.finding}.`,
      });
      return reviewed;
    });
  }

  /** Uses for review: the owning agency's supervisors and admins, the opener, the opener's admins, auditors. */
  async list(scope: AccessScope, args: PageArgs): Promise<Connection<BreakGlassSession>> {
    return this.sessions.list(scope, args);
  }

  /**
   * In the revocation's transaction: the sessions whose grants it ended are ended, each audited,
   * and the opener's agency told.
   */
  private async endForRevocation(tx: Tx, event: ConsentRevoked): Promise<void> {
    const ended = await this.sessions.endRevoked(
      tx,
      event.endedBreakGlassIds,
      event.at,
      event.actor.userId as string,
    );
    for (const session of ended) {
      await this.audit.record(tx, {
        actor: event.actor,
        action: 'END_BREAK_GLASS',
        subjectType: 'BreakGlass',
        subjectId: session.id,
        decision: 'ALLOWED',
        reason: BreakGlassEndReason.CONSENT_REVOKED,
        subjectAgencyIds: [session.ownerAgencyId, session.agencyId],
      });
      await this.notifications.publish(tx, {
        agencyIds: [session.agencyId],
        eventType: 'BREAK_GLASS_ENDED',
        subjectType: 'BreakGlass',
        subjectId: session.id,
        message:
          'A break-glass session of your agency ended: the survivor revoked a consent naming your agency.',
      });
    }
  }

  /**
   * The session, if the caller may `action` it. One they may neither read nor act on does not
   * exist for them (NOT_FOUND); one they see but may not act on is FORBIDDEN. Both audited DENIED.
   */
  private async findFor(
    scope: AccessScope,
    action: 'end' | 'review',
    auditAction: string,
    id: string,
  ): Promise<BreakGlassSession> {
    const { ability } = scope;
    const found = UUID_PATTERN.test(id) ? await this.sessions.findById(id) : null;
    const record =
      found &&
      subject('BreakGlass', {
        ownerAgencyId: found.ownerAgencyId,
        agencyId: found.agencyId,
        openedBy: found.openedBy,
      });
    if (record && ability.can(action, record)) return found;
    // A session the caller may not read does not exist for them: the refusal is for auditors only.
    if (!record || !ability.can('read', record)) {
      return this.refusals.notFound(scope, auditAction, 'BreakGlass', id, [
        found?.ownerAgencyId,
        found?.agencyId,
      ]);
    }
    await this.refusals.refuse(scope, auditAction, 'BreakGlass', id, [found.ownerAgencyId, found.agencyId]);
    throw new ForbiddenError(`Not permitted to ${action} this break-glass session`);
  }
}
