import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A public hotline or help line in the directory; not a member agency. */
@Entity({ name: 'resource' })
export class ResourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The task force whose coordinators manage it; null: a national line (the platform administrator's). */
  @Column('uuid', { nullable: true })
  taskForceId: string | null;

  @Column('text')
  name: string;

  @Column('text')
  phone: string;

  @Column('text', { nullable: true })
  textNumber: string | null;

  @Column('text', { nullable: true })
  chatUrl: string | null;

  @Column('text')
  hours: string;

  @Column('text', { array: true })
  languages: string[];

  @Column('text')
  description: string;

  /** Retired lines leave the public list; the row stays for the audit trail. */
  @Column('timestamptz', { nullable: true })
  retiredAt: Date | null;

  @Column('text', { nullable: true })
  retiredBy: string | null;

  @Column('text', { nullable: true })
  retirementReason: string | null;

  @Column('integer')
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
