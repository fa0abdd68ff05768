import { Button } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '../focus';

/**
 * Keyset paging for a Relay connection: `cursors` are the end cursors of the pages before this one
 * (Previous drops the last, Next adds this page's end cursor). The list queries `after: cursors.at(-1)`.
 */
export function KeysetPager(props: {
  cursors: string[];
  onChange: (cursors: string[]) => void;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  /**
   * The element around the list (focusable, tabIndex -1): it takes the focus after a page turn, so
   * a keyboard user reads the new page from its top (and the button pressed may be gone: no Next on
   * the last page).
   */
  resultsId: string;
}) {
  const { t } = useTranslation();
  const { cursors, pageInfo } = props;
  const turn = (next: string[]) => {
    props.onChange(next);
    focusSoon(props.resultsId);
  };
  return (
    <div className="display-flex">
      {cursors.length > 0 && (
        <Button type="button" outline onClick={() => turn(cursors.slice(0, -1))}>
          {t('inbox.previousPage')}
        </Button>
      )}
      {pageInfo?.hasNextPage && pageInfo.endCursor && (
        <Button type="button" onClick={() => turn([...cursors, pageInfo.endCursor as string])}>
          {t('inbox.nextPage')}
        </Button>
      )}
    </div>
  );
}
