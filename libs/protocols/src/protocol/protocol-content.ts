import { InputProblem } from '@hub/graphql';
import type { VersionContent } from './protocol.repository';

/** Dates a protocol may carry: anything else is a typing error, not a plan. */
const EARLIEST = '2000-01-01';
const LATEST = '2100-12-31';

/** What makes a version's content coherent, beyond field shapes; every problem found. */
export function contentProblems(content: VersionContent): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const field of ['effectiveDate', 'reviewBy'] as const) {
    const value = content[field];
    if (value !== null && (value < EARLIEST || value > LATEST)) {
      problems.push({ field, message: `must be between ${EARLIEST} and ${LATEST}` });
    }
  }
  if (content.effectiveDate && content.reviewBy && content.reviewBy <= content.effectiveDate) {
    problems.push({ field: 'reviewBy', message: 'must be after effectiveDate' });
  }
  return problems;
}

/** What publishing a draft needs on the day (`today`, YYYY-MM-DD) it is published. */
export function publicationProblems(
  content: Pick<VersionContent, 'reviewBy'>,
  effectiveDate: string,
  today: string,
): InputProblem[] {
  const problems: InputProblem[] = [];
  if (content.reviewBy !== null && content.reviewBy <= today) {
    problems.push({
      field: 'reviewBy',
      message:
        'is not after today: the version would be due for review at once; set a later date in the draft',
    });
  } else if (content.reviewBy !== null && content.reviewBy <= effectiveDate) {
    problems.push({ field: 'reviewBy', message: 'must be after the effective date' });
  }
  return problems;
}
