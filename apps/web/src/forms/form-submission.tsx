import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../notice';
import { ErrorNotice } from '../screens/error-notice';

/**
 * A form's submission, the one way the app's forms do it: check the values first (field → message
 * key), send once however often the button is pressed, and on a refusal show what the API said,
 * with the fields it named (`refusedFields`) marked at the fields. `problems` is shown at the top of
 * the form and takes the focus, so the person hears what to fix.
 */
export function useFormSubmission<V>(options: {
  id: string;
  validate: (values: V) => Record<string, string>;
  submit: (values: V) => Promise<void>;
  /** Field → message key for the fields a refusal names. */
  refusedFields?: (error: unknown) => Record<string, string>;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const focus = (suffix: string) =>
    requestAnimationFrame(() => document.getElementById(`${options.id}-${suffix}`)?.focus());

  const onSubmit = async (event: React.FormEvent, values: V) => {
    event.preventDefault();
    const found = options.validate(values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) {
      focus('errors');
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await options.submit(values);
    } catch (caught) {
      setFailure(caught);
      setErrors(options.refusedFields?.(caught) ?? {});
      focus('failure');
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const count = Object.keys(errors).length;
  const problems = (
    <>
      {count > 0 && failure === null && (
        <div id={`${options.id}-errors`} tabIndex={-1}>
          <Notice type="error" heading={t('form.fixErrors', { count })} />
        </div>
      )}
      {failure !== null && (
        <div id={`${options.id}-failure`} tabIndex={-1}>
          <ErrorNotice error={failure} />
        </div>
      )}
    </>
  );
  return {
    errors,
    setErrors,
    busy,
    /** A field's translated message, if it has one. */
    error: (field: string) => (errors[field] ? t(errors[field]) : undefined),
    onSubmit: (event: React.FormEvent, values: V) => void onSubmit(event, values),
    problems,
  };
}
