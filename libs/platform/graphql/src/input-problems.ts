import type { GraphQLFormattedError } from 'graphql';
import type { InputProblem } from './errors';

// graphql-js reports a bad variable as `Variable "$input" got invalid value … at "input.a.b"; why`.
// The printed value comes first with its strings JSON-quoted, so the first unquoted `at "…"; `
// names the place.
const VARIABLE_ERROR =
  /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value [\s\S]*? at "([^"]+)"; ([\s\S]*)$/;
const WHOLE_VARIABLE_ERROR = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value [\s\S]*?; ([\s\S]*)$/;

/**
 * The field a variable-coercion error is about, in the same shape as the validation pipe's
 * `problems` (`field` relative to the mutation's `input`, e.g. `grantor.type`), so a client or a
 * test reads every BAD_USER_INPUT the same way, whichever layer refused the value.
 */
export function coercionProblems(error: GraphQLFormattedError): InputProblem[] | undefined {
  const atPath = VARIABLE_ERROR.exec(error.message);
  if (atPath) {
    const [, variable, path, message] = atPath;
    const field = path.startsWith(`${variable}.`) ? path.slice(variable.length + 1) : path;
    return [{ field, message }];
  }
  const whole = WHOLE_VARIABLE_ERROR.exec(error.message);
  return whole ? [{ field: whole[1], message: whole[2] }] : undefined;
}
