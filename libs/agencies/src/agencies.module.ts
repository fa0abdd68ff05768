import { Module } from '@nestjs/common';
import { AgencyFactsLoader } from './agency/agency-facts.loader';
import { AgencyRepository } from './agency/agency.repository';
import { AgencyResolver } from './agency/agency.resolver';
import { AgencyService } from './agency/agency.service';
import { CallerResolver } from './caller/caller.resolver';
import { CallerService } from './caller/caller.service';
import { ResourceRepository } from './resource/resource.repository';
import { ResourceResolver } from './resource/resource.resolver';
import { ResourceService } from './resource/resource.service';
import { TaskForceRepository } from './task-force/task-force.repository';
import { TaskForceMemberResolver, TaskForceResolver } from './task-force/task-force.resolver';
import { TaskForceService } from './task-force/task-force.service';

/** The facts the policy needs about callers' agencies; imported by the AuthzModule. */
@Module({
  providers: [TaskForceRepository, AgencyFactsLoader],
  exports: [AgencyFactsLoader, TaskForceRepository],
})
export class AgencyFactsModule {}

/** Agencies, the public directory, task forces and memberships, hotlines, and `me`. */
@Module({
  imports: [AgencyFactsModule],
  providers: [
    AgencyRepository,
    AgencyService,
    AgencyResolver,
    TaskForceService,
    TaskForceResolver,
    TaskForceMemberResolver,
    ResourceRepository,
    ResourceService,
    ResourceResolver,
    CallerService,
    CallerResolver,
  ],
  exports: [AgencyService, TaskForceService],
})
export class AgenciesModule {}
