import { registerDecorator, ValidationOptions } from 'class-validator';
import { isLanguageCode } from '@hub/agencies';

/** class-validator: an ISO 639-1 code (each element, with `{ each: true }`). */
export function IsLanguageCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isLanguageCode',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: '$property must be an ISO 639-1 language code (e.g. "en")', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isLanguageCode(value) },
    });
}
