import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BreakGlassEndReason, BreakGlassFinding } from './break-glass.model';

/**
 * A break-glass use (table `break_glass`): the opening is written once; the API may set only the
 * end and review columns. Its model names every column, so the service answers the entity as the
 * model (the compiler checks that they agree).
 */
@Entity({ name: 'break_glass' })
export class BreakGlassEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  survivorId: string;

  @Column('uuid')
  ownerAgencyId: string;

  /** The agency of the supervisor who opened it. */
  @Column('uuid')
  agencyId: string;

  @Column('text')
  openedBy: string;

  @Column('text')
  reason: string;

  @Column('timestamptz')
  openedAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @Column('text', { nullable: true })
  endedBy: string | null;

  @Column('text', { nullable: true })
  endedReason: BreakGlassEndReason | null;

  @Column('text', { nullable: true })
  endedNote: string | null;

  @Column('timestamptz', { nullable: true })
  reviewedAt: Date | null;

  @Column('text', { nullable: true })
  reviewedBy: string | null;

  @Column('text', { nullable: true })
  reviewFinding: BreakGlassFinding | null;

  @Column('text', { nullable: true })
  reviewNote: string | null;
}
