export * from './jobs.config';
export * from './job-queue';
export * from './jobs.module';
export * from './queue-sql';
export { jobsMigrations } from './migrations';
export { JOB_QUEUE_SCHEMA_VERSION } from './migrations/1765000000000-install-job-queue';
