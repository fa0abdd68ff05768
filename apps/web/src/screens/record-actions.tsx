import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorCode, type InputProblem, placeProblems } from '../graphql/errors';
import { type Announced } from '../focus';
import { ActionToggle, useActionChoice } from './action-choice';
import { Announcement, Notice } from '../notice';
import { ErrorNotice } from './error-notice';

/**
 * What every record screen with a lifecycle shares (referrals, technical-assistance requests,
 * protocols; the task force's member forms use the form and its frame): the
 * buttons for the actions the API lists (`availableActions`), one form open at a time, the form's
 * frame (heading focused, what will happen, confirmation), the change sent with the version seen,
 * and the announced result (`useAnnouncement`, focus.ts). docs/web.md, "Acting on a referral".
 */

/** How an action ended: the screen reloads the record and says so (a CONFLICT asks for a review). */
export type ActionResult<A extends string> = { kind: 'done'; action: A } | { kind: 'conflict' };

/**
 * A button per action the caller may take now (in the order given: the screen filters the API's
 * list), each opening its form below; the open button is pressed. Cancel gives the focus back to
 * the button. `version` renews the form when the record is reloaded. An action whose form is a
 * screen of its own (a protocol's draft editor) is a link there (`linkTo`), in its place.
 */
export function ActionPanel<A extends string>(props: {
  actions: readonly A[];
  version: number;
  label: (action: A) => string;
  form: (action: A, controls: { onCancel: () => void; onFinished: () => void }) => ReactNode;
  linkTo?: (action: A) => string | undefined;
}) {
  const { t } = useTranslation();
  const choice = useActionChoice<A>({ button: (action) => `action-${action}`, form: () => 'action-form' });
  if (props.actions.length === 0) return null;
  const open = choice.open;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actions.heading')}</h2>
      <ButtonGroup>
        {props.actions.map((action) => {
          const to = props.linkTo?.(action);
          return to ? (
            <Link key={action} className="usa-button usa-button--outline" to={to}>
              {props.label(action)}
            </Link>
          ) : (
            <ActionToggle key={action} choice={choice} action={action}>
              {props.label(action)}
            </ActionToggle>
          );
        })}
      </ButtonGroup>
      {open && props.actions.includes(open) && (
        <div key={`${open}-${props.version}`}>
          {props.form(open, { onCancel: () => choice.cancel(open), onFinished: choice.close })}
        </div>
      )}
    </section>
  );
}

/**
 * One action form's state: values, the form's own checks (field → `form.*`-style key), then the
 * change; a CONFLICT ends the form (the screen reloads the record for review), a BAD_USER_INPUT
 * puts the API's problems at the fields named in `fields` (message: `problemKey(field, problem)`)
 * and lists the rest, any other refusal is shown with its code's message.
 */
export function useActionForm<V>(options: {
  initial: () => V;
  validate: (values: V) => Record<string, string>;
  run: (values: V) => Promise<unknown>;
  onDone: (result: { kind: 'done' } | { kind: 'conflict' }) => void;
  fields?: readonly string[];
  /** The message key for a field the API refused (its first problem there); default `form.checkValue`. */
  problemKey?: (field: string, problem: InputProblem) => string;
  /**
   * Where a change carries no version, CONFLICT means the thing exists already (a member added
   * twice), not a record to review: field → message key, shown with the refusal.
   */
  conflictAt?: Record<string, string>;
  /** The form element's id (where the first field in error is looked for). */
  formId?: string;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(options.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ error: unknown; unplaced: InputProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const formId = options.formId ?? 'action-form';
  // A short form: the first field in error takes the focus (a long form's summary is useFormSubmission's).
  const focusErrors = () => focusFirstError(formId);

  const set = <K extends keyof V>(field: K, value: V[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = options.validate(values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) {
      focusErrors();
      return;
    }
    // One change per confirmation: a double click does not send it twice.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await options.run(values);
      options.onDone({ kind: 'done' });
    } catch (caught) {
      if (errorCode(caught) === 'CONFLICT' && options.conflictAt) {
        setErrors(options.conflictAt);
        setFailure({ error: caught, unplaced: [] });
        focusErrors();
        return;
      }
      if (errorCode(caught) === 'CONFLICT') {
        options.onDone({ kind: 'conflict' });
        return;
      }
      const { placed, unplaced } = placeProblems(caught, options.fields ?? []);
      const problemKey = options.problemKey;
      setErrors(
        Object.fromEntries(
          Object.entries(placed).map(([field, problem]) => [
            field,
            problemKey ? problemKey(field, problem) : 'form.checkValue',
          ]),
        ),
      );
      setFailure({ error: caught, unplaced });
      if (Object.keys(placed).length) focusErrors();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return {
    values,
    set,
    errors,
    /** The field's message, translated (undefined when it has none). */
    error: (field: string) => (errors[field] ? t(errors[field]) : undefined),
    failure,
    busy,
    submit,
  };
}

/** The first field in error takes the focus; the messages are tied to their fields. */
function focusFirstError(formId: string) {
  requestAnimationFrame(() =>
    document
      .querySelector<HTMLElement>(`#${formId} [aria-invalid="true"], #${formId} .usa-form-group--error input`)
      ?.focus(),
  );
}

/**
 * The app's one frame for the second step of an action: its heading (focused when it opens), what
 * will happen, the refusal if any, the fields, a warning when it cannot be undone, and the
 * confirming button with Cancel (the caller gives the focus back to what opened it).
 */
export function ActionFormFrame(props: {
  /** The form's id (its heading's is `<id>-heading`); `action-form` unless the screen names it. */
  id?: string;
  heading: string;
  /** h4 where the form opens inside a card that has its own h3 (a consent in the history). */
  level?: 'h3' | 'h4';
  explain?: string;
  warning?: string;
  confirm: string;
  /** A step that ends or refuses something: the secondary (red) button. */
  ending?: boolean;
  /** The form's `useActionForm`: its submission, whether it is sending, and the refusal. */
  form: {
    busy: boolean;
    failure: { error: unknown; unplaced: readonly InputProblem[] } | null;
    submit: (event: React.FormEvent) => Promise<void>;
  };
  /** The area whose `errorCode.*` messages come before the app's (e.g. "ta"). */
  area?: string;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { failure } = props.form;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const id = props.id ?? 'action-form';
  const Heading = props.level ?? 'h3';
  return (
    <form
      id={id}
      aria-labelledby={`${id}-heading`}
      className="usa-form usa-form--large margin-top-2"
      onSubmit={(event) => void props.form.submit(event)}
      noValidate
    >
      <Heading id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {props.heading}
      </Heading>
      {props.explain && <p>{props.explain}</p>}
      {failure !== null && (
        <ErrorNotice error={failure.error} problems={failure.unplaced} area={props.area} />
      )}
      {props.children}
      {props.warning && (
        <Alert type="warning" slim noIcon className="margin-top-2">
          {props.warning}
        </Alert>
      )}
      <ButtonGroup className="margin-top-2">
        <Button type="submit" disabled={props.form.busy} secondary={props.ending}>
          {props.confirm}
        </Button>
        <Button type="button" unstyled onClick={props.onCancel}>
          {t('form.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/**
 * The announced result of an action on a record (`useAnnouncement`): what was done, or that someone
 * else changed the record first and it was reloaded for review.
 */
export function ResultFlash<R extends ActionResult<string>>(props: {
  announcement: Announced<R>;
  done: (result: Extract<R, { kind: 'done' }>) => string;
  conflictHeading: string;
  conflict: string;
}) {
  return (
    <Announcement of={props.announcement}>
      {(result) =>
        result.kind === 'conflict' ? (
          <Notice type="warning" heading={props.conflictHeading} text={props.conflict} />
        ) : (
          <Notice type="info" heading={props.done(result as Extract<R, { kind: 'done' }>)} />
        )
      }
    </Announcement>
  );
}
