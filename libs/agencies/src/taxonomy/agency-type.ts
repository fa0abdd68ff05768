import { registerEnumType } from '@nestjs/graphql';

export enum AgencyType {
  NGO = 'NGO',
  LAW_ENFORCEMENT = 'LAW_ENFORCEMENT',
  FEDERAL_PARTNER = 'FEDERAL_PARTNER',
  PROSECUTOR = 'PROSECUTOR',
  HEALTH = 'HEALTH',
  CHILD_WELFARE = 'CHILD_WELFARE',
  TA_PROVIDER = 'TA_PROVIDER',
  COORDINATOR = 'COORDINATOR',
}
registerEnumType(AgencyType, { name: 'AgencyType' });

export enum TaskForceRole {
  CO_LEAD_LAW_ENFORCEMENT = 'CO_LEAD_LAW_ENFORCEMENT',
  CO_LEAD_VICTIM_SERVICES = 'CO_LEAD_VICTIM_SERVICES',
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}
registerEnumType(TaskForceRole, { name: 'TaskForceRole', description: "An agency's role in a task force" });
