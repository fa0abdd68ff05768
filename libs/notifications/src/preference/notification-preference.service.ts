import { Injectable } from '@nestjs/common';
import { AccessScope, subject } from '@hub/access';
import { AuditWriter } from '@hub/audit';
import { Refusals } from '@hub/workflow';
import { Transactions } from '@hub/database';
import { BadUserInputError, ForbiddenError, UUID_PATTERN } from '@hub/graphql';
import { NotificationDelivery } from './notification-delivery';
import { NotificationPreference } from './notification-preference.model';
import {
  NotificationPreferenceRepository,
  PreferenceOwner,
  PreferenceRow,
} from './notification-preference.repository';
import { SetNotificationPreferenceInput } from './set-notification-preference.input';

/** Why e-mail delivery was refused: the caller's token carries no usable address. */
export const NO_EMAIL_ADDRESS = 'NO_EMAIL_ADDRESS';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,252}$/;

/**
 * Each user's choice of how they hear of their agency's notifications. The address e-mail goes to
 * is the one in the user's token when they choose (the identity provider's, never typed in), so
 * nobody can send the hub's mail to an address that is not theirs.
 */
@Injectable()
export class NotificationPreferenceService {
  constructor(
    private readonly preferences: NotificationPreferenceRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly refusals: Refusals,
  ) {}

  async get(scope: AccessScope): Promise<NotificationPreference> {
    const owner = await this.ownerFor(scope, 'read');
    return toModel(await this.preferences.find(owner));
  }

  async set(
    scope: AccessScope,
    tokenEmail: string | null | undefined,
    input: SetNotificationPreferenceInput,
  ): Promise<NotificationPreference> {
    const owner = await this.ownerFor(scope, 'update');
    const byEmail = input.delivery !== NotificationDelivery.IN_APP_ONLY;
    const email = tokenEmail && tokenEmail.length <= 254 && EMAIL.test(tokenEmail) ? tokenEmail : null;
    if (byEmail && !email) {
      throw new BadUserInputError('Invalid input', [
        {
          field: 'delivery',
          message: 'e-mail delivery needs an e-mail address in your account at the identity provider',
          reason: NO_EMAIL_ADDRESS,
        },
      ]);
    }
    const saved = await this.transactions.run(async (tx) => {
      const row = await this.preferences.save(tx, owner, {
        delivery: input.delivery,
        email: byEmail ? email : null,
      });
      await this.audit.record(tx, {
        actor: scope.actor,
        action: 'SET_NOTIFICATION_PREFERENCE',
        subjectType: 'NotificationPreference',
        subjectId: owner.userId.slice(0, 128),
        decision: 'ALLOWED',
        reason: input.delivery,
        subjectAgencyIds: [owner.agencyId],
      });
      return row;
    });
    return toModel(saved);
  }

  /** The caller's own preference in their agency, if the policy lets them `action` it; else FORBIDDEN, audited. */
  private async ownerFor(scope: AccessScope, action: 'read' | 'update'): Promise<PreferenceOwner> {
    const { userId, agencyId } = scope.actor;
    if (
      userId &&
      agencyId &&
      UUID_PATTERN.test(agencyId) &&
      scope.ability.can(action, subject('NotificationPreference', { userId, agencyId }))
    ) {
      return { userId, agencyId };
    }
    if (action === 'update') {
      await this.refusals.refuse(scope, 'SET_NOTIFICATION_PREFERENCE', 'NotificationPreference', null, []);
    }
    throw new ForbiddenError('Notification preferences belong to users of an agency');
  }
}

function toModel(row: PreferenceRow | null): NotificationPreference {
  if (!row) return { delivery: NotificationDelivery.IN_APP_ONLY, email: null, updatedAt: null };
  return { delivery: row.delivery as NotificationDelivery, email: row.email, updatedAt: row.updatedAt };
}
