import { Module } from '@nestjs/common';
import { ConfigModule } from '@hub/config';
import { CreateOnce, Refusals } from '@hub/workflow';
import { sightingConfig } from './agency-user/sighting.config';
import { AgencyUserRepository } from './agency-user/agency-user.repository';
import { AgencyUserResolver } from './agency-user/agency-user.resolver';
import { AgencyUserService } from './agency-user/agency-user.service';
import { AgencyDeactivationListeners } from './agency/agency-deactivation-listeners';
import { AgencyFactsLoader } from './agency/agency-facts.loader';
import { AgencyRegistrationService } from './agency/agency-registration.service';
import { AgencyRepository } from './agency/agency.repository';
import { AgencyResolver } from './agency/agency.resolver';
import { AgencyService } from './agency/agency.service';
import { CallerResolver } from './caller/caller.resolver';
import { CallerService } from './caller/caller.service';
import { DirectoryExchangeResolver } from './hsds/directory-exchange.resolver';
import { DirectoryExchangeService } from './hsds/directory-exchange.service';
import { ResourceRepository } from './resource/resource.repository';
import { ResourceResolver } from './resource/resource.resolver';
import { ResourceService } from './resource/resource.service';
import { TaskForceRepository } from './task-force/task-force.repository';
import { TaskForceMemberResolver, TaskForceResolver } from './task-force/task-force.resolver';
import { TaskForceService } from './task-force/task-force.service';

/** The facts the policy needs about callers and their agencies (and their sightings); imported by the AuthzModule. */
@Module({
  imports: [ConfigModule.forFeature(sightingConfig)],
  providers: [TaskForceRepository, AgencyUserRepository, AgencyFactsLoader],
  exports: [AgencyFactsLoader, TaskForceRepository, AgencyUserRepository],
})
export class AgencyFactsModule {}

/**
 * Agencies, the public directory, task forces and memberships, hotlines, `me`; their registration by
 * the platform administrator and the users the hub has seen.
 */
@Module({
  imports: [AgencyFactsModule],
  providers: [
    CreateOnce,
    Refusals,
    AgencyRepository,
    AgencyService,
    AgencyRegistrationService,
    AgencyDeactivationListeners,
    AgencyResolver,
    AgencyUserService,
    AgencyUserResolver,
    TaskForceService,
    TaskForceResolver,
    TaskForceMemberResolver,
    ResourceRepository,
    ResourceService,
    ResourceResolver,
    DirectoryExchangeService,
    DirectoryExchangeResolver,
    CallerService,
    CallerResolver,
  ],
  exports: [AgencyService, TaskForceService, AgencyRegistrationService, AgencyDeactivationListeners],
})
export class AgenciesModule {}
