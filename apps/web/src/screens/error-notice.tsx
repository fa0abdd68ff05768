import { useTranslation } from 'react-i18next';
import { errorCode, problemsOf } from '../graphql/errors';
import { Notice } from '../notice';

/**
 * A refused change, in the reader's language: the message of its code (never the API's English
 * message), and for BAD_USER_INPUT the fields the API named.
 */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = errorCode(error);
  const problems = problemsOf(error);
  return (
    <div className="margin-y-2">
      <Notice type="error" heading={t(`errorCode.${code}`)} />
      {problems.length > 0 && (
        <ul className="usa-list" aria-label={t('errorCode.problems')}>
          {problems.map((problem, index) => (
            <li key={index}>
              {t(problem.reason ? `problem.${problem.reason}` : `field.${problem.field}`, {
                defaultValue: t('problem.field', { field: problem.field }),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
