import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { returnedEntities, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { ResourceEntity } from './resource.entity';

const BY_NAME = new Keyset(
  [
    { sql: 'r.name', kind: 'text' },
    { sql: 'r.id', kind: 'uuid' },
  ],
  'ASC',
);

export type NewResource = Pick<
  ResourceEntity,
  'taskForceId' | 'name' | 'phone' | 'textNumber' | 'chatUrl' | 'hours' | 'languages' | 'description'
>;
export type ResourceChanges = Partial<Omit<NewResource, 'taskForceId'>>;

/** Every query on hotlines. They are public records: no row filter by caller (the policy judges changes). */
@Injectable()
export class ResourceRepository {
  private readonly resources: Repository<ResourceEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.resources = dataSource.getRepository(ResourceEntity);
  }

  /** The public list: active lines by name (resource_active_name_id_idx). */
  list(page: PageArgs): Promise<Connection<ResourceEntity>> {
    return BY_NAME.fetch(this.resources.createQueryBuilder('r').where('r.retired_at IS NULL'), page);
  }

  findById(id: string): Promise<ResourceEntity | null> {
    return this.resources.findOneBy({ id });
  }

  async insert(tx: Tx, id: string, resource: NewResource): Promise<ResourceEntity> {
    const result = await tx
      .getRepository(ResourceEntity)
      .createQueryBuilder()
      .insert()
      .values({ ...resource, id, version: 1 })
      .returning('*')
      .execute();
    return returnedEntities(tx, ResourceEntity, result.raw)[0];
  }

  /**
   * Optimistic concurrency: the row changes only from the version the client saw and while it is
   * active (`retirement` retires it); null when either no longer holds.
   */
  async update(
    tx: Tx,
    id: string,
    expectedVersion: number,
    changes: ResourceChanges & { retiredAt?: Date; retiredBy?: string; retirementReason?: string },
  ): Promise<ResourceEntity | null> {
    const result = await tx
      .getRepository(ResourceEntity)
      .createQueryBuilder()
      .update(ResourceEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :expectedVersion AND retired_at IS NULL', { id, expectedVersion })
      .returning('*')
      .execute();
    if (result.affected !== 1) return null;
    return returnedEntities(tx, ResourceEntity, result.raw)[0] ?? null;
  }
}
