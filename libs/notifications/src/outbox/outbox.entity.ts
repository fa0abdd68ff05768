import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A message for the worker to deliver at least once (table `outbox`); written in the change's transaction. */
@Entity({ name: 'outbox' })
export class OutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** What kind of message, e.g. `notification.created`. */
  @Column('text')
  topic: string;

  /** References only (ids, types); never personal data. */
  @Column('jsonb')
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Null until the worker delivered it to every recipient. */
  @Column('timestamptz', { nullable: true })
  processedAt: Date | null;

  /** How many times the worker handed it to the job queue (once, unless a job was lost or gave up). */
  @Column('integer')
  attempts: number;

  /** When the worker last handed it to the job queue; null until then. */
  @Column('timestamptz', { nullable: true })
  enqueuedAt: Date | null;
}
