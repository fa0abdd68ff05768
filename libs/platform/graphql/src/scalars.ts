import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

/**
 * The hub's two time scalars. Every date the API reads goes through one of them, so an
 * impossible calendar value (30 February, month 13, 24:00, an offset of +25:00) is refused as
 * BAD_USER_INPUT wherever it appears, instead of being rolled over into another day the way
 * `new Date('2027-02-30')` does.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 date-time: a full date, 'T', time with optional fraction, and Z or a ±hh:mm offset.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function invalid(kind: 'Date' | 'DateTime', expected: string): GraphQLError {
  return new GraphQLError(`${kind} must be ${expected}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Reads `YYYY-MM-DD` naming a real day; returns the same text (dates are calendar days, no zone). */
export function parseCalendarDate(value: unknown): string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw invalid('Date', 'a real calendar date as YYYY-MM-DD');
  }
  return value as string;
}

/** Reads an RFC 3339 date-time naming a real instant (a real day, 00:00–23:59:59, offset ≤ ±23:59). */
export function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (match) {
    const [, year, month, day, hour, minute, second, , , , offsetHours, offsetMinutes] = match.map(Number);
    const valid =
      isCalendarDate(year, month, day) &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59 &&
      (match[9] === undefined || (offsetHours <= 23 && offsetMinutes <= 59));
    const instant = new Date(value as string);
    if (valid && !Number.isNaN(instant.getTime())) return instant;
  }
  throw invalid('DateTime', 'an RFC 3339 date-time naming a real instant, e.g. 2027-02-28T09:30:00Z');
}

function literal<T>(parse: (value: unknown) => T): (node: ValueNode) => T {
  return (node) => parse(node.kind === Kind.STRING ? node.value : undefined);
}

/** `Date`: a calendar day, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, YYYY-MM-DD (ISO 8601); impossible dates are refused',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseCalendarDate(value);
  },
  parseValue: parseCalendarDate,
  parseLiteral: literal(parseCalendarDate),
});

/** `DateTime`: an instant, RFC 3339; answered in UTC (`…Z`). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant as an RFC 3339 date-time with Z or an offset (e.g. 2027-02-28T09:30:00Z); answered in UTC; impossible dates and times are refused',
  // Answers come from the database (Date objects), so they are trusted; a broken one is a bug.
  serialize: (value) => {
    const instant = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(instant.getTime())) throw new TypeError('DateTime cannot serialize an invalid date');
    return instant.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: literal(parseDateTime),
});
