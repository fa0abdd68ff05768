import { CombinedGraphQLErrors } from '@apollo/client';

/** The codes the API answers with (docs/errors.md); each has a translated message (`errorCode.*`). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'UNKNOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field the API refused (BAD_USER_INPUT's `extensions.problems`). */
export interface InputProblem {
  field: string;
  message: string;
  reason?: string;
}

/** The code of an Apollo error, as the API put it in `extensions.code`; a network failure is UNKNOWN. */
export function errorCode(error: unknown): ErrorCode {
  if (!CombinedGraphQLErrors.is(error)) return 'UNKNOWN';
  const code = error.errors[0]?.extensions?.['code'];
  return (ERROR_CODES as readonly unknown[]).includes(code) ? (code as ErrorCode) : 'UNKNOWN';
}

/** The fields a BAD_USER_INPUT names (empty for any other error). */
export function problemsOf(error: unknown): InputProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((e) => {
    const problems = e.extensions?.['problems'];
    return Array.isArray(problems) ? (problems as InputProblem[]) : [];
  });
}

/** The form field a problem names: a list item's problem belongs to its list (`attendance[0].attendees` → `attendance`). */
export function problemField(problem: InputProblem): string {
  return problem.field.split(/[.[]/)[0];
}

/**
 * A BAD_USER_INPUT's problems split between the form's own fields (each with its first problem, to
 * show at the field) and the rest (to list in the refusal's notice). `fields`: the form's field
 * names, a problem going to `problemField`'s; or the form field a problem belongs to, null for none.
 * Any other error places nothing. Both kinds of form place problems this way (useActionForm,
 * useFormSubmission).
 */
export function placeProblems(
  error: unknown,
  fields: readonly string[] | ((problem: InputProblem) => string | null),
): { placed: Record<string, InputProblem>; unplaced: InputProblem[] } {
  const fieldOf =
    typeof fields === 'function'
      ? fields
      : (problem: InputProblem) => (fields.includes(problemField(problem)) ? problemField(problem) : null);
  const placed: Record<string, InputProblem> = {};
  const unplaced: InputProblem[] = [];
  for (const problem of errorCode(error) === 'BAD_USER_INPUT' ? problemsOf(error) : []) {
    const field = fieldOf(problem);
    if (field === null) unplaced.push(problem);
    else placed[field] ??= problem;
  }
  return { placed, unplaced };
}
