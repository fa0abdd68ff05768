import { useQuery } from '@apollo/client/react';
import { Button, Table, Tag } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCapabilities } from '../capabilities';
import { SelectField, TextField } from '../forms/fields';
import { graphql } from '../gql';
import type { ProtocolCategory, ProtocolState } from '../gql/graphql';
import { formatDateTime } from '../i18n';
import { usePageTitle } from '../page-title';
import { PROTOCOL_CATEGORIES, PROTOCOL_STATES } from './enums';
import { ListStatus } from './list-status';
import { KeysetPager } from './pager';

const PAGE_SIZE = 20;
/** The API's limit on the words searched (ProtocolsArgs.text). */
const MAX_SEARCH = 200;

export const PROTOCOLS_QUERY = graphql(`
  query ProtocolList(
    $taskForceId: ID
    $category: ProtocolCategory
    $state: ProtocolState
    $text: String
    $first: Int
    $after: String
  ) {
    protocols(
      taskForceId: $taskForceId
      category: $category
      state: $state
      text: $text
      first: $first
      after: $after
    ) {
      edges {
        node {
          id
          title
          category
          state
          dueForReview
          updatedAt
          currentVersion {
            id
            number
            publishedAt
            requiresAcknowledgement
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

/** The caller's task forces, to filter by one when there are several. */
export const MY_TASK_FORCES = graphql(`
  query MyTaskForces {
    me {
      userId
      agency {
        id
        name
      }
      taskForces {
        role
        taskForce {
          id
          name
        }
      }
    }
  }
`);

export interface ProtocolFilter {
  taskForceId?: string;
  category?: ProtocolCategory;
  state?: ProtocolState;
  text?: string;
}

/** The filter in the address: enum values, a task force id and the words searched (never personal data). */
export function protocolFilter(params: URLSearchParams): ProtocolFilter {
  const text = params.get('text')?.trim().slice(0, MAX_SEARCH);
  return {
    taskForceId: params.get('taskForce') || undefined,
    category: PROTOCOL_CATEGORIES.find((candidate) => candidate === params.get('category')),
    state: PROTOCOL_STATES.find((candidate) => candidate === params.get('state')),
    text: text || undefined,
  };
}

function paramsOf(filter: ProtocolFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.taskForceId) params.set('taskForce', filter.taskForceId);
  if (filter.category) params.set('category', filter.category);
  if (filter.state) params.set('state', filter.state);
  if (filter.text) params.set('text', filter.text);
  return params;
}

export function ProtocolsScreen() {
  const [params] = useSearchParams();
  const filter = protocolFilter(params);
  // A new filter starts again at the first page.
  return <Protocols key={paramsOf(filter).toString()} filter={filter} />;
}

/**
 * The protocols of the caller's task forces that the caller may read (coordinators also see drafts
 * and archived ones), by title, filtered as the API offers, in keyset pages.
 */
function Protocols({ filter }: { filter: ProtocolFilter }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('protocols.title'));
  const { has } = useCapabilities();
  const [, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const [typed, setTyped] = useState(filter.text ?? '');
  const { data: mine } = useQuery(MY_TASK_FORCES, { fetchPolicy: 'cache-first' });
  const { data, previousData, error, loading } = useQuery(PROTOCOLS_QUERY, {
    variables: { ...filter, first: PAGE_SIZE, after: cursors.at(-1) },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.protocols;
  const taskForces = mine?.me.taskForces ?? [];
  const set = (next: Partial<ProtocolFilter>) => setParams(paramsOf({ ...filter, ...next }));
  const tooLong = typed.trim().length > MAX_SEARCH;

  return (
    <>
      <h1>{t('protocols.title')}</h1>
      <ul className="usa-list usa-list--unstyled display-flex flex-wrap">
        {has('MANAGE_PROTOCOLS') && (
          <li className="margin-right-2">
            <Link className="usa-button" to="/protocols/new">
              {t('protocols.create')}
            </Link>
          </li>
        )}
        <li>
          <Link className="usa-button usa-button--outline" to="/protocols/pending">
            {t('acknowledgement.pendingTitle')}
          </Link>
        </li>
      </ul>

      <form
        className="usa-form maxw-tablet"
        role="search"
        aria-label={t('protocols.filters')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!tooLong) set({ text: typed.trim() || undefined });
        }}
      >
        {taskForces.length > 1 && (
          <SelectField
            id="protocol-task-force"
            label={t('protocols.taskForce')}
            value={filter.taskForceId ?? ''}
            placeholder={t('protocols.allTaskForces')}
            options={taskForces.map(({ taskForce }) => ({ value: taskForce.id, label: taskForce.name }))}
            onChange={(value) => set({ taskForceId: value || undefined })}
          />
        )}
        <SelectField
          id="protocol-state"
          label={t('protocols.state')}
          value={filter.state ?? ''}
          placeholder={t('protocols.allStates')}
          options={PROTOCOL_STATES.map((value) => ({ value, label: t(`protocolState.${value}`) }))}
          onChange={(value) => set({ state: (value || undefined) as ProtocolState | undefined })}
        />
        <SelectField
          id="protocol-category"
          label={t('protocols.category')}
          value={filter.category ?? ''}
          placeholder={t('protocols.allCategories')}
          options={PROTOCOL_CATEGORIES.map((value) => ({ value, label: t(`protocolCategory.${value}`) }))}
          onChange={(value) => set({ category: (value || undefined) as ProtocolCategory | undefined })}
        />
        <TextField
          id="protocol-text"
          label={t('protocols.search')}
          hint={t('protocols.searchHint')}
          value={typed}
          onChange={setTyped}
          error={tooLong ? t('form.tooLong') : undefined}
        />
        <Button type="submit" className="margin-top-2">
          {t('protocols.find')}
        </Button>
      </form>

      <KeysetPager
        id="protocol-results"
        cursors={cursors}
        onChange={setCursors}
        pageInfo={connection?.pageInfo}
      >
        <ListStatus error={error} loading={loading} connection={connection} empty={t('protocols.none')} />
        {connection && connection.edges.length > 0 && (
          <Table fullWidth striped>
            <caption>{t('protocols.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('protocol.titleField')}</th>
                <th scope="col">{t('protocols.category')}</th>
                <th scope="col">{t('protocols.state')}</th>
                <th scope="col">{t('protocol.inForce')}</th>
                <th scope="col">{t('protocol.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row">
                    <Link className="usa-link" to={`/protocols/${node.id}`}>
                      {node.title}
                    </Link>
                  </th>
                  <td>{t(`protocolCategory.${node.category}`)}</td>
                  <td>
                    <Tag>{t(`protocolState.${node.state}`)}</Tag>
                    {node.dueForReview && (
                      <Tag className="margin-left-1 bg-gold text-ink">{t('protocol.dueForReview')}</Tag>
                    )}
                  </td>
                  <td>
                    {node.currentVersion?.publishedAt
                      ? t('protocol.versionPublished', {
                          number: node.currentVersion.number,
                          date: formatDateTime(node.currentVersion.publishedAt, i18n.language),
                        })
                      : '—'}
                  </td>
                  <td>{formatDateTime(node.updatedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </KeysetPager>
    </>
  );
}
