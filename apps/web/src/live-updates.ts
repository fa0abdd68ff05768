import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useEffect } from 'react';
import { useCapabilities } from './capabilities';
import { graphql } from './gql';
import type { LiveConnection } from './graphql/live';

/** The caller's referral box counts, pushed now and on each change (one cached entity: createCache). */
export const INBOX_COUNTS_SUBSCRIPTION = graphql(`
  subscription InboxCounts {
    inboxCounts {
      needsAction
      received
      sent
      drafts
    }
  }
`);

/** Each new notification of the caller's agency, as the feed shows it (its fragment: notifications.tsx). */
export const NOTIFICATION_RECEIVED_SUBSCRIPTION = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      ...NotificationRow
    }
  }
`);

/** The badge's number (also Home's): one cached root field, refreshed by every path below. */
export const UNREAD_COUNT_QUERY = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/** What polling asks for while the live connection is down: the same facts the subscriptions push. */
export const LIVE_POLL_QUERY = graphql(`
  query LivePoll($counts: Boolean!, $notifications: Boolean!) {
    referrals(box: NEEDS_ACTION, first: 1) @include(if: $counts) {
      counts {
        needsAction
        received
        sent
        drafts
      }
    }
    unreadNotificationCount @include(if: $notifications)
  }
`);

/** The timers live updates use; tests hand in Vitest's fake ones (the defaults are the page's). */
export interface LiveTimers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface LiveUpdatesOptions {
  /** Subscribe to (and poll) the box counts: the caller may read referrals. */
  counts: boolean;
  /** Subscribe to (and poll) notifications: the caller may read them. */
  notifications: boolean;
  /** How often to poll while the connection is down. */
  pollMs?: number;
  /** How long after the API ended the subscriptions (a refused token, an outage) to subscribe again. */
  resubscribeMs?: number;
  timers?: LiveTimers;
  /** A hidden tab does not poll (it catches up when the connection or a screen loads again). */
  isVisible?: () => boolean;
}

/**
 * The query of the screen that shows one record of each kind a notification can be about
 * (`subjectType`; the record's id is the query's `$id`). A notification reloads that screen when it
 * is open on that record; an action form open there starts again on the record as it now is (or
 * closes, when the action is no longer offered), as after any reload.
 */
const RECORD_SCREENS: Readonly<Record<string, string>> = {
  Referral: 'ReferralDetail',
  TechnicalAssistanceRequest: 'TechnicalAssistanceRequestDetail',
  Protocol: 'ProtocolDetail',
  Survivor: 'SurvivorDetail',
};

export const POLL_MS = 30_000;
export const RESUBSCRIBE_MS = 30_000;

const PAGE_TIMERS: LiveTimers = {
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/**
 * Keeps the cache's counts live: the subscriptions write the box counts and each new notification
 * into the cache (every screen showing them re-renders), a new notification refreshes the unread
 * count, the notification list on screen and the screen of the record it is about if that is open,
 * and changed counts refresh the inbox on screen. While
 * the connection is down — or was never possible — it polls the same facts instead, and after the
 * API ended the subscriptions it subscribes again later. Returns the stop.
 */
export function startLiveUpdates(
  client: ApolloClient,
  connection: LiveConnection | undefined,
  options: LiveUpdatesOptions,
): () => void {
  const timers = options.timers ?? PAGE_TIMERS;
  const pollMs = options.pollMs ?? POLL_MS;
  const resubscribeMs = options.resubscribeMs ?? RESUBSCRIBE_MS;
  const isVisible = options.isVisible ?? (() => document.visibilityState !== 'hidden');
  if (!options.counts && !options.notifications) return () => undefined;

  let stopped = false;
  let pollTimer: unknown;
  let resubscribeTimer: unknown;
  let subscriptions: { unsubscribe(): void }[] = [];
  let lastCounts: string | undefined;
  let connectedBefore = false;

  const poll = () => {
    pollTimer = timers.setTimeout(poll, pollMs);
    if (!isVisible()) return;
    void client
      .query({
        query: LIVE_POLL_QUERY,
        variables: { counts: options.counts, notifications: options.notifications },
        fetchPolicy: 'network-only',
      })
      .catch(() => undefined);
  };
  const startPolling = () => {
    if (stopped || pollTimer !== undefined) return;
    pollTimer = timers.setTimeout(poll, pollMs);
  };
  const stopPolling = () => {
    if (pollTimer !== undefined) timers.clearTimeout(pollTimer);
    pollTimer = undefined;
  };
  const refreshUnread = () =>
    void client.query({ query: UNREAD_COUNT_QUERY, fetchPolicy: 'network-only' }).catch(() => undefined);
  // Only a screen showing it (asking by name for one that is not would only warn); `id`: only the
  // screen of that record.
  const refreshOnScreen = (queryName: string, id?: string) => {
    for (const query of client.getObservableQueries('active')) {
      if (query.queryName !== queryName) continue;
      if (id !== undefined && query.variables?.['id'] !== id) continue;
      void query.refetch().catch(() => undefined);
    }
  };

  const unsubscribe = () => {
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    subscriptions = [];
  };
  // The API ended a subscription (refused token, outage) or it could not start: poll, try again later.
  const ended = () => {
    if (stopped || resubscribeTimer !== undefined) return;
    unsubscribe();
    startPolling();
    resubscribeTimer = timers.setTimeout(() => {
      resubscribeTimer = undefined;
      subscribe();
    }, resubscribeMs);
  };
  const subscribe = () => {
    if (stopped || !connection) return;
    if (options.counts) {
      subscriptions.push(
        client.subscribe({ query: INBOX_COUNTS_SUBSCRIPTION }).subscribe({
          next: ({ data, error }) => {
            if (error || !data) return ended();
            const counts = JSON.stringify(data.inboxCounts);
            // The first answer only confirms what the screens loaded; a change means new referrals.
            if (lastCounts !== undefined && counts !== lastCounts) {
              refreshOnScreen('Inbox');
            }
            lastCounts = counts;
          },
          complete: ended,
        }),
      );
    }
    if (options.notifications) {
      subscriptions.push(
        client.subscribe({ query: NOTIFICATION_RECEIVED_SUBSCRIPTION }).subscribe({
          next: ({ data, error }) => {
            if (error || !data) return ended();
            refreshUnread();
            refreshOnScreen('Notifications');
            // The record it is about, if it is on screen: another agency's move shows at once.
            const { subjectType, subjectId } = data.notificationReceived;
            const recordScreen = RECORD_SCREENS[subjectType];
            if (recordScreen) refreshOnScreen(recordScreen, subjectId);
          },
          complete: ended,
        }),
      );
    }
  };

  const stopState = connection?.onState((state) => {
    if (state === 'connected') {
      stopPolling();
      // Notifications announced while the socket was away are not replayed: re-read the count.
      if (connectedBefore && options.notifications) refreshUnread();
      connectedBefore = true;
    } else if (state === 'closed') {
      startPolling();
    }
  });
  if (connection) subscribe();
  else startPolling();

  return () => {
    stopped = true;
    stopState?.();
    unsubscribe();
    stopPolling();
    if (resubscribeTimer !== undefined) timers.clearTimeout(resubscribeTimer);
  };
}

/**
 * The app's live updates for the signed-in caller: subscriptions for what the policy lets them
 * read (`me.capabilities`), polling when they fail. Rendered once, inside the ApolloProvider.
 */
export function LiveUpdates(props: { connection?: LiveConnection }) {
  const client = useApolloClient();
  const { has, loading } = useCapabilities();
  const counts = !loading && has('READ_REFERRALS');
  const notifications = !loading && has('READ_NOTIFICATIONS');
  useEffect(
    () => startLiveUpdates(client, props.connection, { counts, notifications }),
    [client, props.connection, counts, notifications],
  );
  return null;
}
