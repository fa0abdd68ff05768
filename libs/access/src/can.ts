import { Can as declareRequirement } from '@hub/authz';
import { Action, SubjectName } from './subjects';

/** Declares the action on a subject type an operation requires (checked on the record); a typo does not compile. */
export const Can = <A extends Action, S extends SubjectName>(action: A, subjectType: S) =>
  declareRequirement(action, subjectType);
