import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { namedQuery } from '@hub/database';

export interface OutboxBacklog {
  /** Rows the worker has not delivered yet. */
  pending: number;
  /** Age of the oldest of them, in seconds (0 when none is pending). */
  oldestAgeSeconds: number;
}

/** Reads of the outbox (rows are written by NotificationRepository, in the change's transaction). */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement over outbox_pending_idx (processed rows are not in it). */
  async backlog(): Promise<OutboxBacklog> {
    const [row] = await namedQuery<OutboxBacklog & Record<string, unknown>>(
      this.dataSource.manager,
      `SELECT count(*)::int AS pending,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS "oldestAgeSeconds"
         FROM outbox
        WHERE processed_at IS NULL`,
      {},
    );
    return row;
  }
}
