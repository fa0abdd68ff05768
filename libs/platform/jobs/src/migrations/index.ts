import { InstallJobQueue1765000000000 } from './1765000000000-install-job-queue';

/** The job queue's schema; apps gather it before the migrations that create queues in it. */
export const jobsMigrations = [InstallJobQueue1765000000000];
