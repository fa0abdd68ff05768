import { InstallJobQueue1765000000000 } from './1765000000000-install-job-queue';
import { CreateTimeRulesQueue1765100400000 } from './1765100400000-create-time-rules-queue';

/** The job queue's schema (and the hub's own queues); apps gather it before the migrations that create queues in it. */
export const jobsMigrations = [InstallJobQueue1765000000000, CreateTimeRulesQueue1765100400000];
