import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../notice';

/**
 * "Someone else changed this — review": after a CONFLICT the form closes and their version is
 * shown (`children`); the person re-applies their own changes onto it (for another look and save)
 * or keeps theirs. The warning takes the focus when it appears.
 */
export function ConflictReview(props: {
  heading: string;
  text: string;
  theirsHeading: string;
  onReapply: () => void;
  onKeepTheirs: () => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="hub-flash">
      <Notice type="warning" heading={props.heading} text={props.text} />
      <section aria-labelledby="theirs-heading">
        <h2 id="theirs-heading">{props.theirsHeading}</h2>
        {props.children}
      </section>
      <ButtonGroup className="margin-y-2">
        <Button type="button" onClick={props.onReapply}>
          {t('survivorForm.reapply')}
        </Button>
        <Button type="button" outline onClick={props.onKeepTheirs}>
          {t('survivorForm.keepTheirs')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
