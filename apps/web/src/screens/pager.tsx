import { Button } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';

/**
 * Keyset paging for a Relay connection: `cursors` are the end cursors of the pages before this one
 * (Previous drops the last, Next adds this page's end cursor). The list queries `after: cursors.at(-1)`.
 */
export function KeysetPager(props: {
  cursors: string[];
  onChange: (cursors: string[]) => void;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
}) {
  const { t } = useTranslation();
  const { cursors, pageInfo } = props;
  return (
    <div className="display-flex">
      {cursors.length > 0 && (
        <Button type="button" outline onClick={() => props.onChange(cursors.slice(0, -1))}>
          {t('inbox.previousPage')}
        </Button>
      )}
      {pageInfo?.hasNextPage && pageInfo.endCursor && (
        <Button type="button" onClick={() => props.onChange([...cursors, pageInfo.endCursor as string])}>
          {t('inbox.nextPage')}
        </Button>
      )}
    </div>
  );
}
