import { registerEnumType } from '@nestjs/graphql';
import { defineLifecycle } from '@hub/workflow';

export enum AgencyStatus {
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}
registerEnumType(AgencyStatus, {
  name: 'AgencyStatus',
  description:
    'DEACTIVATED: taken off the hub by a platform administrator; its records stay, its users are refused',
});

/** An agency's one move (the workflow kernel's lifecycle table, for its one ILLEGAL_TRANSITION shape). */
export const AGENCY_LIFECYCLE = defineLifecycle<AgencyStatus, 'deactivate'>('Agency', {
  deactivate: { from: [AgencyStatus.ACTIVE], to: AgencyStatus.DEACTIVATED },
});

export const agencyStatusOf = (agency: { deactivatedAt: Date | null }): AgencyStatus =>
  agency.deactivatedAt === null ? AgencyStatus.ACTIVE : AgencyStatus.DEACTIVATED;
