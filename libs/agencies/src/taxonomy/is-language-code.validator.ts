import { registerDecorator, ValidationOptions } from 'class-validator';
import { isLanguageCode } from './languages';

/** class-validator: every element is an ISO 639-1 code. */
export function IsLanguageCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isLanguageCode',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: `$property must hold ISO 639-1 language codes (e.g. "en", "es")`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isLanguageCode(value) },
    });
}
