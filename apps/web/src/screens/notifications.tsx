import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Tag } from '@trussworks/react-uswds';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, useParams, useSearchParams } from 'react-router';
import { useCapabilities } from '../capabilities';
import { useAnnouncement } from '../focus';
import { graphql } from '../gql';
import type { NotificationRowFragment } from '../gql/graphql';
import { formatDateTime, formatNumber } from '../i18n';
import { UNREAD_COUNT_QUERY } from '../live-updates';
import { Announcement, Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { ErrorNotice } from './error-notice';
import { headlineKey, subjectPath } from './notification-subjects';
import { ListStatus } from './list-status';
import { KeysetPager } from './pager';

export const NOTIFICATION_ROW = graphql(`
  fragment NotificationRow on Notification {
    id
    eventType
    subjectType
    subjectId
    message
    createdAt
    read
  }
`);

export const NOTIFICATIONS_QUERY = graphql(`
  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges {
        node {
          ...NotificationRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
    unreadNotificationCount
  }
`);

export const NOTIFICATION_QUERY = graphql(`
  query Notification($id: ID!) {
    notification(id: $id) {
      ...NotificationRow
    }
  }
`);

export const MARK_NOTIFICATIONS_READ = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      marked
      unreadCount
    }
  }
`);

const PAGE_SIZE = 20;

/**
 * Marks notifications read for the caller; the answer's unread count goes straight into the cache
 * (the header's badge and Home), and the marked ones show read wherever they are listed.
 */
export function useMarkNotificationsRead() {
  const [mutate, state] = useMutation(MARK_NOTIFICATIONS_READ, {
    update: (cache, { data }, { variables }) => {
      if (!data) return;
      cache.writeQuery({
        query: UNREAD_COUNT_QUERY,
        data: { unreadNotificationCount: data.markNotificationsRead.unreadCount },
      });
      for (const id of variables?.input.ids ?? []) {
        cache.modify({
          id: cache.identify({ __typename: 'Notification', id }),
          fields: { read: () => true },
        });
      }
    },
  });
  const mark = async (input: { ids: string[] } | { all: true }) =>
    (await mutate({ variables: { input } })).data?.markNotificationsRead;
  return [mark, state] as const;
}

/** The filter in the address: only enum-like values, never data. */
type Show = 'all' | 'unread';
const showOf = (params: URLSearchParams): Show => (params.get('show') === 'unread' ? 'unread' : 'all');

/**
 * The caller's agency's notifications, newest first, all or unread only (keyset paging), each
 * linking to its record's screen (following the link reads it); mark one or all read. New ones
 * arrive live (live-updates.ts refetches this list when one is announced).
 */
export function NotificationsScreen() {
  const [params] = useSearchParams();
  const show = showOf(params);
  // Another filter starts again at the first page.
  return <Notifications key={show} show={show} />;
}

function Notifications({ show }: { show: Show }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notifications.title'));
  const { has } = useCapabilities();
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, previousData, error, loading, refetch } = useQuery(NOTIFICATIONS_QUERY, {
    variables: { first: PAGE_SIZE, after: cursors.at(-1), unreadOnly: show === 'unread' },
    fetchPolicy: 'cache-and-network',
  });
  const [mark, marking] = useMarkNotificationsRead();
  const flash = useAnnouncement<{ marked: number }>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const shown = (data ?? previousData)?.notifications;
  const unread = (data ?? previousData)?.unreadNotificationCount;
  const markRead = async (input: { ids: string[] } | { all: true }) => {
    setFailure(null);
    flash.announce(null);
    try {
      const result = await mark(input);
      // The list shows what changed (in the unread view, the marked ones leave it).
      await refetch().catch(() => undefined);
      flash.announce({ marked: result?.marked ?? 0 });
    } catch (caught) {
      setFailure(caught);
    }
  };

  return (
    <>
      <h1>{t('notifications.title')}</h1>
      {has('CHOOSE_NOTIFICATION_DELIVERY') && (
        <p>
          <Link className="usa-link" to="/notifications/preferences">
            {t('notifications.preferencesLink')}
          </Link>
        </p>
      )}
      <nav aria-label={t('notifications.filter')}>
        <ul className="usa-button-group usa-button-group--segmented">
          {(['all', 'unread'] as const).map((candidate) => (
            <li key={candidate} className="usa-button-group__item">
              <Link
                to={candidate === 'unread' ? '/notifications?show=unread' : '/notifications'}
                className={`usa-button${candidate === show ? '' : ' usa-button--outline'}`}
                aria-current={candidate === show ? 'page' : undefined}
              >
                {t(`notifications.show.${candidate}`)}
                {candidate === 'unread' &&
                  unread !== undefined &&
                  ` (${formatNumber(unread, i18n.language)})`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Announcement of={flash} className="margin-y-2">
        {({ marked }) => <Notice type="info" heading={t('notifications.marked', { count: marked })} />}
      </Announcement>
      {failure !== null && <ErrorNotice error={failure} />}
      {unread !== undefined && unread > 0 && (
        <Button
          type="button"
          className="margin-y-2"
          disabled={marking.loading}
          onClick={() => void markRead({ all: true })}
        >
          {t('notifications.markAllRead')}
        </Button>
      )}

      <KeysetPager
        id="notification-results"
        cursors={cursors}
        onChange={setCursors}
        pageInfo={shown?.pageInfo}
      >
        <ListStatus
          error={error}
          loading={loading}
          connection={shown}
          empty={show === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty')}
        />
        {shown && shown.edges.length > 0 && (
          <ul className="usa-collection" aria-label={t(`notifications.list.${show}`)}>
            {shown.edges.map(({ node }) => (
              <NotificationItem
                key={node.id}
                notification={node}
                busy={marking.loading}
                onMarkRead={() => void markRead({ ids: [node.id] })}
                onOpen={() => {
                  // Following it is reading it; the mark goes on after the screen changes.
                  if (!node.read) void mark({ ids: [node.id] }).catch(() => undefined);
                }}
              />
            ))}
          </ul>
        )}
      </KeysetPager>
    </>
  );
}

function NotificationItem(props: {
  notification: NotificationRowFragment;
  busy: boolean;
  onMarkRead: () => void;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { has } = useCapabilities();
  const { notification } = props;
  const headline = t(headlineKey(notification.eventType, (key) => i18n.exists(key)));
  const path = subjectPath(notification, has);
  return (
    <li className="usa-collection__item">
      <div className="usa-collection__body">
        <h2 className="usa-collection__heading">
          {path ? (
            <Link className="usa-link" to={path} onClick={props.onOpen}>
              {headline}
            </Link>
          ) : (
            headline
          )}
        </h2>
        <NotificationMessage message={notification.message} />
        <ul className="usa-collection__meta" aria-label={t('notifications.details')}>
          <li className="usa-collection__meta-item">
            <time dateTime={notification.createdAt}>
              {formatDateTime(notification.createdAt, i18n.language)}
            </time>
          </li>
          {!notification.read && (
            <li className="usa-collection__meta-item">
              <Tag>{t('notifications.unread')}</Tag>
            </li>
          )}
        </ul>
        {!notification.read && (
          <Button
            type="button"
            unstyled
            disabled={props.busy}
            onClick={props.onMarkRead}
            aria-label={t('notifications.markReadOf', { headline })}
          >
            {t('notifications.markRead')}
          </Button>
        )}
      </div>
    </li>
  );
}

/** The API writes its messages in English: marked so, a screen reader reads them in English. */
function NotificationMessage({ message }: { message: string }) {
  const { i18n } = useTranslation();
  return (
    <p className="usa-collection__description" lang={i18n.language === 'en' ? undefined : 'en'}>
      {message}
    </p>
  );
}

/**
 * One notification by id: where an e-mail links (HUB_WEB_URL/notifications/<id>, after sign-in).
 * Opening it reads it; one about a record with a screen goes on to that screen, any other is shown
 * here. Another agency's (or a missing one) is "not found".
 */
export function NotificationScreen() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('notifications.one'));
  const { has, loading: loadingCapabilities } = useCapabilities();
  const { data, error, loading } = useQuery(NOTIFICATION_QUERY, {
    variables: { id },
    fetchPolicy: 'network-only',
  });
  const [mark] = useMarkNotificationsRead();
  const notification = data?.notification;
  // Opening it reads it: marked once per notification shown.
  const markedId = useRef<string | null>(null);
  useEffect(() => {
    if (!notification || notification.read || markedId.current === notification.id) return;
    markedId.current = notification.id;
    void mark({ ids: [notification.id] }).catch(() => undefined);
  }, [notification, mark]);

  if ((loading && !data) || loadingCapabilities) return <p role="status">{t('app.loading')}</p>;
  if (error || !notification) {
    const notFound =
      CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'NOT_FOUND');
    return (
      <>
        <Notice
          type="error"
          level="h1"
          heading={notFound ? t('notifications.notFound') : t('errors.loadFailed')}
        />
        <AllNotificationsLink />
      </>
    );
  }
  const path = subjectPath(notification, has);
  if (path) return <Navigate to={path} replace />;
  return (
    <>
      <h1>{t(headlineKey(notification.eventType, (key) => i18n.exists(key)))}</h1>
      <NotificationMessage message={notification.message} />
      <p>
        <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt, i18n.language)}</time>
      </p>
      <AllNotificationsLink />
    </>
  );
}

function AllNotificationsLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link className="usa-link" to="/notifications">
        {t('notifications.all')}
      </Link>
    </p>
  );
}

/**
 * The header's way to the notifications, with the caller's unread count (kept live by
 * live-updates.ts); a rise is announced politely to screen readers. Only for callers who may read
 * notifications.
 */
export function NotificationsLink() {
  const { t, i18n } = useTranslation();
  const { has } = useCapabilities();
  const allowed = has('READ_NOTIFICATIONS');
  const { data } = useQuery(UNREAD_COUNT_QUERY, { skip: !allowed });
  const unread = data?.unreadNotificationCount;
  const seen = useRef<number | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (unread === undefined) return;
    if (seen.current !== undefined && unread > seen.current) {
      setAnnouncement(t('notifications.arrived', { count: unread }));
    }
    seen.current = unread;
  }, [unread, t]);

  if (!allowed) return null;
  return (
    <>
      {/* The name is what it shows ("Notifications 3") and what the number means, for screen readers. */}
      <NavLink
        to="/notifications"
        end
        className={({ isActive }) => `usa-link${isActive ? ' text-bold' : ''}`}
      >
        {t('notifications.link')}
        {unread ? (
          <>
            {' '}
            <Tag className="hub-badge bg-secondary-dark">{formatNumber(unread, i18n.language)}</Tag>
            <span className="usa-sr-only"> {t('notifications.unreadSuffix')}</span>
          </>
        ) : null}
      </NavLink>
      <span role="status" className="usa-sr-only">
        {announcement}
      </span>
    </>
  );
}
