import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';
import { audienceAgenciesSql } from '@hub/agencies';

/**
 * A task force's protocol: the headline (title, category, audience) of its current published
 * version, or of its draft before the first publication. Its status, version and updated_at move
 * through the workflow kernel's runner (docs/workflow.md); everything else through the repository.
 * Virtual columns are computed in the SELECT that reads the row (never written).
 */
@Entity({ name: 'protocol' })
export class ProtocolEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  taskForceId: string;

  @Column('uuid')
  ownerAgencyId: string;

  @Column('text')
  title: string;

  @Column('text')
  category: string;

  @Column('text', { array: true })
  audience: string[];

  /** DRAFT (never published), PUBLISHED (a version in force) or ARCHIVED: the kernel's status. */
  @Column('text')
  status: string;

  @Column('uuid', { nullable: true })
  currentVersionId: string | null;

  @Column('timestamptz', { nullable: true })
  firstPublishedAt: Date | null;

  @Column('integer')
  version: number;

  @Column('text')
  createdBy: string;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @Column('text', { nullable: true })
  archivedBy: string | null;

  @Column('text', { nullable: true })
  archiveReason: string | null;

  /** Words of the headline's title (weight A) and body (B) for `text` search; written, never read. */
  @Column('tsvector', { select: false })
  search?: string;

  /** Review-by date of the version in force, read with the row (decides "due for review"). */
  @VirtualColumn({
    type: 'date',
    query: (p) => `SELECT cv.review_by FROM protocol_version cv WHERE cv.id = ${p}.current_version_id`,
  })
  currentReviewBy: string | null;

  /**
   * Member agencies of its task force whose type is in its audience, read with the row: once it
   * was published, the protocol is their record too (audit rows and notices name them).
   */
  @VirtualColumn({
    type: 'uuid',
    query: (p) => `SELECT ${audienceAgenciesSql(`${p}.task_force_id`, `${p}.audience`)}`,
  })
  audienceAgencyIds: string[];
}

/** One version of a protocol; once published its content never changes (a trigger enforces it). */
@Entity({ name: 'protocol_version' })
export class ProtocolVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  protocolId: string;

  @Column('integer')
  number: number;

  @Column('text')
  title: string;

  @Column('text')
  category: string;

  @Column('text', { array: true })
  audience: string[];

  @Column('text')
  body: string;

  @Column('text', { nullable: true })
  summaryOfChanges: string | null;

  /** ISO date (YYYY-MM-DD). */
  @Column('date', { nullable: true })
  effectiveDate: string | null;

  /** ISO date (YYYY-MM-DD). */
  @Column('date', { nullable: true })
  reviewBy: string | null;

  @Column('boolean')
  requiresAcknowledgement: boolean;

  @Column('text')
  state: string;

  @Column('text')
  createdBy: string;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Column('text', { nullable: true })
  publishedBy: string | null;

  @Column('timestamptz', { nullable: true })
  supersededAt: Date | null;

  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  /** Its protocol's task force (the policy judges it), read with the row. */
  @VirtualColumn({
    type: 'uuid',
    query: (v) => `SELECT vp.task_force_id FROM protocol vp WHERE vp.id = ${v}.protocol_id`,
  })
  taskForceId: string;

  /** Its protocol's owner (whose record it is), read with the row. */
  @VirtualColumn({
    type: 'uuid',
    query: (v) => `SELECT vp.owner_agency_id FROM protocol vp WHERE vp.id = ${v}.protocol_id`,
  })
  ownerAgencyId: string;
}

/** An agency's acknowledgement of a published version: a fact, never changed or removed. */
@Entity({ name: 'protocol_acknowledgement' })
export class ProtocolAcknowledgementEntity {
  @PrimaryColumn('uuid')
  versionId: string;

  @PrimaryColumn('uuid')
  agencyId: string;

  @Column('uuid')
  protocolId: string;

  @Column('text')
  acknowledgedBy: string;

  /** Set by the database when recorded (so an insert returns it). */
  @Column('timestamptz', { default: () => 'now()' })
  acknowledgedAt: Date;
}
