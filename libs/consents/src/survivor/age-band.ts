import { AgeBand } from '../shared/enums';

/** The age band at `now` (not personal); a minor without a date of birth is MINOR_UNKNOWN_AGE. */
export function ageBandAt(record: { minor: boolean; dateOfBirth: string | null }, now: Date): AgeBand {
  if (!record.dateOfBirth) return record.minor ? AgeBand.MINOR_UNKNOWN_AGE : AgeBand.UNKNOWN;
  const [year, month, day] = record.dateOfBirth.split('-').map(Number);
  let age = now.getUTCFullYear() - year;
  if (now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day)) age -= 1;
  if (age < 12) return AgeBand.UNDER_12;
  if (age < 18) return AgeBand.AGE_12_17;
  if (age < 25) return AgeBand.AGE_18_24;
  if (age < 35) return AgeBand.AGE_25_34;
  if (age < 50) return AgeBand.AGE_35_49;
  return AgeBand.AGE_50_PLUS;
}
