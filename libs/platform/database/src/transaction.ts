import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A unit of work: everything a mutation writes — the change, its audit event, its notifications
 * and outbox rows — goes through one Tx and commits or rolls back together. Services pass it
 * along without knowing the ORM behind it; repositories use it.
 */
export type Tx = EntityManager;

@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one READ COMMITTED transaction; a thrown error rolls everything back. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /** The non-transactional manager, for reads. */
  get reader(): Tx {
    return this.dataSource.manager;
  }
}
