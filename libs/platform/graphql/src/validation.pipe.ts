import { ValidationError, ValidationPipe } from '@nestjs/common';
import { BadUserInputError, InputProblem } from './errors';

function flatten(errors: ValidationError[], prefix = ''): InputProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return own.concat(flatten(error.children ?? [], field));
  });
}

/** Validates every input and args class; a bad value is BAD_USER_INPUT naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return new BadUserInputError(
        `Invalid input: ${problems.map((p) => `${p.field} ${p.message.replace(/^\S+\s/, '')}`).join('; ')}`,
        problems,
      );
    },
  });
}
