export * from './agencies.module';
export * from './agencies.entities';
export * from './migrations';
export * from './demo/demo-seed';
export * from './bootstrap/bootstrap';
export * from './taxonomy/service-need';
export * from './taxonomy/agency-type';
export * from './taxonomy/languages';
export { IsLanguageCode } from './taxonomy/is-language-code.validator';
export { Agency, AgencyAddress } from './agency/agency.model';
export { AgencyService } from './agency/agency.service';
/** What each field of Agency reads of its row (a join reads what its selection needs); for tests. */
export { AGENCY_FIELD_COLUMNS } from './agency/agency-rows';
export { AgencyRegistrationService } from './agency/agency-registration.service';
export { CreateAgencyInput } from './agency/agency-registration.inputs';
export {
  AgencyDeactivationListeners,
  type AgencyDeactivated,
  type AgencyDeactivatedListener,
} from './agency/agency-deactivation-listeners';
export { AgencyStatus } from './agency/agency-lifecycle';
export { CreateTaskForceInput } from './task-force/create-task-force.input';
export { sightingConfig } from './agency-user/sighting.config';
export { AgencyFactsLoader } from './agency/agency-facts.loader';
export { TaskForceService } from './task-force/task-force.service';
export {
  agencyMailingSql,
  agencyNameSql,
  agencyOnHubSql,
  audienceAgenciesSql,
  audienceMembersSql,
  taskForceExistsSql,
  taskForceMemberSql,
} from './task-force/task-force-scope';
export { hsdsProblems, HSDS_VERSION } from './hsds/hsds-schema';
