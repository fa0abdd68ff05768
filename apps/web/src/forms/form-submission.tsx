import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InputProblem, placeProblems } from '../graphql/errors';
import { Notice } from '../notice';
import { ErrorNotice } from '../screens/error-notice';

/** How a form places the API's BAD_USER_INPUT problems at its own fields. */
export interface RefusedFields {
  /**
   * The form's fields (a problem going to its `problemField`), or the form field a problem belongs
   * to, null when the form has no such field (then it is listed in the refusal).
   */
  field: readonly string[] | ((problem: InputProblem) => string | null);
  /** The key of the message shown at that field. */
  message: (field: string, problem: InputProblem) => string;
}

/**
 * A long form's submission, the one way the app's long forms do it (an action's short second step
 * is `useActionForm` in `ActionFormFrame`, screens/record-actions.tsx): check the values first
 * (field → message key); send once however often a button is pressed; on a refusal show the
 * code's message and put the problems the API named at the fields they concern (`refused`), the
 * rest listed. `problems` goes at the top of the form: one region with the refusal and a summary
 * of the fields in error, each a link to its field, which takes the focus after every attempt
 * that failed, so the person hears what to fix. `submit`'s `how` tells apart a form's buttons
 * (send or keep as a draft). docs/web.md, "Pieces every form uses".
 */
export function useFormSubmission<V, H = undefined>(options: {
  /** Prefix of the region's id (`<id>-problems`). */
  id: string;
  validate: (values: V) => Record<string, string>;
  submit: (values: V, how: H) => Promise<void>;
  refused?: RefusedFields;
  /** The area whose `<area>.errorCode.*` messages come first (ErrorNotice). */
  area?: string;
  /** What the form's messages name (the consent form's limits), interpolated at the fields and in the refusal. */
  values?: Readonly<Record<string, string | number>>;
  /** The form's own words for a refusal, in place of the code's message (a request that may exist already). */
  notice?: (error: unknown) => ReactNode | undefined;
  /** Error key → the id or name of its control, where they differ (the summary's links). */
  controls?: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ error: unknown; unplaced: InputProblem[] } | null>(null);
  // Each failed attempt: the region takes the focus again (the same errors twice included).
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const onSubmit = async (event: React.SyntheticEvent, values: V, how: H) => {
    event.preventDefault();
    const found = options.validate(values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) {
      setAttempt((n) => n + 1);
      return;
    }
    // One submission at a time, and none after one went through (the form is done: it moves on to
    // the record, or gives way to a conflict review): a double click does not send twice.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await options.submit(values, how);
      return;
    } catch (caught) {
      const { refused } = options;
      const { placed, unplaced } = placeProblems(caught, refused?.field ?? (() => null));
      setErrors(
        Object.fromEntries(
          Object.entries(placed).map(([field, problem]) => [
            field,
            refused?.message(field, problem) as string,
          ]),
        ),
      );
      setFailure({ error: caught, unplaced });
      setAttempt((n) => n + 1);
      inFlight.current = false;
      setBusy(false);
    }
  };

  const message = (field: string) => (errors[field] ? t(errors[field], { ...options.values }) : undefined);
  const problems =
    Object.keys(errors).length > 0 || failure !== null ? (
      <FormProblems
        id={`${options.id}-problems`}
        attempt={attempt}
        refusal={
          failure &&
          (options.notice?.(failure.error) ?? (
            <ErrorNotice
              error={failure.error}
              problems={failure.unplaced}
              area={options.area}
              values={options.values}
            />
          ))
        }
        fields={Object.keys(errors)}
        message={(field) => message(field) ?? ''}
        controls={options.controls}
      />
    ) : null;
  return {
    errors,
    setErrors,
    busy,
    /** A field's translated message, if it has one. */
    error: message,
    /** The form's submit (or a second button's click), sending `values` as `how` says. */
    onSubmit: (event: React.SyntheticEvent, values: V, ...how: H extends undefined ? [] : [H]) =>
      void onSubmit(event, values, how[0] as H),
    problems,
  };
}

/**
 * What the summary says of a field: a link to its control, named as the control is (its label, or
 * its group's legend); `shown` when the form has no control for it but draws its message
 * (`<target>-error`) in its place; null when neither (the summary says the message).
 */
type Target = { id: string; label: string } | 'shown' | null;

function findTarget(scope: ParentNode, target: string): Target {
  const control =
    scope.querySelector<HTMLElement>(`[id="${target}"]`) ??
    scope.querySelector<HTMLElement>(`[name="${target}"]`);
  const choice = control instanceof HTMLInputElement && ['radio', 'checkbox'].includes(control.type);
  const named = choice
    ? control.closest('fieldset')?.querySelector('legend')
    : (control as HTMLInputElement | null)?.labels?.[0];
  if (!control?.id || !named) return scope.querySelector(`[id="${target}-error"]`) ? 'shown' : null;
  // The label without its required marker.
  const copy = named.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('abbr').forEach((marker) => marker.remove());
  return { id: control.id, label: (copy.textContent ?? '').trim() };
}

/**
 * The refusal, then "n fields need your attention" with a link to each field by its label (its
 * message is at the field); a field with no control on screen has its message here instead, unless
 * the form draws it in the field's place.
 */
function FormProblems(props: {
  id: string;
  attempt: number;
  refusal: ReactNode;
  fields: string[];
  message: (field: string) => string;
  controls?: Readonly<Record<string, string>>;
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // The fields in the form's order (those with no control last), each with what the summary says of it.
  const [found, setFound] = useState<[string, Target][]>([]);
  // The fields and their controls as one value: the effect runs when they change, not on every render.
  const targets = JSON.stringify(props.fields.map((field) => [field, props.controls?.[field] ?? field]));
  // The labels as drawn, read once the form shows the errors (and again in another language).
  useLayoutEffect(() => {
    const scope = ref.current?.closest('form') ?? document;
    const pairs = JSON.parse(targets) as [string, string][];
    const looked = pairs.map(([field, target]): [string, Target] => [field, findTarget(scope, target)]);
    const at = (target: Target) => (target && target !== 'shown' ? document.getElementById(target.id) : null);
    setFound(
      looked.sort(([, a], [, b]) => {
        const [x, y] = [at(a), at(b)];
        if (!x || !y) return x ? -1 : y ? 1 : 0;
        return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      }),
    );
  }, [targets, i18n.language]);
  useEffect(() => {
    if (props.attempt > 0) ref.current?.focus();
  }, [props.attempt]);
  const count = props.fields.length;
  // Drawn in its place: nothing here (nor before the fields are looked up, on the first drawing).
  const listed = found.filter(([field, target]) => props.fields.includes(field) && target !== 'shown');
  return (
    <div id={props.id} ref={ref} tabIndex={-1}>
      {props.refusal}
      {count > 0 && (
        <Notice type="error" heading={t('form.fixErrors', { count })}>
          {listed.length > 0 && (
            <ul className="usa-list">
              {listed.map(([field, target]) => {
                const control = target as Exclude<Target, 'shown'>;
                return (
                  <li key={field}>
                    {control ? (
                      <a
                        className="usa-link"
                        href={`#${control.id}`}
                        onClick={(event) => {
                          // To the field without touching the address (the router would move the focus).
                          event.preventDefault();
                          const element = document.getElementById(control.id);
                          element?.scrollIntoView?.({ block: 'center' });
                          element?.focus();
                        }}
                      >
                        {control.label}
                      </a>
                    ) : (
                      props.message(field)
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Notice>
      )}
    </div>
  );
}
