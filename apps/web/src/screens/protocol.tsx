import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Table, Tag } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAnnouncement, useArrival } from '../focus';
import { graphql } from '../gql';
import type { ProtocolVersionFactsFragment } from '../gql/graphql';
import { formatDateTime, formatDate, formatNumber, utcToday } from '../i18n';
import { Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { type FormAction, ProtocolActions, type ProtocolActionResult } from './protocol-actions';
import { MY_TASK_FORCES } from './protocols';
import { ResultFlash } from './record-actions';
import { Fact } from './survivor-fields';

export const PROTOCOL_VERSION_FACTS = graphql(`
  fragment ProtocolVersionFacts on ProtocolVersion {
    id
    number
    title
    state
    audience
    requiresAcknowledgement
    effectiveDate
    reviewBy
    dueForReview
    summaryOfChanges
    publishedAt
    supersededAt
  }
`);

export const PROTOCOL_QUERY = graphql(`
  query ProtocolDetail($id: ID!) {
    protocol(id: $id) {
      id
      title
      category
      audience
      state
      version
      dueForReview
      archivedAt
      archiveReason
      availableActions
      ownerAgency {
        id
        name
      }
      currentVersion {
        ...ProtocolVersionFacts
        bodyHtml
        acknowledgements {
          agencyId
          acknowledged
          acknowledgedAt
          agency {
            id
            name
            type
          }
        }
      }
      draft {
        ...ProtocolVersionFacts
        bodyHtml
      }
      versions {
        ...ProtocolVersionFacts
      }
    }
  }
`);

/** The text of every version the caller may read: only fetched when one besides the current is chosen. */
export const PROTOCOL_VERSION_TEXTS = graphql(`
  query ProtocolVersionTexts($id: ID!) {
    protocol(id: $id) {
      id
      versions {
        id
        bodyHtml
      }
    }
  }
`);

/**
 * A protocol's text as the API sanitised it (`bodyHtml`: never Markdown rendered here), the only
 * HTML the app puts on a page: the API allows a short list of tags, no scripts, styles, event
 * handlers, images or unsafe links (libs/protocols/src/markdown/protocol-markdown.ts).
 */
export function ProtocolText(props: { html: string; label: string }) {
  return (
    <article
      aria-label={props.label}
      className="usa-prose border-1px border-base-lighter padding-2 margin-y-2"
      dangerouslySetInnerHTML={{ __html: props.html }}
    />
  );
}

/** What the editor hands over on arrival. */
type Arrived = 'CREATED' | 'SAVED';
/** What the screen announces: the editor's save, or an action taken here. */
type Announced = { kind: 'done'; action: FormAction | Arrived; number?: number } | { kind: 'conflict' };

/**
 * One protocol: the version in force as published, what the caller may do to it (only what the API
 * lists), the draft for those who prepare it, the acknowledgements the caller may see (coordinators:
 * every audience agency; a member agency: its own), and every version. `?version=<id>` reads an
 * earlier one.
 */
export function ProtocolScreen() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('protocol.title'));
  const [params] = useSearchParams();
  const { data, error, loading, refetch } = useQuery(PROTOCOL_QUERY, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const { data: mine } = useQuery(MY_TASK_FORCES, { fetchPolicy: 'cache-first' });
  // Arriving from the editor: say what it did (the state holds an action name only).
  const arrived = useArrival<{ done: Arrived }>()?.done;
  const flash = useAnnouncement<Announced>(arrived ? { kind: 'done', action: arrived } : null);
  const chosen = params.get('version');
  const protocol = data?.protocol;
  const reading =
    chosen && protocol && chosen !== protocol.currentVersion?.id
      ? protocol.versions.find((version) => version.id === chosen && version.state !== 'DRAFT')
      : undefined;
  const { data: texts } = useQuery(PROTOCOL_VERSION_TEXTS, {
    variables: { id },
    skip: !reading,
    fetchPolicy: 'cache-first',
  });
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const day = (date: string) => formatDate(date, i18n.language);

  const afterAction = async (result: ProtocolActionResult) => {
    flash.announce(null);
    await refetch().catch(() => undefined);
    flash.announce(result);
  };

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error && !data) {
    const notFound =
      CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'NOT_FOUND');
    return (
      <Notice type="error" level="h1" heading={notFound ? t('protocol.notFound') : t('errors.loadFailed')} />
    );
  }
  if (!protocol) return null;
  const current = protocol.currentVersion;
  const myAgencyId = mine?.me.agency?.id;
  const statuses = current?.acknowledgements ?? [];
  const own = statuses.find((status) => status.agencyId === myAgencyId);
  // Coordinators see every audience agency; a member agency only its own (then no tracker).
  const tracked = statuses.some((status) => status.agencyId !== myAgencyId) ? statuses : [];
  const readingHtml =
    reading && texts?.protocol.versions.find((version) => version.id === reading.id)?.bodyHtml;

  return (
    <>
      <h1>{protocol.title}</h1>
      <p>
        <Tag>{t(`protocolState.${protocol.state}`)}</Tag>
        {protocol.dueForReview && (
          <Tag className="margin-left-1 bg-gold text-ink">{t('protocol.dueForReview')}</Tag>
        )}
      </p>
      <ResultFlash
        announcement={flash}
        done={(result) =>
          result.action === 'CREATED' || result.action === 'SAVED'
            ? t(`protocol.done.${result.action}`)
            : t(`protocolActions.done.${result.action}`, { number: result.number })
        }
        conflictHeading={t('protocol.conflictHeading')}
        conflict={t('protocol.conflict')}
      />
      <ProtocolActions
        protocol={protocol}
        agencyName={mine?.me.agency?.name}
        today={utcToday()}
        onDone={(result) => void afterAction(result)}
      />

      <section aria-labelledby="protocol-summary-heading">
        <h2 id="protocol-summary-heading">{t('protocol.summary')}</h2>
        <dl className="hub-facts">
          <Fact label={t('protocols.category')}>{t(`protocolCategory.${protocol.category}`)}</Fact>
          <Fact label={t('protocol.audience')}>
            {protocol.audience.map((type) => t(`agencyType.${type}`)).join(', ')}
          </Fact>
          <Fact label={t('protocol.owner')}>{protocol.ownerAgency.name}</Fact>
          {current ? (
            <>
              <Fact label={t('protocol.inForce')}>
                {current.publishedAt
                  ? t('protocol.versionPublished', {
                      number: current.number,
                      date: when(current.publishedAt),
                    })
                  : t('protocol.versionNumber', { number: current.number })}
              </Fact>
              {current.effectiveDate && (
                <Fact label={t('protocol.effectiveDate')}>{day(current.effectiveDate)}</Fact>
              )}
              {current.reviewBy && <Fact label={t('protocol.reviewBy')}>{day(current.reviewBy)}</Fact>}
              <Fact label={t('protocol.requiresAcknowledgement')}>
                {current.requiresAcknowledgement ? t('common.yes') : t('common.no')}
              </Fact>
              {own && (
                <Fact label={t('acknowledgement.yourAgency')}>
                  {own.acknowledged && own.acknowledgedAt
                    ? t('acknowledgement.acknowledgedOn', { date: when(own.acknowledgedAt) })
                    : t('acknowledgement.notYet')}
                </Fact>
              )}
            </>
          ) : (
            protocol.state !== 'ARCHIVED' && (
              <Fact label={t('protocol.inForce')}>{t('protocol.notPublished')}</Fact>
            )
          )}
          {protocol.archivedAt && (
            <Fact label={t('protocol.archived')}>
              {protocol.archiveReason
                ? t('protocol.archivedBecause', {
                    date: when(protocol.archivedAt),
                    reason: protocol.archiveReason,
                  })
                : when(protocol.archivedAt)}
            </Fact>
          )}
        </dl>
      </section>

      {reading ? (
        <section aria-labelledby="protocol-text-heading">
          <h2 id="protocol-text-heading">
            {t('protocol.textOfVersion', {
              number: reading.number,
              state: t(`protocolVersionState.${reading.state}`),
            })}
          </h2>
          <p>
            <Link className="usa-link" to={`/protocols/${protocol.id}`}>
              {current ? t('protocol.backToCurrent') : t('protocol.backToProtocol')}
            </Link>
          </p>
          {readingHtml !== undefined ? (
            <ProtocolText html={readingHtml} label={t('protocol.textLabel', { number: reading.number })} />
          ) : (
            <p role="status">{t('app.loading')}</p>
          )}
        </section>
      ) : (
        current && (
          <section aria-labelledby="protocol-text-heading">
            <h2 id="protocol-text-heading">
              {t('protocol.textOfVersion', {
                number: current.number,
                state: t('protocolVersionState.PUBLISHED'),
              })}
            </h2>
            {current.summaryOfChanges && (
              <p>
                <span className="text-bold">{t('protocol.summaryOfChanges')}:</span>{' '}
                {current.summaryOfChanges}
              </p>
            )}
            <ProtocolText
              html={current.bodyHtml}
              label={t('protocol.textLabel', { number: current.number })}
            />
          </section>
        )
      )}

      {protocol.draft && <DraftSection draft={protocol.draft} />}

      {current && tracked.length > 0 && (
        <section aria-labelledby="tracker-heading">
          <h2 id="tracker-heading">{t('acknowledgement.trackerHeading', { number: current.number })}</h2>
          <p>
            {t('acknowledgement.trackerSummary', {
              done: formatNumber(tracked.filter((status) => status.acknowledged).length, i18n.language),
              total: formatNumber(tracked.length, i18n.language),
            })}
            {!current.requiresAcknowledgement && ` ${t('acknowledgement.notRequired')}`}
          </p>
          <Table fullWidth striped>
            <caption>{t('acknowledgement.trackerCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('acknowledgement.agency')}</th>
                <th scope="col">{t('acknowledgement.agencyType')}</th>
                <th scope="col">{t('acknowledgement.status')}</th>
              </tr>
            </thead>
            <tbody>
              {tracked.map((status) => (
                <tr key={status.agencyId}>
                  <th scope="row">
                    <Link className="usa-link" to={`/agencies/${status.agencyId}`}>
                      {status.agency.name}
                    </Link>
                  </th>
                  <td>{t(`agencyType.${status.agency.type}`)}</td>
                  <td>
                    {status.acknowledged && status.acknowledgedAt
                      ? t('acknowledgement.acknowledgedOn', { date: when(status.acknowledgedAt) })
                      : t('acknowledgement.outstanding')}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      )}

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('protocol.versions')}</h2>
        <Table fullWidth striped>
          <caption>{t('protocol.versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('protocol.version')}</th>
              <th scope="col">{t('protocol.titleField')}</th>
              <th scope="col">{t('protocols.state')}</th>
              <th scope="col">{t('protocol.published')}</th>
              <th scope="col">{t('protocol.summaryOfChanges')}</th>
            </tr>
          </thead>
          <tbody>
            {protocol.versions.map((version) => (
              <tr key={version.id}>
                <th scope="row">
                  {version.state === 'DRAFT' || version.id === (reading?.id ?? current?.id) ? (
                    t('protocol.versionNumber', { number: version.number })
                  ) : (
                    <Link className="usa-link" to={`/protocols/${protocol.id}?version=${version.id}`}>
                      {t('protocol.readVersion', { number: version.number })}
                    </Link>
                  )}
                </th>
                <td>{version.title}</td>
                <td>{t(`protocolVersionState.${version.state}`)}</td>
                <td>{version.publishedAt ? when(version.publishedAt) : '—'}</td>
                <td>{version.summaryOfChanges ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </>
  );
}

/** The version being prepared (its readers are the coordinators who prepare it). */
function DraftSection({ draft }: { draft: ProtocolVersionFactsFragment & { bodyHtml: string } }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="draft-heading">
      <h2 id="draft-heading">{t('protocol.draftHeading', { number: draft.number })}</h2>
      <dl className="hub-facts">
        <Fact label={t('protocol.titleField')}>{draft.title}</Fact>
        <Fact label={t('protocol.audience')}>
          {draft.audience.map((type) => t(`agencyType.${type}`)).join(', ')}
        </Fact>
        <Fact label={t('protocol.requiresAcknowledgement')}>
          {draft.requiresAcknowledgement ? t('common.yes') : t('common.no')}
        </Fact>
        {draft.effectiveDate && (
          <Fact label={t('protocol.effectiveDate')}>{formatDate(draft.effectiveDate, i18n.language)}</Fact>
        )}
        {draft.reviewBy && (
          <Fact label={t('protocol.reviewBy')}>{formatDate(draft.reviewBy, i18n.language)}</Fact>
        )}
        {draft.summaryOfChanges && (
          <Fact label={t('protocol.summaryOfChanges')}>{draft.summaryOfChanges}</Fact>
        )}
      </dl>
      <ProtocolText html={draft.bodyHtml} label={t('protocol.draftTextLabel', { number: draft.number })} />
    </section>
  );
}
