import { Module } from '@nestjs/common';
import { ConfigModule } from '@hub/config';
import { databaseConfig } from '@hub/database';
import { JobQueue } from './job-queue';
import { jobsConfig } from './jobs.config';

/** The job queue for the processes that run or enqueue background jobs (apps/worker). */
@Module({
  imports: [ConfigModule.forFeature(databaseConfig, jobsConfig)],
  providers: [JobQueue],
  exports: [JobQueue],
})
export class JobsModule {}
