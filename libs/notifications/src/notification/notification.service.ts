import { Injectable } from '@nestjs/common';
import { AccessScope, subject } from '@hub/access';
import { AuditWriter } from '@hub/audit';
import { Transactions } from '@hub/database';
import { Refusals } from '@hub/workflow';
import { BadUserInputError, Connection, mapConnection, ForbiddenError, UUID_PATTERN } from '@hub/graphql';
import { MarkNotificationsReadInput, MarkNotificationsReadPayload } from './mark-notifications-read.input';
import { NotificationsArgs } from './notification.args';
import { Notification } from './notification.model';
import { FeedOwner, NotificationRepository, NotificationRow } from './notification.repository';

/** The caller's agency's notification feed and the caller's own read marks. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly refusals: Refusals,
  ) {}

  async list(scope: AccessScope, args: NotificationsArgs): Promise<Connection<Notification>> {
    const owner = this.feedOwner(scope);
    const page = await this.notifications.feed(owner, { unreadOnly: args.unreadOnly ?? false }, args);
    return mapConnection(page, toNotification);
  }

  /**
   * One notification of the caller's feed (an e-mail links to it); another agency's, or none,
   * answers NOT_FOUND alike, audited as a refusal.
   */
  async get(scope: AccessScope, id: string): Promise<Notification> {
    const owner = this.feedOwner(scope);
    const [found] = UUID_PATTERN.test(id) ? await this.notifications.visible(owner, [id]) : [];
    return found
      ? toNotification(found)
      : this.refusals.notFound(scope, 'READ_NOTIFICATION', 'Notification', id);
  }

  async unreadCount(scope: AccessScope): Promise<number> {
    return this.notifications.unreadCount(this.feedOwner(scope));
  }

  /** Idempotent: marking what is already read (or not the agency's) changes nothing and counts 0. */
  async markRead(
    scope: AccessScope,
    input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadPayload> {
    const owner = this.feedOwner(scope);
    const all = input.all === true;
    const ids = input.ids ?? [];
    // The input class already refuses these; kept so no caller of the service can mark "nothing or everything" by accident.
    if (all === ids.length > 0) {
      throw new BadUserInputError('Invalid input', [
        { field: 'ids', message: 'give 1–100 ids, or all: true, not both' },
      ]);
    }
    return this.transactions.run(async (tx) => {
      const marked = all
        ? await this.notifications.markAllRead(tx, owner)
        : // An id that cannot be a notification's is as missing as one of another agency's.
          await this.notifications.markRead(
            tx,
            owner,
            ids.filter((id) => UUID_PATTERN.test(id)),
          );
      // Every change is on the audit trail, even a user's own read marks.
      await this.audit.record(tx, {
        actor: scope.actor,
        action: 'MARK_NOTIFICATIONS_READ',
        subjectType: 'Notification',
        subjectId: all ? null : ids.slice(0, 3).join(',').slice(0, 128) || null,
        decision: 'ALLOWED',
        reason: all ? 'all' : `${marked} of ${ids.length}`,
        subjectAgencyIds: [owner.agencyId],
      });
      return { marked, unreadCount: await this.notifications.unreadCount(owner, tx) };
    });
  }

  /** Those of `ids` that are in the caller's feed, as the feed shows them (oldest first). */
  async visible(scope: AccessScope, ids: readonly string[]): Promise<Notification[]> {
    return (await this.notifications.visible(this.feedOwner(scope), ids)).map(toNotification);
  }

  /** Whose feed this is: the caller's agency, if the policy lets them read its notifications. */
  feedOwner(scope: AccessScope): FeedOwner {
    const { agencyId, userId } = scope.actor;
    if (
      !userId ||
      !agencyId ||
      !UUID_PATTERN.test(agencyId) ||
      !scope.ability.can('read', subject('Notification', { agencyId }))
    ) {
      throw new ForbiddenError('Notifications go to agencies; this caller belongs to none');
    }
    return { agencyId, userId };
  }
}

const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  eventType: row.eventType,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  message: row.message,
  createdAt: row.createdAt,
  read: row.read,
});
