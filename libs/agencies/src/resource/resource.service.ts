import { Injectable } from '@nestjs/common';
import { Connection, mapConnection, PageArgs } from '@hub/graphql';
import { Resource } from './resource.model';
import { ResourceRepository } from './resource.repository';

/** Public hotlines: readable by anyone, no personal data. */
@Injectable()
export class ResourceService {
  constructor(private readonly resources: ResourceRepository) {}

  async list(args: PageArgs): Promise<Connection<Resource>> {
    return mapConnection(await this.resources.list(args), (row) => ({
      id: row.id,
      name: row.name,
      phone: row.phone,
      text: row.textNumber,
      chatUrl: row.chatUrl,
      hours: row.hours,
      languages: row.languages,
      description: row.description,
    }));
  }
}
