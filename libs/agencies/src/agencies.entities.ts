import { AgencyUserEntity, AgencyUserSuspensionEntity } from './agency-user/agency-user.entity';
import { AgencyEntity } from './agency/agency.entity';
import { ResourceEntity } from './resource/resource.entity';
import { TaskForceEntity, TaskForceMembershipEntity } from './task-force/task-force.entity';

/** The tables this domain owns, gathered by the app into its one data source. */
export const agenciesEntities = [
  AgencyEntity,
  TaskForceEntity,
  TaskForceMembershipEntity,
  ResourceEntity,
  AgencyUserEntity,
  AgencyUserSuspensionEntity,
];
