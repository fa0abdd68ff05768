import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A message to one agency's members about something that happened (table `notification`). */
@Entity({ name: 'notification' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  agencyId: string;

  /** SCREAMING_CASE, e.g. REFERRAL_RECEIVED. */
  @Column('text')
  eventType: string;

  @Column('text')
  subjectType: string;

  @Column('text')
  subjectId: string;

  /** Never survivor personal data: at most a pseudonymous reference. */
  @Column('text')
  message: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** That one user has read one notification (table `notification_read`). */
@Entity({ name: 'notification_read' })
export class NotificationReadEntity {
  @PrimaryColumn('uuid')
  notificationId: string;

  /** The reader's identity-provider subject (`sub`). */
  @PrimaryColumn('text')
  userId: string;

  @Column('timestamptz')
  readAt: Date;
}
