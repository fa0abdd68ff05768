import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../forms/fields';
import { formatDateTime } from '../i18n';
import { ErrorNotice } from './error-notice';

export const MESSAGE_MAX = 4000;

/** The message's problem (`form.*` key), or null when it may be sent. Same limits as the API. */
export function validateMessage(body: string): string | null {
  if (!body.trim()) return 'form.required';
  if (body.length > MESSAGE_MAX) return 'form.tooLong';
  return null;
}

/**
 * A record's thread among its parties, oldest first (the workflow kernel's messages, on any record
 * screen); a form to write in it when the API lists MESSAGE among the caller's actions (`canPost`).
 * `post` sends the trimmed body; then the screen reloads the record (`onPosted`).
 */
export function RecordThread(props: {
  messages: readonly { id: string; authorAgencyId: string; body: string; createdAt: string }[];
  agencyName: (agencyId: string) => string;
  /** Who reads the thread, and what not to write in it. */
  hint: string;
  canPost: boolean;
  post: (body: string) => Promise<unknown>;
  onPosted: () => Promise<unknown>;
  /** The area whose `errorCode.*` messages come before the app's. */
  area?: string;
}) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateMessage(body);
    setProblem(found);
    setFailure(null);
    if (found) {
      document.getElementById('message-body')?.focus();
      return;
    }
    if (busy) return;
    setBusy(true);
    try {
      await props.post(body.trim());
      setBody('');
      await props.onPosted();
      document.getElementById('message-body')?.focus();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t('thread.heading')}</h2>
      {props.messages.length === 0 ? (
        <p>{t('thread.empty')}</p>
      ) : (
        <ol className="usa-list usa-list--unstyled" aria-label={t('thread.heading')}>
          {props.messages.map((message) => (
            <li
              key={message.id}
              className="margin-bottom-2 border-left-05 border-base-lighter padding-left-2"
            >
              <p className="margin-y-05 text-bold">
                {t('timeline.eventBy', {
                  when: formatDateTime(message.createdAt, i18n.language),
                  agency: props.agencyName(message.authorAgencyId),
                })}
              </p>
              <p className="margin-y-05 hub-message-body">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {props.canPost && (
        <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
          {failure !== null && <ErrorNotice error={failure} area={props.area} />}
          <TextAreaField
            id="message-body"
            label={t('thread.label')}
            hint={props.hint}
            required
            value={body}
            onChange={setBody}
            error={problem ? t(problem) : undefined}
          />
          <Button type="submit" className="margin-top-2" disabled={busy}>
            {t('thread.post')}
          </Button>
        </form>
      )}
    </section>
  );
}
