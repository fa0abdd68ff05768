import fc from 'fast-check';
import { GraphQLError, Kind } from 'graphql';
import { DateScalar, DateTimeScalar, parseCalendarDate, parseDateTime } from './scalars';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The oracle: a day is real when the UTC calendar gives back the same year, month and day. */
function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function codeOf(work: () => unknown): unknown {
  try {
    work();
    return 'accepted';
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : 'not a GraphQLError';
  }
}

describe('Date scalar', () => {
  it.each(['2027-02-28', '2028-02-29', '2000-02-29', '2026-12-31'])('accepts %s as itself', (value) => {
    expect(parseCalendarDate(value)).toBe(value);
  });

  it.each([
    '2027-02-30',
    '2027-02-29',
    '1900-02-29',
    '2027-13-01',
    '2027-00-10',
    '2027-04-31',
    '2027-01-00',
    '27-01-01',
    '2027-1-1',
    '2027-01-01T00:00:00Z',
    ' 2027-01-01',
    '',
  ])('refuses %j as BAD_USER_INPUT', (value) => {
    expect(codeOf(() => parseCalendarDate(value))).toBe('BAD_USER_INPUT');
  });

  it('refuses what is not a string, in variables and in literals', () => {
    expect(codeOf(() => DateScalar.parseValue(20270101))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20270101' }, {}))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('accepts exactly the real calendar days (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
          const accepted = codeOf(() => parseCalendarDate(text)) === 'accepted';
          expect(accepted).toBe(isRealDay(year, month, day));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('answers a stored day unchanged', () => {
    expect(DateScalar.serialize('2027-02-28')).toBe('2027-02-28');
  });
});

describe('DateTime scalar', () => {
  it.each([
    ['2027-02-28T09:30:00Z', '2027-02-28T09:30:00.000Z'],
    ['2027-02-28T09:30:00.123456Z', '2027-02-28T09:30:00.123Z'],
    ['2027-02-28T23:59:59+02:00', '2027-02-28T21:59:59.000Z'],
    ['2028-02-29T00:00:00-05:30', '2028-02-29T05:30:00.000Z'],
  ])('accepts %s as the instant %s', (value, instant) => {
    expect(parseDateTime(value).toISOString()).toBe(instant);
  });

  it.each([
    '2027-02-30T00:00:00Z',
    '2027-13-01T00:00:00Z',
    '2027-01-01T24:00:00Z',
    '2027-01-01T23:60:00Z',
    '2027-01-01T23:59:60Z',
    '2027-01-01T10:00:00+24:00',
    '2027-01-01T10:00:00+05:60',
    '2027-01-01T10:00:00',
    '2027-01-01',
    '2027-01-01 10:00:00Z',
    'not a date',
    '1767225600000',
  ])('refuses %j as BAD_USER_INPUT', (value) => {
    expect(codeOf(() => parseDateTime(value))).toBe('BAD_USER_INPUT');
  });

  it('accepts exactly the real days and times, whatever the offset (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2200 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.option(
          fc.tuple(
            fc.constantFrom('+', '-'),
            fc.integer({ min: 0, max: 25 }),
            fc.integer({ min: 0, max: 61 }),
          ),
        ),
        (year, month, day, hour, minute, second, offset) => {
          const zone = offset ? `${offset[0]}${pad(offset[1])}:${pad(offset[2])}` : 'Z';
          const text = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
          const real =
            isRealDay(year, month, day) &&
            hour < 24 &&
            minute < 60 &&
            second < 60 &&
            (!offset || (offset[1] < 24 && offset[2] < 60));
          const outcome = codeOf(() => parseDateTime(text));
          expect(outcome).toBe(real ? 'accepted' : 'BAD_USER_INPUT');
          if (real) {
            const sign = offset?.[0] === '-' ? -1 : 1;
            const shift = offset ? sign * (offset[1] * 60 + offset[2]) * 60_000 : 0;
            const utc = Date.UTC(year, month - 1, day, hour, minute, second) - shift;
            expect(parseDateTime(text).getTime()).toBe(utc);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('answers instants in UTC', () => {
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2027, 1, 28, 9, 30)))).toBe('2027-02-28T09:30:00.000Z');
  });
});
