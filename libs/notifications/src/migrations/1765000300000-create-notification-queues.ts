import { MigrationInterface, QueryRunner } from 'typeorm';
import { createQueueSql, deleteQueueSql } from '@hub/jobs';
import { DELIVERY_QUEUE, DIGEST_QUEUE } from '../delivery/delivery-queue';

/** The job queues of e-mail deliveries and daily digests (a pg-boss queue is DDL: created here, as the owner). */
export class CreateNotificationQueues1765000300000 implements MigrationInterface {
  name = 'CreateNotificationQueues1765000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(createQueueSql(DELIVERY_QUEUE));
    await q.query(createQueueSql(DIGEST_QUEUE));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(deleteQueueSql(DIGEST_QUEUE));
    await q.query(deleteQueueSql(DELIVERY_QUEUE));
  }
}
