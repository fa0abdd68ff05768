import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One status change of a record: append-only. `fromStatus` is null for the creation. */
@Entity({ name: 'record_event' })
export class RecordEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  subjectType: string;

  @Column('uuid')
  subjectId: string;

  @Column('text', { nullable: true })
  fromStatus: string | null;

  @Column('text')
  toStatus: string;

  @Column('text', { nullable: true })
  actorUserId: string | null;

  @Column('uuid', { nullable: true })
  actorAgencyId: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('jsonb', { nullable: true })
  details: Record<string, unknown> | null;

  @Column('timestamptz')
  occurredAt: Date;
}

/** A message in a record's thread: append-only. */
@Entity({ name: 'record_message' })
export class RecordMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  subjectType: string;

  @Column('uuid')
  subjectId: string;

  @Column('text')
  authorUserId: string;

  @Column('uuid')
  authorAgencyId: string;

  @Column('text')
  body: string;

  @Column('timestamptz')
  createdAt: Date;
}

/** A client's idempotency key for a create: which record it made, from which request. */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  @PrimaryColumn('text')
  scope: string;

  @PrimaryColumn('text')
  subjectType: string;

  @PrimaryColumn('text')
  key: string;

  @Column('text', { nullable: true })
  requestHash: string | null;

  @Column('uuid')
  subjectId: string;

  @Column('timestamptz')
  createdAt: Date;
}

export const workflowEntities = [RecordEventEntity, RecordMessageEntity, IdempotencyKeyEntity];
