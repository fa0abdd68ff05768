/** A UTF-16 surrogate without its pair: not Unicode, and PostgreSQL cannot store it as UTF-8. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string can be stored as text: no NUL (PostgreSQL refuses 0x00), no unpaired surrogate. */
export function isSafeText(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);
}
