import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Tx } from '@hub/database';
import { NotificationRepository } from './notification.repository';
import { UUID_PATTERN } from '@hub/graphql';

/** Something that happened, told to the members of some agencies. */
export interface Notice {
  /**
   * Every agency whose members should hear of it; duplicates count once, none means no
   * notification, and an agency deactivated on the hub is left out.
   */
  agencyIds: string[];
  /** SCREAMING_CASE, at most 64 characters, e.g. REFERRAL_RECEIVED. */
  eventType: string;
  /** The kind of record it is about, e.g. Referral (1–64 characters). */
  subjectType: string;
  /** That record's id (1–128 characters). */
  subjectId: string;
  /** 1–500 characters. Never survivor personal data: at most a pseudonymous reference. */
  message: string;
}

export const MAX_EVENT_TYPE_LENGTH = 64;
export const MAX_MESSAGE_LENGTH = 500;

const EVENT_TYPE = /^[A-Z][A-Z0-9_]*$/;
/**
 * How every domain tells agencies about something: inside the domain's own transaction, so the
 * notifications and their outbox rows commit or roll back with the change that caused them.
 */
@Injectable()
export class NotificationPublisher {
  constructor(private readonly notifications: NotificationRepository) {}

  /**
   * Writes one notification per agency and one `notification.created` outbox row per notification
   * in `tx`. A malformed notice is a programming error (plain Error), not a user's: it throws
   * before anything is written, whatever the recipients.
   */
  async publish(tx: Tx, notice: Notice): Promise<void> {
    assertWellFormed(notice);
    const agencyIds = [...new Set(notice.agencyIds)];
    if (agencyIds.length === 0) return;
    await this.notifications.insertWithOutbox(tx, {
      agencyIds,
      eventType: notice.eventType,
      subjectType: notice.subjectType,
      subjectId: notice.subjectId,
      message: notice.message,
    });
  }
}

function assertWellFormed(notice: Notice): void {
  const problems: string[] = [];
  const { eventType, subjectType, subjectId, message, agencyIds } = notice;
  if (
    typeof eventType !== 'string' ||
    eventType.length > MAX_EVENT_TYPE_LENGTH ||
    !EVENT_TYPE.test(eventType)
  ) {
    problems.push(`eventType must be SCREAMING_CASE of at most ${MAX_EVENT_TYPE_LENGTH} characters`);
  }
  if (!isText(subjectType, 64)) problems.push('subjectType must be 1–64 characters');
  if (!isText(subjectId, 128)) problems.push('subjectId must be 1–128 characters');
  if (!isText(message, MAX_MESSAGE_LENGTH) || message.trim().length === 0) {
    problems.push(`message must be 1–${MAX_MESSAGE_LENGTH} characters`);
  }
  if (!Array.isArray(agencyIds) || agencyIds.some((id) => typeof id !== 'string' || !UUID_PATTERN.test(id))) {
    problems.push('agencyIds must be agency ids (uuids)');
  }
  // The values are not echoed: a bad message could be exactly the personal data that must not leak into logs.
  if (problems.length) throw new Error(`Malformed notice: ${problems.join('; ')}`);
}

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= max;

/** A publisher outside Nest, on a data source of one's own (tests that stand in for a domain). */
export function notificationPublisherOn(dataSource: DataSource): NotificationPublisher {
  return new NotificationPublisher(new NotificationRepository(dataSource));
}
