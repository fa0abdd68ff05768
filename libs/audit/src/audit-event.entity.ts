import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One accounted-for act: a disclosure, a change or a refusal. Append-only. */
@Entity({ name: 'audit_event' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('timestamptz')
  occurredAt: Date;

  @Column('text', { nullable: true })
  actorUserId: string | null;

  @Column('uuid', { nullable: true })
  actorAgencyId: string | null;

  @Column('text')
  action: string;

  @Column('text')
  subjectType: string;

  @Column('text', { nullable: true })
  subjectId: string | null;

  @Column('text', { array: true })
  fields: string[];

  @Column('text', { nullable: true })
  purpose: string | null;

  @Column('text')
  decision: string;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text', { nullable: true })
  requestId: string | null;

  /** The agencies whose records the event concerns (the owner of a survivor, both ends of a referral). */
  @Column('uuid', { array: true })
  subjectAgencyIds: string[];
}
