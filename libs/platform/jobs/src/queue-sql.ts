/** The schema the job queue lives in (created by `InstallJobQueue`, owned by the schema owner). */
export const JOBS_SCHEMA = 'pgboss';

/**
 * The queue of the hub's time-based rules (expiry sweeps, reminders): one job per schedule
 * (TIME_RULES_CRON), which runs every rule at the clock's now. The rules are the domains'; the
 * queue is the platform's, so no domain's ordinary migrations need the job queue's schema.
 */
export const TIME_RULES_QUEUE = 'hub.time-rules';

const QUEUE_NAME = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)*$/;

/**
 * SQL for a domain migration that creates its queue. Creating a queue is DDL (pg-boss makes one
 * partition table per queue), so it happens in a migration as the owner, never at worker start
 * with the runtime role. Retry and timeout are given when a job is sent (they follow configuration).
 */
export function createQueueSql(name: string): string {
  if (!QUEUE_NAME.test(name)) throw new Error(`unsafe queue name: ${name}`);
  return `SELECT ${JOBS_SCHEMA}.create_queue('${name}', '{"policy":"standard"}'::json)`;
}

/** The down of `createQueueSql`. */
export function deleteQueueSql(name: string): string {
  if (!QUEUE_NAME.test(name)) throw new Error(`unsafe queue name: ${name}`);
  return `SELECT ${JOBS_SCHEMA}.delete_queue('${name}')`;
}
