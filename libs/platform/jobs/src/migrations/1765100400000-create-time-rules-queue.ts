import { MigrationInterface, QueryRunner } from 'typeorm';
import { createQueueSql, deleteQueueSql, TIME_RULES_QUEUE } from '../queue-sql';

/** The queue of the time-based rules' sweep (one job per schedule, whichever worker takes it). */
export class CreateTimeRulesQueue1765100400000 implements MigrationInterface {
  name = 'CreateTimeRulesQueue1765100400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(createQueueSql(TIME_RULES_QUEUE));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(deleteQueueSql(TIME_RULES_QUEUE));
  }
}
