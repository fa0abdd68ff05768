import { useQuery } from '@apollo/client/react';
import { Card, CardBody, CardHeader, Table } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCapabilities } from '../capabilities';
import { graphql } from '../gql';
import { formatDateTime, formatDate, formatNumber } from '../i18n';
import { usePageTitle } from '../page-title';
import { ListStatus } from './list-status';
import { KeysetPager } from './pager';

const PAGE_SIZE = 20;
/** Home counts up to this many; beyond it says "100+" (the connection has no total). */
const COUNT_LIMIT = 100;

export const PENDING_QUERY = graphql(`
  query PendingAcknowledgements($first: Int, $after: String) {
    pendingAcknowledgements(first: $first, after: $after) {
      edges {
        node {
          id
          number
          title
          publishedAt
          effectiveDate
          protocolId
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const PENDING_COUNT_QUERY = graphql(`
  query PendingAcknowledgementCount($first: Int) {
    pendingAcknowledgements(first: $first) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** The versions in force that the caller's agency has yet to acknowledge, oldest first. */
export function PendingAcknowledgementsScreen() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('acknowledgement.pendingTitle'));
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, previousData, error, loading } = useQuery(PENDING_QUERY, {
    variables: { first: PAGE_SIZE, after: cursors.at(-1) },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.pendingAcknowledgements;
  return (
    <>
      <h1>{t('acknowledgement.pendingTitle')}</h1>
      <p className="usa-intro">{t('acknowledgement.pendingIntro')}</p>
      <KeysetPager
        id="pending-results"
        cursors={cursors}
        onChange={setCursors}
        pageInfo={connection?.pageInfo}
      >
        <ListStatus
          error={error}
          loading={loading}
          connection={connection}
          empty={t('acknowledgement.noneWaiting')}
        />
        {connection && connection.edges.length > 0 && (
          <Table fullWidth striped>
            <caption>{t('acknowledgement.pendingCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('protocol.titleField')}</th>
                <th scope="col">{t('protocol.version')}</th>
                <th scope="col">{t('protocol.published')}</th>
                <th scope="col">{t('protocol.effectiveDate')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row">
                    <Link className="usa-link" to={`/protocols/${node.protocolId}`}>
                      {node.title}
                    </Link>
                  </th>
                  <td>{formatNumber(node.number, i18n.language)}</td>
                  <td>{node.publishedAt ? formatDateTime(node.publishedAt, i18n.language) : '—'}</td>
                  <td>{node.effectiveDate ? formatDate(node.effectiveDate, i18n.language) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </KeysetPager>
    </>
  );
}

/** Home: how many protocols wait for the agency's acknowledgement, for those who acknowledge. */
export function PendingAcknowledgementsCard() {
  const { has } = useCapabilities();
  if (!has('ACKNOWLEDGE_PROTOCOLS')) return null;
  return <PendingCount />;
}

function PendingCount() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(PENDING_COUNT_QUERY, {
    variables: { first: COUNT_LIMIT },
    fetchPolicy: 'cache-and-network',
  });
  if (!data) return null;
  const { edges, pageInfo } = data.pendingAcknowledgements;
  const count = pageInfo.hasNextPage
    ? t('acknowledgement.countAtLeast', { count: formatNumber(edges.length, i18n.language) })
    : formatNumber(edges.length, i18n.language);
  return (
    <Card gridLayout={{ tablet: { col: 3 } }}>
      <CardHeader>
        <h2 className="usa-card__heading">{t('acknowledgement.homeHeading')}</h2>
      </CardHeader>
      <CardBody>
        <p className="hub-count">{count}</p>
        <Link className="usa-link" to="/protocols/pending">
          {t('acknowledgement.openPending')}
        </Link>
      </CardBody>
    </Card>
  );
}
