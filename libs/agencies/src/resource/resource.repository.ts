import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { ResourceEntity } from './resource.entity';

const BY_NAME = new Keyset(
  [
    { sql: 'r.name', kind: 'text' },
    { sql: 'r.id', kind: 'uuid' },
  ],
  'ASC',
);

@Injectable()
export class ResourceRepository {
  private readonly resources: Repository<ResourceEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.resources = dataSource.getRepository(ResourceEntity);
  }

  /** Served by resource_name_id_idx. */
  list(page: PageArgs): Promise<Connection<ResourceEntity>> {
    return BY_NAME.fetch(this.resources.createQueryBuilder('r'), page);
  }
}
