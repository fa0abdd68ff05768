import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A task force's protocol: the headline (title, category, audience) of its current published
 * version, or of its draft before the first publication. Its status, version and updated_at move
 * through the workflow kernel's runner (docs/workflow.md); everything else through the repository.
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

  @Column('timestamptz')
  acknowledgedAt: Date;
}
