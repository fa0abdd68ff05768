import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../screens/error-notice';

/**
 * The second step of an action on a record: the form a button opened, saying what will happen, with
 * its inputs, a warning when it cannot be undone, the refusal if there was one, and confirm / cancel.
 * Its heading takes the focus when it opens; Cancel hands it back (the caller focuses the button).
 */
export function ActionForm(props: {
  id: string;
  heading: string;
  explain: string;
  confirmLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
  failure: unknown;
  warning?: string;
  /** A withdrawing action (archive, remove): the secondary colour. */
  secondary?: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <form
      id={props.id}
      aria-labelledby={`${props.id}-heading`}
      className="usa-form usa-form--large margin-top-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h3 id={`${props.id}-heading`} ref={heading} tabIndex={-1}>
        {props.heading}
      </h3>
      <p>{props.explain}</p>
      {props.failure !== null && props.failure !== undefined && <ErrorNotice error={props.failure} />}
      {props.children}
      {props.warning && (
        <Alert type="warning" slim noIcon className="margin-top-2">
          {props.warning}
        </Alert>
      )}
      <ButtonGroup className="margin-top-2">
        <Button type="submit" disabled={props.busy} secondary={props.secondary}>
          {props.confirmLabel}
        </Button>
        <Button type="button" unstyled onClick={props.onCancel}>
          {t('form.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
