import type { AbilityBuilder } from '@casl/ability';
import type { Actor } from './actor';
import type { AppAbility } from './policy';

/** The Referral subjects and the fields of each record the rules look at. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-empty-interface
export interface ReferralPolicyRecords {}

/** Actions beyond read/create/update/delete that these rules use. */
export type ReferralAction = never;

/** Referral rules (DESIGN.md §4). Called by defineAbilityFor for every caller. */
export function defineReferralRules(_actor: Actor, _builder: AbilityBuilder<AppAbility>): void {
  return undefined;
}
