import { Injectable } from '@nestjs/common';
import { Connection, decodeCursor, DEFAULT_PAGE_SIZE, PageArgs, toConnection } from '@hub/graphql';
import { Resource } from './resource.model';
import { ResourceRepository } from './resource.repository';

/** Public hotlines: readable by anyone, no personal data. */
@Injectable()
export class ResourceService {
  constructor(private readonly resources: ResourceRepository) {}

  async list(args: PageArgs): Promise<Connection<Resource>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = args.after ? decodeCursor(args.after, ['text', 'uuid']) : undefined;
    const rows = await this.resources.list({ first, after: after && { name: after[0], id: after[1] } });
    return toConnection(
      rows,
      first,
      (row) => [row.name, row.id],
      (row) => ({
        id: row.id,
        name: row.name,
        phone: row.phone,
        text: row.textNumber,
        chatUrl: row.chatUrl,
        hours: row.hours,
        languages: row.languages,
        description: row.description,
      }),
    );
  }
}
