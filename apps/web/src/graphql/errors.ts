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

/**
 * A form's own messages for the fields a BAD_USER_INPUT names (`messages`: the API's field → the key
 * of the form's sentence), or null when the error is another or names a field the form does not
 * know (ErrorNotice then says it).
 */
export function fieldErrorsOf(
  error: unknown,
  messages: Readonly<Record<string, string>>,
): Record<string, string> | null {
  const problems = problemsOf(error);
  if (errorCode(error) !== 'BAD_USER_INPUT' || problems.length === 0) return null;
  if (problems.some((problem) => !messages[problem.field])) return null;
  return Object.fromEntries(problems.map((problem) => [problem.field, messages[problem.field]]));
}

/** The form field a problem names: a list item's problem belongs to its list (`attendance[0].attendees` → `attendance`). */
export function problemField(problem: InputProblem): string {
  return problem.field.split(/[.[]/)[0];
}

/**
 * A BAD_USER_INPUT's problems split between the form's own `fields` (to show at each field) and the
 * rest (to list in the refusal's notice). Any other error places nothing.
 */
export function placeProblems(
  error: unknown,
  fields: readonly string[],
): { placed: string[]; unplaced: InputProblem[] } {
  const problems = errorCode(error) === 'BAD_USER_INPUT' ? problemsOf(error) : [];
  const placed = [...new Set(problems.map(problemField).filter((field) => fields.includes(field)))];
  return { placed, unplaced: problems.filter((problem) => !fields.includes(problemField(problem))) };
}

/**
 * BAD_USER_INPUT's problems by the form field they concern: `field(problem.field)` names it
 * (`languages[2]` → `languages`, `address.city` → `addressCity`…) or returns null for a field the form
 * does not show. The first problem of a field wins.
 */
export function problemsByField(
  error: unknown,
  field: (apiField: string) => string | null,
): Record<string, InputProblem> {
  const byField: Record<string, InputProblem> = {};
  for (const problem of problemsOf(error)) {
    const name = field(problem.field);
    if (name && !byField[name]) byField[name] = problem;
  }
  return byField;
}
