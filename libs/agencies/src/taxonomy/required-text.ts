import { BadUserInputError } from '@hub/graphql';

/** A text input that must not be blank once trimmed: the trimmed value, or BAD_USER_INPUT naming the field. */
export function requiredText(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new BadUserInputError('Invalid input', [{ field, message: 'must not be blank' }]);
  return trimmed;
}
