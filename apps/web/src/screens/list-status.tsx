import { useTranslation } from 'react-i18next';
import { Notice } from '../notice';
import { ErrorNotice } from './error-notice';

/**
 * A list's state in words above it: failed to load, loading, or empty (a status line, announced);
 * nothing while it shows rows. The page on screen stays while the next one loads. Every paged
 * list draws its state with it (docs/web.md).
 */
export function ListStatus(props: {
  error: unknown;
  loading: boolean;
  connection: { edges: readonly unknown[] } | undefined;
  empty: string;
  /**
   * Say what the API answered instead of "could not load": for a list whose filters the API can
   * refuse (the audit's, with BAD_USER_INPUT naming the field).
   */
  explainError?: boolean;
}) {
  const { t } = useTranslation();
  const { connection } = props;
  const failed = props.error !== undefined && props.error !== null;
  return (
    <>
      {failed &&
        (props.explainError ? (
          <ErrorNotice error={props.error} />
        ) : (
          <Notice type="error" heading={t('errors.loadFailed')} />
        ))}
      <p role="status">
        {props.loading && !connection
          ? t('app.loading')
          : connection && connection.edges.length === 0
            ? props.empty
            : ''}
      </p>
    </>
  );
}
