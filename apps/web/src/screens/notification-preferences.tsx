import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { focusSoon, useAnnouncement } from '../focus';
import { ChoiceGroup } from '../forms/fields';
import { graphql } from '../gql';
import type { NotificationDelivery } from '../gql/graphql';
import { problemsOf } from '../graphql/errors';
import { formatDateTime } from '../i18n';
import { Announcement, Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { ErrorNotice } from './error-notice';

/** Every choice the API offers, in the order people read them (in the hub only first: the default). */
export const DELIVERIES: readonly NotificationDelivery[] = ['IN_APP_ONLY', 'EMAIL_IMMEDIATE', 'DAILY_DIGEST'];

export const NOTIFICATION_PREFERENCE_QUERY = graphql(`
  query NotificationPreference {
    notificationPreference {
      delivery
      email
      updatedAt
    }
    me {
      userId
      email
    }
  }
`);

export const SET_NOTIFICATION_PREFERENCE = graphql(`
  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {
    setNotificationPreference(input: $input) {
      preference {
        delivery
        email
        updatedAt
      }
    }
  }
`);

/** The API's reason when e-mail is chosen but the person's account has no address. */
const NO_EMAIL_ADDRESS = 'NO_EMAIL_ADDRESS';

/**
 * How the caller hears of their agency's notifications: in the hub only, each by e-mail at once, or
 * a daily digest. E-mail goes to the address of their account at the identity provider (never
 * typed in here), so the choices that need one are offered only when the account has one.
 */
export function NotificationPreferencesScreen() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notifications.preferences.title'));
  const { data, error, loading } = useQuery(NOTIFICATION_PREFERENCE_QUERY, { fetchPolicy: 'network-only' });
  const [save, saving] = useMutation(SET_NOTIFICATION_PREFERENCE);
  const [chosen, setChosen] = useState<NotificationDelivery | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  // The save's outcome, announced: saved, or a refusal other than the one tied to the choice.
  const result = useAnnouncement<{ saved: true } | { failure: unknown }>(null);
  // What the API answered to the last save (the preference has no id to be updated in the cache by).
  const [answer, setAnswer] = useState<{
    delivery: NotificationDelivery;
    email?: string | null;
    updatedAt?: string | null;
  } | null>(null);

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error || !data) return <Notice type="error" level="h1" heading={t('errors.loadFailed')} />;
  const current = answer ?? data.notificationPreference;
  const address = data.me.email;
  const delivery = chosen ?? current.delivery;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    result.announce(null);
    setFieldError(undefined);
    try {
      const { data: answered } = await save({ variables: { input: { delivery } } });
      if (answered) setAnswer(answered.setNotificationPreference.preference);
      setChosen(null);
      result.announce({ saved: true });
    } catch (caught) {
      if (problemsOf(caught).some((problem) => problem.reason === NO_EMAIL_ADDRESS)) {
        setFieldError(t('notifications.preferences.noEmail'));
        // The choice says what is wrong (its description holds the message): back to it.
        focusSoon(`delivery-${delivery}`);
      } else {
        result.announce({ failure: caught });
      }
    }
  };

  return (
    <>
      <h1>{t('notifications.preferences.title')}</h1>
      <p className="usa-intro">{t('notifications.preferences.intro')}</p>
      <Announcement of={result}>
        {(shown) =>
          'failure' in shown ? (
            <ErrorNotice error={shown.failure} />
          ) : (
            <Notice
              type="info"
              heading={t('notifications.preferences.saved')}
              text={t(`notifications.preferences.now.${current.delivery}`, { email: current.email ?? '' })}
            />
          )
        }
      </Announcement>
      <form className="usa-form usa-form--large" noValidate onSubmit={(event) => void submit(event)}>
        <ChoiceGroup
          id="delivery"
          tile
          label={t('notifications.preferences.delivery')}
          hint={
            address
              ? t('notifications.preferences.emailTo', { email: address })
              : t('notifications.preferences.noEmailHint')
          }
          options={DELIVERIES.filter(
            (value) => value === 'IN_APP_ONLY' || address || value === current.delivery,
          ).map((value) => ({
            value,
            label: t(`notifications.delivery.${value}`),
            description: t(`notifications.preferences.explain.${value}`),
          }))}
          selected={[delivery]}
          onChange={([value]) => {
            setChosen(value as NotificationDelivery);
            // "Saved" spoke of the choice before this one.
            if (result.value && 'saved' in result.value) result.announce(null);
          }}
          error={fieldError}
        />
        {current.updatedAt && (
          <p className="usa-hint">
            {t('notifications.preferences.updatedAt', {
              when: formatDateTime(current.updatedAt, i18n.language),
            })}
          </p>
        )}
        <Button type="submit" disabled={saving.loading}>
          {t('notifications.preferences.save')}
        </Button>
      </form>
      <p className="margin-top-4">
        <Link className="usa-link" to="/notifications">
          {t('notifications.all')}
        </Link>
      </p>
    </>
  );
}
