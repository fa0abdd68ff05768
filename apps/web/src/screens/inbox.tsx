import { useQuery } from '@apollo/client/react';
import { Label, Select, Table, Tag } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { InboxQuery, ReferralBox, ReferralStatus } from '../gql/graphql';
import { formatDateTime, formatNumber } from '../i18n';
import { usePageTitle } from '../page-title';
import { KeysetPager } from './pager';
import { Notice } from '../notice';

export const BOXES: readonly ReferralBox[] = ['RECEIVED', 'SENT', 'NEEDS_ACTION', 'DRAFTS'];
export const STATUSES: readonly ReferralStatus[] = [
  'DRAFT',
  'SENT',
  'ACKNOWLEDGED',
  'ACCEPTED',
  'IN_PROGRESS',
  'ON_HOLD',
  'COMPLETED',
  'DECLINED',
  'FAILED',
  'WITHDRAWN',
  'EXPIRED',
];
const PAGE_SIZE = 20;

export const INBOX_QUERY = graphql(`
  query Inbox($box: ReferralBox!, $status: ReferralStatus, $first: Int, $after: String) {
    referrals(box: $box, status: $status, first: $first, after: $after) {
      counts {
        needsAction
        received
        sent
        drafts
      }
      edges {
        node {
          id
          status
          urgency
          needs
          createdAt
          responseDueAt
          fromAgency {
            id
            name
          }
          toAgency {
            id
            name
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** Reads the box and status filter from the address (no survivor data there: only enum values). */
export function inboxFilter(params: URLSearchParams): { box: ReferralBox; status?: ReferralStatus } {
  const box = BOXES.find((candidate) => candidate === params.get('box')) ?? 'RECEIVED';
  const status = STATUSES.find((candidate) => candidate === params.get('status'));
  return { box, status };
}

export function InboxScreen() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('inbox.title'));
  const [params, setParams] = useSearchParams();
  const { box, status } = inboxFilter(params);
  // Keyset paging: the cursors of the pages before this one (Previous goes back one). They belong to
  // one filter: a new filter starts again at the first page. The screen stays mounted, so the box link
  // or the status select a keyboard user just changed keeps the focus.
  const filterKey = `${box}/${status ?? ''}`;
  const [paging, setPaging] = useState({ filterKey, cursors: [] as string[] });
  const cursors = paging.filterKey === filterKey ? paging.cursors : [];
  const setCursors = (next: string[]) => setPaging({ filterKey, cursors: next });
  const { data, error, loading } = useQuery(INBOX_QUERY, {
    variables: { box, status, first: PAGE_SIZE, after: cursors.at(-1) },
    fetchPolicy: 'cache-and-network',
  });
  // The page on screen stays while the next page of the same filter loads (no flash of an empty
  // screen); another filter's rows never stand under this filter's caption.
  const shown = useRef<{ filterKey: string; data: InboxQuery } | null>(null);
  if (data) shown.current = { filterKey, data };
  const connection = (data ?? (shown.current?.filterKey === filterKey ? shown.current.data : undefined))
    ?.referrals;
  // The counts are the same whatever the filter: the last ones stay while another filter loads.
  const counts = (data ?? shown.current?.data)?.referrals.counts;
  const countOf: Record<ReferralBox, number | undefined> = {
    RECEIVED: counts?.received,
    SENT: counts?.sent,
    NEEDS_ACTION: counts?.needsAction,
    DRAFTS: counts?.drafts,
  };
  const incoming = box === 'RECEIVED' || box === 'NEEDS_ACTION';
  const filter = (next: { box?: ReferralBox; status?: ReferralStatus }) => {
    const query = new URLSearchParams({ box: next.box ?? box });
    const nextStatus = 'status' in next ? next.status : status;
    if (nextStatus) query.set('status', nextStatus);
    setParams(query);
  };

  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <nav aria-label={t('inbox.boxes')}>
        <ul className="usa-button-group usa-button-group--segmented">
          {BOXES.map((candidate) => (
            <li key={candidate} className="usa-button-group__item">
              <Link
                to={`/referrals?box=${candidate}`}
                className={`usa-button${candidate === box ? '' : ' usa-button--outline'}`}
                aria-current={candidate === box ? 'page' : undefined}
              >
                {t(`box.${candidate}`)}
                {countOf[candidate] !== undefined && ` (${formatNumber(countOf[candidate], i18n.language)})`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="margin-y-2 maxw-mobile-lg">
        <Label htmlFor="status-filter">{t('inbox.statusFilter')}</Label>
        <Select
          id="status-filter"
          name="status"
          value={status ?? ''}
          onChange={(event) =>
            filter({ status: (event.target.value || undefined) as ReferralStatus | undefined })
          }
        >
          <option value="">{t('inbox.allStatuses')}</option>
          {STATUSES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`status.${candidate}`)}
            </option>
          ))}
        </Select>
      </div>

      {error && <Notice type="error" heading={t('errors.loadFailed')} />}
      <KeysetPager id="inbox-results" cursors={cursors} onChange={setCursors} pageInfo={connection?.pageInfo}>
        {loading && !connection && <p role="status">{t('app.loading')}</p>}
        {connection && connection.edges.length === 0 && <p>{t('inbox.empty')}</p>}
        {connection && connection.edges.length > 0 && (
          <Table fullWidth striped>
            <caption>{t('inbox.caption', { box: t(`box.${box}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{incoming ? t('referral.from') : t('referral.to')}</th>
                <th scope="col">{t('referral.needs')}</th>
                <th scope="col">{t('referral.urgency')}</th>
                <th scope="col">{t('referral.status')}</th>
                <th scope="col">{t('referral.created')}</th>
                <th scope="col">{t('referral.responseDue')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row">
                    <Link className="usa-link" to={`/referrals/${node.id}`}>
                      {incoming ? node.fromAgency.name : node.toAgency.name}
                    </Link>
                  </th>
                  <td>{node.needs.map((need) => t(`need.${need}`)).join(', ')}</td>
                  <td>
                    <Tag className={node.urgency === 'EMERGENCY' ? 'bg-secondary-dark' : undefined}>
                      {t(`urgency.${node.urgency}`)}
                    </Tag>
                  </td>
                  <td>{t(`status.${node.status}`)}</td>
                  <td>{formatDateTime(node.createdAt, i18n.language)}</td>
                  <td>{node.responseDueAt ? formatDateTime(node.responseDueAt, i18n.language) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </KeysetPager>
    </>
  );
}
