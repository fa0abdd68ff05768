import { useTranslation } from 'react-i18next';
import { Notice } from '../notice';

/**
 * A list's state in words above it: failed to load, loading, or empty (a status line, announced);
 * nothing while it shows rows. The page on screen stays while the next one loads.
 */
export function ListStatus(props: {
  error: unknown;
  loading: boolean;
  connection: { edges: readonly unknown[] } | undefined;
  empty: string;
}) {
  const { t } = useTranslation();
  const { connection } = props;
  return (
    <>
      {props.error !== undefined && props.error !== null && (
        <Notice type="error" heading={t('errors.loadFailed')} />
      )}
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
