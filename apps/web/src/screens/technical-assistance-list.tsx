import { useQuery } from '@apollo/client/react';
import { Table, Tag } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Requires, useCapabilities } from '../capabilities';
import { SelectField } from '../forms/fields';
import { graphql } from '../gql';
import type {
  Capability,
  TechnicalAssistanceScope,
  TechnicalAssistanceStatus,
  TechnicalAssistanceTopic,
} from '../gql/graphql';
import { formatDateTime } from '../i18n';
import { usePageTitle } from '../page-title';
import { TA_STATUSES, TA_TOPICS } from './enums';
import { ListStatus } from './list-status';
import { KeysetPager } from './pager';

const PAGE_SIZE = 20;

export const TA_LIST_QUERY = graphql(`
  query TechnicalAssistanceList(
    $scope: TechnicalAssistanceScope
    $status: TechnicalAssistanceStatus
    $topic: TechnicalAssistanceTopic
    $first: Int
    $after: String
  ) {
    technicalAssistanceRequests(scope: $scope, status: $status, topic: $topic, first: $first, after: $after) {
      edges {
        node {
          id
          topic
          type
          status
          urgency
          priority
          createdAt
          requestingAgency {
            id
            name
          }
          assignedAgency {
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

/**
 * Each list (a scope of the query) and who works from it: the coordinator's triage queue (the
 * task forces' requests), the provider's assigned requests, and the requests of the caller's own
 * agency (anyone who may read requests sees their agency's). In this order of precedence for the
 * first list shown.
 */
const TABS: readonly { scope: TechnicalAssistanceScope; requires: Capability }[] = [
  { scope: 'MY_TASK_FORCES', requires: 'TRIAGE_TECHNICAL_ASSISTANCE' },
  { scope: 'ASSIGNED_TO_MY_AGENCY', requires: 'DELIVER_TECHNICAL_ASSISTANCE' },
  { scope: 'REQUESTED_BY_MY_AGENCY', requires: 'READ_TECHNICAL_ASSISTANCE' },
];

export interface TaListFilter {
  scope: TechnicalAssistanceScope;
  status?: TechnicalAssistanceStatus;
  topic?: TechnicalAssistanceTopic;
}

/**
 * The list and filters from the address (enum values only, never free text): an unknown value, or
 * a list the caller does not work from (`scopes`, in precedence order), falls back to the first.
 */
export function taListFilter(
  params: URLSearchParams,
  scopes: readonly TechnicalAssistanceScope[],
): TaListFilter {
  const scope = scopes.find((candidate) => candidate === params.get('scope')) ?? scopes[0];
  const status = TA_STATUSES.find((candidate) => candidate === params.get('status'));
  const topic = TA_TOPICS.find((candidate) => candidate === params.get('topic'));
  return { scope, status, topic };
}

export function TechnicalAssistanceListScreen() {
  return (
    <Requires capability="READ_TECHNICAL_ASSISTANCE">
      <TechnicalAssistanceLists />
    </Requires>
  );
}

function TechnicalAssistanceLists() {
  const { has } = useCapabilities();
  const [params] = useSearchParams();
  const scopes = TABS.filter((tab) => has(tab.requires)).map((tab) => tab.scope);
  const filter = taListFilter(params, scopes);
  // A new list or filter starts again at the first page.
  return (
    <TechnicalAssistanceList
      key={`${filter.scope}/${filter.status ?? ''}/${filter.topic ?? ''}`}
      filter={filter}
      scopes={scopes}
      canRequest={has('REQUEST_TECHNICAL_ASSISTANCE')}
    />
  );
}

function TechnicalAssistanceList(props: {
  filter: TaListFilter;
  scopes: readonly TechnicalAssistanceScope[];
  canRequest: boolean;
}) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('ta.list.title'));
  const [, setParams] = useSearchParams();
  const { scope, status, topic } = props.filter;
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, previousData, error, loading } = useQuery(TA_LIST_QUERY, {
    variables: { scope, status, topic, first: PAGE_SIZE, after: cursors.at(-1) },
    fetchPolicy: 'cache-and-network',
  });
  // The page on screen stays while the next one loads (no flash of an empty screen).
  const connection = (data ?? previousData)?.technicalAssistanceRequests;
  const link = (next: Partial<TaListFilter>) => {
    const query = new URLSearchParams({ scope: next.scope ?? scope });
    const nextStatus = 'status' in next ? next.status : status;
    const nextTopic = 'topic' in next ? next.topic : topic;
    if (nextStatus) query.set('status', nextStatus);
    if (nextTopic) query.set('topic', nextTopic);
    return query;
  };

  return (
    <>
      <h1>{t('ta.list.title')}</h1>
      {props.canRequest && (
        <p>
          <Link className="usa-button" to="/technical-assistance/new">
            {t('ta.list.new')}
          </Link>
        </p>
      )}
      {props.scopes.length > 1 && (
        <nav aria-label={t('ta.list.lists')}>
          <ul className="usa-button-group usa-button-group--segmented">
            {props.scopes.map((candidate) => (
              <li key={candidate} className="usa-button-group__item">
                <Link
                  to={`/technical-assistance?scope=${candidate}`}
                  className={`usa-button${candidate === scope ? '' : ' usa-button--outline'}`}
                  aria-current={candidate === scope ? 'page' : undefined}
                >
                  {t(`ta.scope.${candidate}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p>{t(`ta.list.explain.${scope}`)}</p>

      <div className="grid-row grid-gap margin-y-2">
        <div className="tablet:grid-col-4">
          <SelectField
            id="status-filter"
            label={t('ta.list.statusFilter')}
            value={status ?? ''}
            onChange={(value) =>
              setParams(link({ status: (value || undefined) as TechnicalAssistanceStatus | undefined }))
            }
            placeholder={t('ta.list.allStatuses')}
            options={TA_STATUSES.map((value) => ({ value, label: t(`ta.status.${value}`) }))}
          />
        </div>
        <div className="tablet:grid-col-4">
          <SelectField
            id="topic-filter"
            label={t('ta.list.topicFilter')}
            value={topic ?? ''}
            onChange={(value) =>
              setParams(link({ topic: (value || undefined) as TechnicalAssistanceTopic | undefined }))
            }
            placeholder={t('ta.list.allTopics')}
            options={TA_TOPICS.map((value) => ({ value, label: t(`ta.topic.${value}`) }))}
          />
        </div>
      </div>

      <KeysetPager id="ta-results" cursors={cursors} onChange={setCursors} pageInfo={connection?.pageInfo}>
        <ListStatus error={error} loading={loading} connection={connection} empty={t('ta.list.empty')} />
        {connection && connection.edges.length > 0 && (
          <Table fullWidth striped>
            <caption>{t('ta.list.caption', { list: t(`ta.scope.${scope}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ta.field.topic')}</th>
                <th scope="col">{t('ta.field.type')}</th>
                <th scope="col">{t('ta.field.requestingAgency')}</th>
                <th scope="col">{t('ta.field.status')}</th>
                <th scope="col">{t('ta.field.urgency')}</th>
                <th scope="col">{t('ta.field.priority')}</th>
                <th scope="col">{t('ta.field.assignedAgency')}</th>
                <th scope="col">{t('ta.field.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row">
                    <Link className="usa-link" to={`/technical-assistance/${node.id}`}>
                      {t(`ta.topic.${node.topic}`)}
                    </Link>
                  </th>
                  <td>{t(`ta.type.${node.type}`)}</td>
                  <td>{node.requestingAgency.name}</td>
                  <td>{t(`ta.status.${node.status}`)}</td>
                  <td>
                    <Tag className={node.urgency === 'URGENT' ? 'bg-secondary-dark' : undefined}>
                      {t(`ta.urgency.${node.urgency}`)}
                    </Tag>
                  </td>
                  <td>{node.priority ? t(`ta.priority.${node.priority}`) : '—'}</td>
                  <td>{node.assignedAgency?.name ?? '—'}</td>
                  <td>{formatDateTime(node.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </KeysetPager>
    </>
  );
}
