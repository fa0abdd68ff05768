import { ApolloClient, ApolloLink } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { Observable, type Subscriber } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCache } from './graphql/client';
import { createLiveConnection, type LiveConnection, type LiveState, websocketUrl } from './graphql/live';
import { POLL_MS, RESUBSCRIBE_MS, startLiveUpdates, UNREAD_COUNT_QUERY } from './live-updates';
import { HOME_QUERY } from './screens/home';
import { INBOX_QUERY } from './screens/inbox';
import { NOTIFICATIONS_QUERY } from './screens/notifications';
import { REFERRAL_QUERY } from './screens/referral';

const counts = (needsAction: number) => ({
  __typename: 'ReferralBoxCounts',
  needsAction,
  received: needsAction + 10,
  sent: 3,
  drafts: 1,
});

/**
 * The network as the cache sees it: subscriptions are held open for the test to push into (or end),
 * queries answer from `answers` by operation name and are recorded.
 */
class TestNetwork extends ApolloLink {
  readonly streams = new Map<string, Subscriber<ApolloLink.Result>>();
  readonly asked: { name: string; variables: Record<string, unknown> }[] = [];
  unread = 0;
  needsAction = 1;

  constructor() {
    super((operation) => {
      const name = operation.operationName ?? '';
      if (operation.operationType === OperationTypeNode.SUBSCRIPTION) {
        return new Observable((subscriber) => {
          this.streams.set(name, subscriber);
          return () => {
            if (this.streams.get(name) === subscriber) this.streams.delete(name);
          };
        });
      }
      this.asked.push({ name, variables: operation.variables });
      return new Observable((subscriber) => {
        subscriber.next({ data: this.answer(name, operation.variables) });
        subscriber.complete();
      });
    });
  }

  answer(name: string, variables: Record<string, unknown>): Record<string, unknown> {
    const page = {
      __typename: 'ReferralConnection',
      counts: counts(this.needsAction),
      edges: [],
      pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
    };
    switch (name) {
      case 'UnreadNotificationCount':
        return { unreadNotificationCount: this.unread };
      case 'LivePoll':
        return {
          ...(variables['counts']
            ? { referrals: { __typename: 'ReferralConnection', counts: counts(this.needsAction) } }
            : {}),
          ...(variables['notifications'] ? { unreadNotificationCount: this.unread } : {}),
        };
      case 'Inbox':
        return { referrals: page };
      case 'ReferralDetail':
        return { referral: { __typename: 'Referral', id: variables['id'], status: 'SENT' } };
      case 'Notifications':
        return {
          notifications: {
            __typename: 'NotificationConnection',
            edges: [],
            pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          },
          unreadNotificationCount: this.unread,
        };
      default:
        throw new Error(`no answer for ${name}`);
    }
  }

  push(name: string, data: Record<string, unknown>) {
    const stream = this.streams.get(name);
    if (!stream) throw new Error(`nobody subscribed to ${name}`);
    stream.next({ data });
  }

  names = () => this.asked.map((request) => request.name);
}

/** A live connection whose state the test moves. */
function fakeConnection() {
  const listeners = new Set<(state: LiveState) => void>();
  const connection: LiveConnection = {
    client: undefined as never,
    restart: vi.fn(),
    dispose: vi.fn(),
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { connection, emit: (state: LiveState) => listeners.forEach((listener) => listener(state)) };
}

const timers = {
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

let stops: (() => void)[] = [];
function start(
  options: { counts?: boolean; notifications?: boolean; live?: boolean; visible?: () => boolean } = {},
) {
  const network = new TestNetwork();
  const client = new ApolloClient({ link: network, cache: createCache() });
  const { connection, emit } = fakeConnection();
  const stop = startLiveUpdates(client, options.live === false ? undefined : connection, {
    counts: options.counts ?? true,
    notifications: options.notifications ?? true,
    timers,
    isVisible: options.visible ?? (() => true),
  });
  stops.push(stop);
  return { network, client, emit, stop };
}
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
  vi.useRealTimers();
});

describe('live updates: the subscriptions write into the cache every screen reads', () => {
  it("a pushed inboxCounts becomes the counts of Home and of the inbox's boxes", async () => {
    const { network, client } = start();
    client.writeQuery({
      query: HOME_QUERY,
      data: { referrals: { counts: counts(1) }, unreadNotificationCount: 0 } as never,
    });
    client.writeQuery({
      query: INBOX_QUERY,
      variables: { box: 'RECEIVED', first: 20 },
      data: network.answer('Inbox', {}) as never,
    });
    await settle();
    network.push('InboxCounts', { inboxCounts: counts(2) });
    await settle();
    expect(client.readQuery({ query: HOME_QUERY })?.referrals.counts).toEqual(counts(2));
    expect(
      client.readQuery({ query: INBOX_QUERY, variables: { box: 'RECEIVED', first: 20 } })?.referrals.counts
        .needsAction,
    ).toBe(2);
  });

  it('a change of the counts (not their first answer) reloads the inbox on screen', async () => {
    const { network, client } = start();
    network.needsAction = 1;
    const inbox = client
      .watchQuery({ query: INBOX_QUERY, variables: { box: 'RECEIVED', first: 20 } })
      .subscribe(() => undefined);
    await settle();
    expect(network.names()).toEqual(['Inbox']);
    network.push('InboxCounts', { inboxCounts: counts(1) });
    await settle();
    expect(network.names()).toEqual(['Inbox']);
    network.needsAction = 2;
    network.push('InboxCounts', { inboxCounts: counts(2) });
    await settle();
    expect(network.names()).toEqual(['Inbox', 'Inbox']);
    inbox.unsubscribe();
  });

  it('a new notification re-reads the unread count (the badge) and reloads the notification list on screen', async () => {
    const { network, client } = start();
    const list = client
      .watchQuery({
        query: NOTIFICATIONS_QUERY,
        variables: { first: 20, unreadOnly: false },
      })
      .subscribe(() => undefined);
    await settle();
    network.unread = 5;
    network.push('NotificationReceived', {
      notificationReceived: {
        __typename: 'Notification',
        id: 'n-9',
        eventType: 'REFERRAL_SENT',
        subjectType: 'Referral',
        subjectId: 'r-9',
        message: 'A referral is now SENT.',
        createdAt: '2026-01-05T10:00:00.000Z',
        read: false,
      },
    });
    await settle();
    expect(network.names().sort()).toEqual(['Notifications', 'Notifications', 'UnreadNotificationCount']);
    expect(client.readQuery({ query: UNREAD_COUNT_QUERY })?.unreadNotificationCount).toBe(5);
    list.unsubscribe();
  });

  it('a notification about a record reloads the screen of that record, if it is open, and no other', async () => {
    const { network, client } = start();
    // Two referral screens as the app queries them (no cache: survivor fields never stay in the store).
    const screens = ['r-9', 'r-1'].map((id) =>
      client
        .watchQuery({ query: REFERRAL_QUERY, variables: { id }, fetchPolicy: 'no-cache' })
        .subscribe(() => undefined),
    );
    await settle();
    const referralReads = () =>
      network.asked
        .filter((request) => request.name === 'ReferralDetail')
        .map((request) => request.variables['id']);
    expect(referralReads().sort()).toEqual(['r-1', 'r-9']);
    const notice = (subjectType: string, subjectId: string) => ({
      notificationReceived: {
        __typename: 'Notification',
        id: `n-${subjectId}`,
        eventType: 'REFERRAL_ACCEPTED',
        subjectType,
        subjectId,
        message: 'A referral is now ACCEPTED.',
        createdAt: '2026-01-05T10:00:00.000Z',
        read: false,
      },
    });
    network.push('NotificationReceived', notice('Referral', 'r-9'));
    await settle();
    expect(referralReads().sort()).toEqual(['r-1', 'r-9', 'r-9']);
    // Another kind with the same id, and a referral not on screen: no referral screen reloads.
    network.push('NotificationReceived', notice('TechnicalAssistanceRequest', 'r-1'));
    network.push('NotificationReceived', notice('Referral', 'r-5'));
    await settle();
    expect(referralReads().sort()).toEqual(['r-1', 'r-9', 'r-9']);
    screens.forEach((screen) => screen.unsubscribe());
  });
});

describe('live updates: polling when the subscriptions cannot run', () => {
  it('polls the same facts after the API ended the subscriptions, and subscribes again later', async () => {
    const { network, client } = start();
    client.writeQuery({
      query: HOME_QUERY,
      data: { referrals: { counts: counts(1) }, unreadNotificationCount: 0 } as never,
    });
    await settle();
    network.streams.get('InboxCounts')?.error(new Error('Socket closed with event 4401 Token expired'));
    await settle();
    expect(network.streams.size).toBe(0);
    network.needsAction = 7;
    network.unread = 2;
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(network.asked).toEqual([{ name: 'LivePoll', variables: { counts: true, notifications: true } }]);
    // Into the same cache entries the screens read: Home's counts and the badge.
    expect(client.readQuery({ query: HOME_QUERY })).toEqual({
      referrals: { __typename: 'ReferralConnection', counts: counts(7) },
      unreadNotificationCount: 2,
    });
    await vi.advanceTimersByTimeAsync(RESUBSCRIBE_MS - POLL_MS);
    expect([...network.streams.keys()].sort()).toEqual(['InboxCounts', 'NotificationReceived']);
  });

  it('polls while the connection is down, stops when it is back, and then re-reads the unread count', async () => {
    const { network, emit } = start();
    emit('connected');
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(network.names()).toEqual([]);
    emit('closed');
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(network.names()).toEqual(['LivePoll', 'LivePoll']);
    emit('connecting');
    emit('connected');
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    // Notifications announced while it was away are not replayed: the count is read again.
    expect(network.names()).toEqual(['LivePoll', 'LivePoll', 'UnreadNotificationCount']);
  });

  it('subscribes to and polls only what the caller may read', async () => {
    const { network, emit } = start({ counts: true, notifications: false });
    await settle();
    expect([...network.streams.keys()]).toEqual(['InboxCounts']);
    emit('closed');
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(network.asked).toEqual([{ name: 'LivePoll', variables: { counts: true, notifications: false } }]);
  });

  it('polls from the start without a live connection, but not in a hidden tab; stops on sign-out', async () => {
    let visible = false;
    const { network, stop } = start({ live: false, visible: () => visible });
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(network.names()).toEqual([]);
    visible = true;
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(network.names()).toEqual(['LivePoll']);
    stop();
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(network.names()).toEqual(['LivePoll']);
  });
});

/** Just enough of a browser WebSocket for graphql-ws, answering connection_init with an ack. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static opened: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  readonly sent: { type: string; payload?: Record<string, unknown> }[] = [];
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closedWith?: number;

  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeSocket.opened.push(this);
    setTimeout(() => {
      this.readyState = FakeSocket.OPEN;
      this.onopen?.();
    }, 0);
  }

  send(data: string) {
    const message = JSON.parse(data) as { type: string; payload?: Record<string, unknown> };
    this.sent.push(message);
    if (message.type === 'connection_init') {
      setTimeout(() => this.onmessage?.({ data: JSON.stringify({ type: 'connection_ack' }) }), 0);
    }
  }

  close(code = 1000, reason = '') {
    this.closedWith = code;
    this.readyState = FakeSocket.CLOSED;
    setTimeout(() => this.onclose?.({ code, reason, wasClean: true }), 0);
  }
}

describe('the live connection', () => {
  beforeEach(() => {
    FakeSocket.opened = [];
  });

  it('is on the GraphQL path of the page’s own origin, ws: or wss: as the page', () => {
    expect(websocketUrl('/graphql', { href: 'http://127.0.0.1:4200/referrals' })).toBe(
      'ws://127.0.0.1:4200/graphql',
    );
    expect(websocketUrl('/graphql', { href: 'https://hub.example.org/' })).toBe(
      'wss://hub.example.org/graphql',
    );
    expect(websocketUrl('https://api.example.org/graphql', { href: 'https://hub.example.org/' })).toBe(
      'wss://api.example.org/graphql',
    );
  });

  it('authenticates with the current token, and re-opens with the renewed one on restart', async () => {
    let token = 'first-token';
    const states: LiveState[] = [];
    const live = createLiveConnection({
      url: 'ws://127.0.0.1:4200/graphql',
      accessToken: () => token,
      webSocketImpl: FakeSocket,
      retryWait: () => Promise.resolve(),
    });
    live.onState((state) => states.push(state));
    const events: unknown[] = [];
    const stop = live.client.subscribe(
      { query: 'subscription { inboxCounts { needsAction } }' },
      {
        next: (value) => events.push(value),
        error: (error) => events.push(error),
        complete: () => undefined,
      },
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeSocket.opened.map((socket) => [socket.url, socket.protocol])).toEqual([
      ['ws://127.0.0.1:4200/graphql', 'graphql-transport-ws'],
    ]);
    expect(FakeSocket.opened[0].sent.slice(0, 2)).toEqual([
      { type: 'connection_init', payload: { authorization: 'Bearer first-token' } },
      {
        type: 'subscribe',
        id: expect.any(String),
        payload: { query: 'subscription { inboxCounts { needsAction } }' },
      },
    ]);

    token = 'renewed-token';
    live.restart();
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeSocket.opened[0].closedWith).toBe(4205);
    expect(FakeSocket.opened).toHaveLength(2);
    // The subscription carries on over the new socket, authenticated with the renewed token.
    expect(
      FakeSocket.opened[1].sent.map((message) => [message.type, message.payload?.['authorization'] ?? null]),
    ).toEqual([
      ['connection_init', 'Bearer renewed-token'],
      ['subscribe', null],
    ]);
    expect(events).toEqual([]);
    expect(states).toEqual(['connecting', 'connected', 'closed', 'connecting', 'connected']);
    stop();
    live.dispose();
  });
});
