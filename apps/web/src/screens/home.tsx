import { useQuery } from '@apollo/client/react';
import { Card, CardBody, CardGroup, CardHeader } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { formatNumber } from '../i18n';
import { usePageTitle } from '../page-title';
import { Notice } from '../notice';
import { PendingAcknowledgementsCard } from './pending-acknowledgements';

export const HOME_QUERY = graphql(`
  query Home {
    referrals(box: NEEDS_ACTION, first: 1) {
      counts {
        needsAction
        received
        sent
        drafts
      }
    }
    unreadNotificationCount
  }
`);

/** What needs the caller's agency: referral counts per box and unread notifications. */
export function HomeScreen() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('home.title'));
  const { data, error, loading } = useQuery(HOME_QUERY, { fetchPolicy: 'cache-and-network' });
  const counts = data?.referrals.counts;
  const number = (value: number) => formatNumber(value, i18n.language);
  const boxes = [
    ['NEEDS_ACTION', counts?.needsAction],
    ['RECEIVED', counts?.received],
    ['SENT', counts?.sent],
    ['DRAFTS', counts?.drafts],
  ] as const;
  return (
    <>
      <h1>{t('home.title')}</h1>
      {error && <Notice type="error" heading={t('errors.loadFailed')} />}
      {loading && !data && <p role="status">{t('app.loading')}</p>}
      {data && counts && (
        <CardGroup>
          {boxes.map(([box, count]) => (
            <Card key={box} gridLayout={{ tablet: { col: 3 } }}>
              <CardHeader>
                <h2 className="usa-card__heading">{t(`box.${box}`)}</h2>
              </CardHeader>
              <CardBody>
                <p className="hub-count">{number(count ?? 0)}</p>
                <Link className="usa-link" to={`/referrals?box=${box}`}>
                  {t('home.openBox', { box: t(`box.${box}`) })}
                </Link>
              </CardBody>
            </Card>
          ))}
          <Card gridLayout={{ tablet: { col: 3 } }}>
            <CardHeader>
              <h2 className="usa-card__heading">{t('home.unreadNotifications')}</h2>
            </CardHeader>
            <CardBody>
              <p className="hub-count">{number(data.unreadNotificationCount)}</p>
              <Link className="usa-link" to="/notifications">
                {t('notifications.open')}
              </Link>
            </CardBody>
          </Card>
          <PendingAcknowledgementsCard />
        </CardGroup>
      )}
    </>
  );
}
