import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { Fragment, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../notice';
import type { VersionedEdit } from './versioned-edit';

/**
 * The body of every edit screen with a version (`useVersionedEdit`): the form (`children`, started
 * from `edit.initial(record)`), or — after a CONFLICT — their version for review, until the person
 * re-applies their changes onto it or keeps theirs; then the form again, remounted on the version
 * chosen (`edit.formKey`).
 */
export function VersionedEditBody<R, V extends object>(props: {
  edit: VersionedEdit<R, V>;
  review: { heading: string; text: string; theirsHeading: string };
  /** Their version, as the review shows it. */
  theirs: (record: R) => ReactNode;
  children: ReactNode;
}) {
  const { edit } = props;
  if (edit.conflict) {
    return (
      <ConflictReview {...props.review} onReapply={edit.reapplyMine} onKeepTheirs={edit.keepTheirs}>
        {props.theirs(edit.conflict.theirs)}
      </ConflictReview>
    );
  }
  return <Fragment key={edit.formKey}>{props.children}</Fragment>;
}

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
  children: ReactNode;
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
