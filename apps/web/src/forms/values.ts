/** What people type into text fields, read as the API's values (the same rules before sending). */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WHOLE = /^\d+$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30), as the API's Date scalar takes it. */
export function isDay(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A whole number from `min` to `max` as typed (spaces around allowed), else null. */
export function wholeNumber(value: string, min: number, max: number): number | null {
  const text = value.trim();
  if (!WHOLE.test(text)) return null;
  const number = Number(text);
  return number >= min && number <= max ? number : null;
}
