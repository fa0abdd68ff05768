import { useQuery } from '@apollo/client/react';
import { Label, Select, Table, Tag } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { InboxQuery, ReferralBox, ReferralStatus, ServiceNeed } from '../gql/graphql';
import { formatDateTime, formatNumber } from '../i18n';
import { usePageTitle } from '../page-title';
import { SERVICE_NEEDS } from './enums';
import { ListStatus } from './list-status';
import { KeysetPager } from './pager';

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
  query Inbox($box: ReferralBox!, $status: ReferralStatus, $need: ServiceNeed, $first: Int, $after: String) {
    referrals(box: $box, status: $status, need: $need, first: $first, after: $after) {
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

/** What the inbox shows: a box, narrowed by status and by need. */
export interface InboxFilter {
  box: ReferralBox;
  status?: ReferralStatus;
  need?: ServiceNeed;
}

/**
 * Reads the box, status and need from the address (no survivor data there: only enum values); an
 * unknown value is no filter.
 */
export function inboxFilter(params: URLSearchParams): InboxFilter {
  const box = BOXES.find((candidate) => candidate === params.get('box')) ?? 'RECEIVED';
  const status = STATUSES.find((candidate) => candidate === params.get('status'));
  const need = SERVICE_NEEDS.find((candidate) => candidate === params.get('need'));
  return { box, status, need };
}

export function InboxScreen() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('inbox.title'));
  const [params, setParams] = useSearchParams();
  const { box, status, need } = inboxFilter(params);
  // Keyset paging: the cursors of the pages before this one (Previous goes back one). They belong to
  // one filter: a new filter starts again at the first page. The screen stays mounted, so the box link
  // or the select a keyboard user just changed keeps the focus.
  const filterKey = `${box}/${status ?? ''}/${need ?? ''}`;
  const [paging, setPaging] = useState({ filterKey, cursors: [] as string[] });
  // Forget the old filter's pages as soon as it changes (React's state adjusted while rendering), so
  // going back to it starts at its first page too, not at the page it was left on.
  if (paging.filterKey !== filterKey) setPaging({ filterKey, cursors: [] });
  const cursors = paging.filterKey === filterKey ? paging.cursors : [];
  const setCursors = (next: string[]) => setPaging({ filterKey, cursors: next });
  const { data, error, loading } = useQuery(INBOX_QUERY, {
    variables: { box, status, need, first: PAGE_SIZE, after: cursors.at(-1) },
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
  /** The address with one filter changed and the others kept (a box link starts a box afresh). */
  const filter = (next: Partial<Pick<InboxFilter, 'status' | 'need'>>) => {
    const query = new URLSearchParams({ box });
    const nextStatus = 'status' in next ? next.status : status;
    if (nextStatus) query.set('status', nextStatus);
    const nextNeed = 'need' in next ? next.need : need;
    if (nextNeed) query.set('need', nextNeed);
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
        <Label htmlFor="need-filter">{t('inbox.needFilter')}</Label>
        <Select
          id="need-filter"
          name="need"
          value={need ?? ''}
          onChange={(event) => filter({ need: (event.target.value || undefined) as ServiceNeed | undefined })}
        >
          <option value="">{t('inbox.allNeeds')}</option>
          {SERVICE_NEEDS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`need.${candidate}`)}
            </option>
          ))}
        </Select>
      </div>

      <KeysetPager id="inbox-results" cursors={cursors} onChange={setCursors} pageInfo={connection?.pageInfo}>
        <ListStatus error={error} loading={loading} connection={connection} empty={t('inbox.empty')} />
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
