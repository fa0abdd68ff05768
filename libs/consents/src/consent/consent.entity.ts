import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import {
  ConsentObtainedHow,
  ConsentPurpose,
  DataClass,
  GrantorType,
  RevocationChannel,
} from '../shared/enums';

/** A recorded consent: immutable (the API role cannot UPDATE or DELETE it). */
@Entity({ name: 'consent' })
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  survivorId: string;

  @Column('uuid')
  ownerAgencyId: string;

  @Column('text')
  grantorType: GrantorType;

  @Column('text', { nullable: true })
  grantorName: string | null;

  @Column('text', { nullable: true })
  grantorRelationship: string | null;

  @Column('boolean')
  grantorNotSuspectedAttested: boolean;

  @Column('uuid', { array: true })
  recipientAgencyIds: string[];

  @Column('text', { array: true })
  purposes: ConsentPurpose[];

  @Column('text', { array: true })
  dataClasses: DataClass[];

  @Column('timestamptz')
  validFrom: Date;

  @Column('timestamptz')
  validUntil: Date;

  @Column('text')
  obtainedHow: ConsentObtainedHow;

  @Column('text')
  language: string;

  @Column('boolean')
  interpreterUsed: boolean;

  @Column('text', { nullable: true })
  interpreterName: string | null;

  @Column('boolean')
  acknowledgedRightToRevoke: boolean;

  @Column('boolean')
  acknowledgedNotConditionOfService: boolean;

  @Column('boolean')
  acknowledgedRedisclosureRisk: boolean;

  @Column('text')
  documentReference: string;

  @Column('text')
  recordedBy: string;

  @Column('timestamptz')
  recordedAt: Date;
}

/** Revocation: a new fact about a consent, never an edit of it. */
@Entity({ name: 'consent_revocation' })
export class ConsentRevocationEntity {
  @PrimaryColumn('uuid')
  consentId: string;

  @Column('timestamptz')
  revokedAt: Date;

  @Column('text')
  revokedBy: string;

  @Column('uuid')
  revokedByAgencyId: string;

  @Column('text')
  channel: RevocationChannel;

  @Column('text', { nullable: true })
  reason: string | null;
}

/**
 * An access row: one per recipient agency of a consent, or from a child-safety referral (or
 * break-glass) with the id of what created it. Reads join the live ones.
 */
@Entity({ name: 'consent_grant' })
export class ConsentGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  consentId: string | null;

  @Column('text')
  basis: 'CONSENT' | 'CHILD_SAFETY' | 'BREAK_GLASS';

  @Column('uuid', { nullable: true })
  sourceId: string | null;

  @Column('uuid')
  survivorId: string;

  @Column('uuid')
  agencyId: string;

  @Column('text', { array: true })
  dataClasses: string[];

  @Column('text', { array: true })
  purposes: string[];

  @Column('timestamptz')
  validFrom: Date;

  @Column('timestamptz')
  validUntil: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  /** Break-glass only: the one user the grant serves (the supervisor who opened it). */
  @Column('text', { nullable: true })
  userId: string | null;
}
