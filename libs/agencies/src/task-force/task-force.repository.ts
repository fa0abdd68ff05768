import { Injectable } from '@nestjs/common';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Tx } from '@hub/database';
import { TaskForceEntity, TaskForceMembershipEntity } from './task-force.entity';

/** Every query on task forces and memberships. */
const BY_NAME = new Keyset(
  [
    { sql: 'tf.name', kind: 'text' },
    { sql: 'tf.id', kind: 'uuid' },
  ],
  'ASC',
);

@Injectable()
export class TaskForceRepository {
  private readonly taskForces: Repository<TaskForceEntity>;
  private readonly memberships: Repository<TaskForceMembershipEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.taskForces = dataSource.getRepository(TaskForceEntity);
    this.memberships = dataSource.getRepository(TaskForceMembershipEntity);
  }

  findById(id: string): Promise<TaskForceEntity | null> {
    return this.taskForces.findOneBy({ id });
  }

  async findByIds(ids: readonly string[]): Promise<TaskForceEntity[]> {
    if (ids.length === 0) return [];
    return this.taskForces
      .createQueryBuilder('tf')
      .where('tf.id = ANY(:ids)', { ids: [...ids] })
      .getMany();
  }

  /** Served by task_force_name_id_idx. */
  list(page: PageArgs): Promise<Connection<TaskForceEntity>> {
    return BY_NAME.fetch(this.taskForces.createQueryBuilder('tf'), page);
  }

  /** Members of several task forces in one query (batched per request). */
  async membersOf(taskForceIds: readonly string[]): Promise<TaskForceMembershipEntity[]> {
    if (taskForceIds.length === 0) return [];
    return this.memberships
      .createQueryBuilder('m')
      .where('m.task_force_id = ANY(:ids)', { ids: [...taskForceIds] })
      .orderBy('m.task_force_id')
      .addOrderBy('m.joined_at')
      .addOrderBy('m.agency_id')
      .getMany();
  }

  /** Served by task_force_membership_agency_idx. */
  membershipsOfAgency(agencyId: string): Promise<TaskForceMembershipEntity[]> {
    return this.memberships.find({ where: { agencyId }, order: { joinedAt: 'ASC' } });
  }

  findMembership(taskForceId: string, agencyId: string): Promise<TaskForceMembershipEntity | null> {
    return this.memberships.findOneBy({ taskForceId, agencyId });
  }

  async insert(
    tx: Tx,
    id: string,
    taskForce: Pick<TaskForceEntity, 'name' | 'jurisdiction' | 'description'>,
  ): Promise<TaskForceEntity> {
    await tx.getRepository(TaskForceEntity).insert({ ...taskForce, id });
    return tx.getRepository(TaskForceEntity).findOneByOrFail({ id });
  }

  /** Inserts a membership; returns null if the agency is already a member. */
  async addMember(
    tx: Tx,
    taskForceId: string,
    agencyId: string,
    role: string,
  ): Promise<TaskForceMembershipEntity | null> {
    const result = await tx
      .getRepository(TaskForceMembershipEntity)
      .createQueryBuilder()
      .insert()
      .into(TaskForceMembershipEntity)
      .values({ taskForceId, agencyId, role, version: 1, joinedAt: () => 'now()' })
      .orIgnore()
      .execute();
    if (result.identifiers.length === 0 || result.raw.length === 0) return null;
    return tx.getRepository(TaskForceMembershipEntity).findOneBy({ taskForceId, agencyId });
  }

  /** Changes the role if the version still matches; null otherwise. */
  async updateMember(
    tx: Tx,
    taskForceId: string,
    agencyId: string,
    expectedVersion: number,
    role: string,
  ): Promise<TaskForceMembershipEntity | null> {
    const result = await tx
      .getRepository(TaskForceMembershipEntity)
      .createQueryBuilder()
      .update(TaskForceMembershipEntity)
      .set({ role, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('task_force_id = :taskForceId AND agency_id = :agencyId AND version = :expectedVersion', {
        taskForceId,
        agencyId,
        expectedVersion,
      })
      .execute();
    if (result.affected !== 1) return null;
    return tx.getRepository(TaskForceMembershipEntity).findOneBy({ taskForceId, agencyId });
  }

  /**
   * Holds the task force against concurrent membership changes (to the end of `tx`) and returns
   * the roles of its members other than `agencyId`: what the co-lead rules look at.
   */
  async lockOtherRoles(tx: Tx, taskForceId: string, agencyId: string): Promise<string[]> {
    await tx.query(`SELECT 1 FROM task_force WHERE id = $1 FOR NO KEY UPDATE`, [taskForceId]);
    const rows: { role: string }[] = await tx.query(
      `SELECT role FROM task_force_membership WHERE task_force_id = $1 AND agency_id <> $2`,
      [taskForceId, agencyId],
    );
    return rows.map((row) => row.role);
  }

  async removeMember(tx: Tx, taskForceId: string, agencyId: string): Promise<boolean> {
    const result = await tx.getRepository(TaskForceMembershipEntity).delete({ taskForceId, agencyId });
    return result.affected === 1;
  }

  /**
   * Whether two agencies are members of at least one common task force, both still on the hub (a
   * deactivated agency keeps its memberships, as its records stay, but nobody works with it).
   */
  async shareATaskForce(agencyA: string, agencyB: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM task_force_membership a JOIN task_force_membership b ON b.task_force_id = a.task_force_id
         JOIN agency aa ON aa.id = a.agency_id JOIN agency ab ON ab.id = b.agency_id
        WHERE a.agency_id = $1 AND b.agency_id = $2 AND aa.deactivated_at IS NULL AND ab.deactivated_at IS NULL
        LIMIT 1`,
      [agencyA, agencyB],
    );
    return rows.length > 0;
  }
}
