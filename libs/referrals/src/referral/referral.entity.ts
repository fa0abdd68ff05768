import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A referral from one agency to another (table `referral`). */
@Entity({ name: 'referral' })
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: string;

  @Column('uuid', { nullable: true })
  parentReferralId: string | null;

  @Column('uuid')
  fromAgencyId: string;

  @Column('uuid')
  toAgencyId: string;

  @Column('text', { array: true })
  needs: string[];

  @Column('text')
  urgency: string;

  @Column('integer', { nullable: true })
  requestedResponseHours: number | null;

  @Column('timestamptz', { nullable: true })
  responseDueAt: Date | null;

  /** When it was sent (null: a draft never sent, the sender's own business). */
  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('uuid', { nullable: true })
  survivorId: string | null;

  @Column('uuid', { nullable: true })
  consentId: string | null;

  @Column('text', { array: true })
  sharedClasses: string[];

  @Column('text', { nullable: true })
  language: string | null;

  @Column('text', { nullable: true })
  ageBand: string | null;

  @Column('text', { nullable: true })
  callback: string | null;

  @Column('text', { nullable: true })
  legalBasis: string | null;

  @Column('text', { nullable: true })
  reportReason: string | null;

  @Column('text')
  status: string;

  @Column('text', { nullable: true })
  declineReason: string | null;

  @Column('text', { nullable: true })
  declineReasonText: string | null;

  @Column('text', { nullable: true })
  declinedBy: string | null;

  @Column('text', { nullable: true })
  failureReason: string | null;

  @Column('text', { array: true, nullable: true })
  outcomeServices: string[] | null;

  @Column('text', { nullable: true })
  outcomeText: string | null;

  @Column('text')
  createdBy: string;

  @Column('integer')
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
