import { useMutation } from '@apollo/client/react';
import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../forms/fields';
import { graphql } from '../gql';
import { formatDateTime } from '../i18n';
import { ErrorNotice } from './error-notice';

export const ADD_MESSAGE = graphql(`
  mutation AddReferralMessage($input: AddReferralMessageInput!) {
    addReferralMessage(input: $input) {
      message {
        id
      }
    }
  }
`);

export const MESSAGE_MAX = 4000;

/** The message's problem (`form.*` key), or null when it may be sent. Same limits as the API. */
export function validateMessage(body: string): string | null {
  if (!body.trim()) return 'form.required';
  if (body.length > MESSAGE_MAX) return 'form.tooLong';
  return null;
}

/**
 * The referral's thread between the two agencies, oldest first; a form to write in it when the
 * API lists MESSAGE among the caller's actions. After posting, the screen reloads the referral.
 */
export function ReferralThread(props: {
  referralId: string;
  messages: readonly { id: string; authorAgencyId: string; body: string; createdAt: string }[];
  agencyName: (agencyId: string) => string;
  canPost: boolean;
  onPosted: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [post, { loading }] = useMutation(ADD_MESSAGE);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateMessage(body);
    setProblem(found);
    setFailure(null);
    if (found) {
      document.getElementById('message-body')?.focus();
      return;
    }
    try {
      await post({ variables: { input: { referralId: props.referralId, body: body.trim() } } });
      setBody('');
      await props.onPosted();
      document.getElementById('message-body')?.focus();
    } catch (caught) {
      setFailure(caught);
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
                {t('referral.eventBy', {
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
          {failure !== null && <ErrorNotice error={failure} />}
          <TextAreaField
            id="message-body"
            label={t('thread.label')}
            hint={t('thread.hint')}
            required
            value={body}
            onChange={setBody}
            error={problem ? t(problem) : undefined}
          />
          <Button type="submit" className="margin-top-2" disabled={loading}>
            {t('thread.post')}
          </Button>
        </form>
      )}
    </section>
  );
}
