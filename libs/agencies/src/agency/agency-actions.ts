import { registerEnumType } from '@nestjs/graphql';
import { AppAbility, subject } from '@hub/access';

/** What a caller may do to an agency's profile: each is one mutation. */
export enum AgencyAction {
  UPDATE_PROFILE = 'UPDATE_PROFILE',
}
registerEnumType(AgencyAction, {
  name: 'AgencyAction',
  description: 'A mutation the caller may make on an agency: updateAgencyProfile (UPDATE_PROFILE)',
});

/** As updateAgencyProfile judges it: the one policy on this agency (its own admins only). */
export function availableAgencyActions(ability: AppAbility, agency: { id: string }): AgencyAction[] {
  return ability.can('update', subject('Agency', { id: agency.id })) ? [AgencyAction.UPDATE_PROFILE] : [];
}
