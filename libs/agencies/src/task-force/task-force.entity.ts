import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'task_force' })
export class TaskForceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  jurisdiction: string;

  @Column('text')
  description: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** An agency's membership of a task force, with its role there. */
@Entity({ name: 'task_force_membership' })
export class TaskForceMembershipEntity {
  @PrimaryColumn('uuid')
  taskForceId: string;

  @PrimaryColumn('uuid')
  agencyId: string;

  @Column('text')
  role: string;

  @Column('integer')
  version: number;

  @Column('timestamptz')
  joinedAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
