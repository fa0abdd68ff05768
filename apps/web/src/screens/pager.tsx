import { Button } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '../focus';

/**
 * A list paged by keyset for a Relay connection, with its Previous and Next buttons: `cursors` are
 * the end cursors of the pages before this one (Previous drops the last, Next adds this page's end
 * cursor). The list queries `after: cursors.at(-1)`. After a page turn the list (`id`, focusable)
 * takes the focus, so a keyboard user reads the new page from its top — and the button pressed may
 * be gone (no Next on the last page).
 */
export function KeysetPager(props: {
  id: string;
  cursors: string[];
  onChange: (cursors: string[]) => void;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { cursors, pageInfo } = props;
  const turn = (next: string[]) => {
    props.onChange(next);
    focusSoon(props.id);
  };
  return (
    <>
      <div id={props.id} tabIndex={-1}>
        {props.children}
      </div>
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
    </>
  );
}
