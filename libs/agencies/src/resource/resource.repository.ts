import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ResourceEntity } from './resource.entity';

@Injectable()
export class ResourceRepository {
  private readonly resources: Repository<ResourceEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.resources = dataSource.getRepository(ResourceEntity);
  }

  /** Served by resource_name_id_idx. */
  list(page: { first: number; after?: { name: string; id: string } }): Promise<ResourceEntity[]> {
    const query = this.resources.createQueryBuilder('r');
    if (page.after) {
      query.where('(r.name, r.id) > (:afterName, :afterId)', {
        afterName: page.after.name,
        afterId: page.after.id,
      });
    }
    return query
      .orderBy('r.name', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(page.first + 1)
      .getMany();
  }
}
