/**
 * The shapes the API accepts for values typed into forms, and what typed text reads as, written
 * once: each form checks them before sending (the API stays the judge and answers BAD_USER_INPUT on
 * its own).
 */

/** Digits with the usual separators, an optional leading +; 3–40 characters (the API's PHONE_NUMBER). */
export const PHONE = /^\+?[0-9 ()./-]{3,40}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** ISO 639-1: two lowercase letters. */
export const LANGUAGE_CODE = /^[a-z]{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30), as the API's Date scalar takes it. */
export function isDay(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const WHOLE = /^\d+$/;

/** A whole number from `min` to `max` as typed (spaces around allowed), else null. */
export function wholeNumber(value: string, min: number, max: number): number | null {
  const text = value.trim();
  if (!WHOLE.test(text)) return null;
  const number = Number(text);
  return number >= min && number <= max ? number : null;
}

/** An absolute http(s) address. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
