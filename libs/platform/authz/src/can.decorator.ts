import { SetMetadata } from '@nestjs/common';

/** What an operation requires of the caller's ability: an action on a subject type. */
export interface Requirement {
  readonly action: string;
  readonly subjectType: string;
}
export type Declaration = Requirement;

export const REQUIREMENT = 'hub:requirement';

/** Declares an operation's requirement (use the typed `Can` from `@hub/access`); the AuthzGuard hands it to the record-level check. */
export const Can = (action: string, subjectType: string) =>
  SetMetadata<string, Declaration>(REQUIREMENT, { action, subjectType });
