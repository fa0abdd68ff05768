import { MigrationInterface, QueryRunner } from 'typeorm';
import { createQueueSql, deleteQueueSql } from '@hub/jobs';
import { DELIVERY_QUEUE } from '../delivery/delivery-queue';

/** The job queue of e-mail deliveries (a pg-boss queue is DDL: created here, as the owner). */
export class CreateNotificationQueue1765000300000 implements MigrationInterface {
  name = 'CreateNotificationQueue1765000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(createQueueSql(DELIVERY_QUEUE));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(deleteQueueSql(DELIVERY_QUEUE));
  }
}
