import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@hub/audit';
import { AccessScope, purposeOf, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions } from '@hub/database';
import { ConflictError, ForbiddenError, UUID_PATTERN } from '@hub/graphql';
import { Refusals } from '@hub/workflow';
import { NotificationPublisher } from '@hub/notifications';
import { AccessGrantService } from '../grant/access-grant.service';
import { isMinorAt } from '../survivor/survivor-access';
import { mayRevokeConsent, revocable } from './consent-actions';
import { ConsentRevocationListeners } from './consent-revocation-listeners';
import { consentModel, consentRecord, consentStatusAt } from './consent-view';
import { RevokeConsentInput } from './consent.inputs';
import { Consent } from './consent.model';
import { ConsentRepository } from './consent.repository';

const ALREADY_REVOKED = 'This consent was already revoked';

/**
 * Revoking a consent: a new fact, never an edit. Its grants are cut in the same transaction, with
 * the break-glass sessions of the agencies it named, so access ends at once everywhere; the owner
 * hears of a revocation made through another agency. A consent that has ended is revoked too: the
 * revocation still says "no" to the agencies it named (see `revocable`).
 */
@Injectable()
export class ConsentRevocationService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationPublisher,
    private readonly clock: Clock,
    private readonly grants: AccessGrantService,
    private readonly revocationListeners: ConsentRevocationListeners,
    private readonly refusals: Refusals,
  ) {}

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
      return this.refusals.notFound(scope, 'REVOKE_CONSENT', 'Consent', input.consentId, [
        found?.consent.ownerAgencyId,
      ]);
    }
    if (!mayRevokeConsent(ability, record)) {
      await this.refusals.refuse(scope, 'REVOKE_CONSENT', 'Consent', found.consent.id, [
        found.consent.ownerAgencyId,
      ]);
      throw new ForbiddenError('Not permitted to revoke this consent');
    }
    // The rule Consent.availableActions applies: an ended consent is still revoked (the survivor's
    // "no" that break-glass honours), a revoked one is not revoked twice.
    if (!revocable(consentStatusAt(found, now))) throw new ConflictError(ALREADY_REVOKED);

    const revocation = await this.transactions.run(async (tx) => {
      const done = await this.consents.revoke(tx, {
        consentId: found.consent.id,
        revokedBy: actor.userId as string,
        revokedByAgencyId: actor.agencyId as string,
        channel: input.channel,
        reason: input.reason?.trim() || null,
      });
      // Revoked since it was read: the primary key lets only one revocation in.
      if (!done) throw new ConflictError(ALREADY_REVOKED);
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
    return consentModel({ consent: found.consent, revocation }, now, scope, record).model;
  }
}
