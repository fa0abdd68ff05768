import { useTranslation } from 'react-i18next';
import { errorCode, type InputProblem, problemsOf } from '../graphql/errors';
import { Notice } from '../notice';

/**
 * A refused change, in the reader's language: the message of its code (never the API's English
 * message; an `area`'s own `<area>.errorCode.*` first, e.g. what ILLEGAL_TRANSITION means for its
 * records), and for BAD_USER_INPUT the fields the API named (`problems`: those not already shown at
 * their fields; default all), with `values` interpolated where a message names a setting.
 */
export function ErrorNotice(props: {
  error: unknown;
  problems?: readonly InputProblem[];
  area?: string;
  /** What a field's message names, when it depends on the hub's settings (the consent form's limits). */
  values?: Readonly<Record<string, string | number>>;
}) {
  const { t } = useTranslation();
  const code = errorCode(props.error);
  const problems = props.problems ?? problemsOf(props.error);
  const heading = props.area
    ? t([`${props.area}.errorCode.${code}`, `errorCode.${code}`])
    : t(`errorCode.${code}`);
  return (
    <div className="margin-y-2">
      <Notice type="error" heading={heading} />
      {problems.length > 0 && (
        <ul className="usa-list" aria-label={t('errorCode.problems')}>
          {problems.map((problem, index) => (
            <li key={index}>
              {t(problem.reason ? `problem.${problem.reason}` : `field.${problem.field}`, {
                ...props.values,
                defaultValue: t('problem.field', { field: problem.field }),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
