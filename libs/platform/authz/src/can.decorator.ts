import { SetMetadata } from '@nestjs/common';

/** What an operation requires of the caller's ability: an action on a subject type. */
export interface Requirement {
  readonly action: string;
  readonly subjectType: string;
}

/**
 * How a refusal of the operation is named on the audit trail, where the operation's own service
 * names its refusals otherwise (default: the operation in SCREAMING_SNAKE, the declared subject type).
 */
export interface DenialName {
  readonly action?: string;
  readonly subjectType?: string;
}

export interface Declaration extends Requirement {
  readonly audit?: DenialName;
}

export const REQUIREMENT = 'hub:requirement';

/** Declares an operation's requirement; the AuthzGuard refuses a caller no rule could allow it (use `Can` from `@hub/access`). */
export const Can = (action: string, subjectType: string, audit?: DenialName) =>
  SetMetadata<string, Declaration>(
    REQUIREMENT,
    audit ? { action, subjectType, audit } : { action, subjectType },
  );
