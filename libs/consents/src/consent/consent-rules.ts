import { InputProblem } from '@hub/graphql';
import { GrantorType } from '../shared/enums';
import { RecordConsentInput } from './consent.inputs';
import { ConsentRules } from './consent.model';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back a signed paper consent may be dated when it is entered. */
export const MAX_BACKDATE_DAYS = 30;

/**
 * What makes a consent informed, written and reasonably time-limited (DESIGN.md §3), beyond
 * field shapes: returns every problem found, so the caller can answer BAD_USER_INPUT once.
 */
export function consentProblems(
  input: RecordConsentInput,
  context: { now: Date; rules: ConsentRules; survivorIsMinor: boolean; ownerAgencyId: string },
): InputProblem[] {
  const problems: InputProblem[] = [];
  const { now } = context;
  const { maxValidityDays: maxDays, maxBackdateDays } = context.rules;
  const validFrom = input.validFrom ?? now;
  const from = validFrom.getTime();
  const until = input.validUntil.getTime();

  if (until <= now.getTime()) problems.push({ field: 'validUntil', message: 'must be in the future' });
  if (until <= from) problems.push({ field: 'validUntil', message: 'must be after validFrom' });
  if (until - from > maxDays * DAY_MS) {
    problems.push({ field: 'validUntil', message: `must be at most ${maxDays} days after validFrom` });
  }
  if (until - now.getTime() > maxDays * DAY_MS) {
    problems.push({ field: 'validUntil', message: `must be at most ${maxDays} days from now` });
  }
  if (from < now.getTime() - maxBackdateDays * DAY_MS) {
    problems.push({ field: 'validFrom', message: `may be at most ${maxBackdateDays} days in the past` });
  }

  const { grantor } = input;
  if (context.survivorIsMinor && grantor.type === GrantorType.SELF) {
    problems.push({
      field: 'grantor.type',
      message: "a minor's consent is granted by a parent, guardian or legal representative, not SELF",
    });
  }
  if (grantor.type !== GrantorType.SELF) {
    if (!grantor.relationship)
      problems.push({
        field: 'grantor.relationship',
        message: 'is required when the grantor is not the survivor',
      });
    if (grantor.notSuspectedAttestation !== true) {
      problems.push({
        field: 'grantor.notSuspectedAttestation',
        message: 'must be true: attest that the grantor is not suspected of involvement in the exploitation',
      });
    }
  }

  const { acknowledgements } = input;
  if (!acknowledgements.rightToRevoke)
    problems.push({ field: 'acknowledgements.rightToRevoke', message: 'must be acknowledged' });
  if (!acknowledgements.notConditionOfService) {
    problems.push({ field: 'acknowledgements.notConditionOfService', message: 'must be acknowledged' });
  }
  if (!acknowledgements.redisclosureRisk)
    problems.push({ field: 'acknowledgements.redisclosureRisk', message: 'must be acknowledged' });

  if (input.recipientAgencyIds.includes(context.ownerAgencyId)) {
    problems.push({
      field: 'recipientAgencyIds',
      message: 'must not name the owning agency, which has the record already',
    });
  }
  return problems;
}
