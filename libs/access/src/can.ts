import { Can as declareRequirement } from '@hub/authz';
import { Action, SubjectName } from './subjects';

/**
 * Declares the action on a subject type an operation requires (the AuthzGuard enforces it); a typo
 * does not compile. `audit` names the refusal as the operation's service already names its own.
 */
export const Can = <A extends Action, S extends SubjectName>(
  action: A,
  subjectType: S,
  audit?: { action?: string; subjectType?: SubjectName },
) => declareRequirement(action, subjectType, audit);
