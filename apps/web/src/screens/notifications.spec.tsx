import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Capability } from '../gql/graphql';
import en from '../i18n/catalog.en';
import es from '../i18n/catalog.es';
import { UNREAD_COUNT_QUERY } from '../live-updates';
import { headlineKey, subjectPath } from './notification-subjects';
import {
  MARK_NOTIFICATIONS_READ,
  NOTIFICATION_QUERY,
  NOTIFICATIONS_QUERY,
  NotificationsLink,
} from './notifications';
import { REFERRAL_QUERY } from './referral';
import { capabilitiesMock, pressByKeyboard, REFERRAL_DETAIL, renderAt, unreadCountMock } from './testing';

const CASEWORKER: Capability[] = [
  'READ_REFERRALS',
  'READ_SURVIVORS',
  'READ_PROTOCOLS',
  'READ_NOTIFICATIONS',
  'CHOOSE_NOTIFICATION_DELIVERY',
  'READ_TECHNICAL_ASSISTANCE',
];

function notification(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Notification',
    id,
    eventType: 'REFERRAL_SENT',
    subjectType: 'Referral',
    subjectId: `ref-${id}`,
    message: 'A referral is now SENT.',
    createdAt: '2026-01-05T10:00:00.000Z',
    read: false,
    ...overrides,
  };
}

function page(nodes: ReturnType<typeof notification>[], unread: number, next: string | null = null) {
  return {
    notifications: {
      __typename: 'NotificationConnection',
      edges: nodes.map((node) => ({ __typename: 'NotificationEdge', node })),
      pageInfo: {
        __typename: 'PageInfo',
        endCursor: next ?? nodes.at(-1)?.id ?? null,
        hasNextPage: next !== null,
      },
    },
    unreadNotificationCount: unread,
  };
}

const feed = (variables: Record<string, unknown>, data: ReturnType<typeof page>, maxUsageCount = 1) => ({
  request: { query: NOTIFICATIONS_QUERY, variables: { first: 20, ...variables } },
  result: { data },
  maxUsageCount,
});
const marked = (input: Record<string, unknown>, result: { marked: number; unreadCount: number }) => ({
  request: { query: MARK_NOTIFICATIONS_READ, variables: { input } },
  result: {
    data: { markNotificationsRead: { __typename: 'MarkNotificationsReadPayload', ...result } },
  },
});
/** The referral screen a notification leads to. */
const referralScreen = (id: string) => ({
  request: { query: REFERRAL_QUERY, variables: { id } },
  result: { data: { referral: { ...REFERRAL_DETAIL, id } } },
});
const unreadInCache = (client: ApolloClient) =>
  client.readQuery({ query: UNREAD_COUNT_QUERY })?.unreadNotificationCount;

describe('notifications', () => {
  it('lists the feed newest first: translated headline, the API message, when, unread; each links to its record', async () => {
    renderAt('/notifications', [
      capabilitiesMock(CASEWORKER),
      feed(
        { unreadOnly: false },
        page(
          [
            notification('n1'),
            notification('n2', {
              eventType: 'PROTOCOL_PUBLISHED',
              subjectType: 'Protocol',
              subjectId: 'p-1',
              message: 'Version 2 of the protocol "Intake" was published.',
              read: true,
            }),
            notification('n3', {
              eventType: 'TA_REQUEST_ASSIGNED',
              subjectType: 'TechnicalAssistanceRequest',
              subjectId: 'ta-1',
            }),
            notification('n4', {
              eventType: 'BREAK_GLASS_ENDED',
              subjectType: 'BreakGlass',
              subjectId: 'bg-1',
            }),
            notification('n5', { eventType: 'SOMETHING_NEW', subjectType: 'Referral', subjectId: 'r-5' }),
          ],
          3,
        ),
      ),
    ]);
    const list = await screen.findByRole('list', { name: 'All notifications, newest first' });
    const items = within(list).getAllByRole('heading', { level: 2 });
    expect(items.map((heading) => heading.textContent)).toEqual([
      'New referral received',
      'Protocol published',
      'Technical-assistance request assigned to a provider',
      'Emergency (break-glass) access ended',
      'New notification',
    ]);
    expect(within(items[0]).getByRole('link')).toHaveAttribute('href', '/referrals/ref-n1');
    expect(within(items[1]).getByRole('link')).toHaveAttribute('href', '/protocols/p-1');
    expect(within(items[2]).getByRole('link')).toHaveAttribute('href', '/technical-assistance/ta-1');
    // No screen for a break-glass session: the notification is the news.
    expect(within(items[3]).queryByRole('link')).toBeNull();
    expect(screen.getByText('Version 2 of the protocol "Intake" was published.')).toBeVisible();
    // Unread: a tag and a button each; the read one has neither.
    expect(within(list).getAllByText('Unread')).toHaveLength(4);
    expect(screen.getAllByRole('button', { name: /^Mark as read/ })).toHaveLength(4);
    expect(screen.getByRole('link', { name: 'Unread (3)' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: 'All' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Choose how you hear of notifications' })).toHaveAttribute(
      'href',
      '/notifications/preferences',
    );
    expect(document.title).toBe('Notifications · Task Force Hub');
  });

  it('links a notification only to a screen the caller may open', () => {
    const about = { subjectType: 'Survivor', subjectId: 's-1' };
    expect(subjectPath(about, (capability) => capability === 'READ_SURVIVORS')).toBe('/survivors/s-1');
    expect(subjectPath(about, () => false)).toBeUndefined();
    expect(subjectPath({ subjectType: 'Consent', subjectId: 'c-1' }, () => true)).toBeUndefined();
    expect(subjectPath({ subjectType: 'Referral', subjectId: 'a/b' }, () => true)).toBe('/referrals/a%2Fb');
  });

  it('names every kind of notification the API publishes, in both languages (the e-mail headlines are the list)', () => {
    const templates = readFileSync(
      resolve(import.meta.dirname, '../../../../libs/notifications/src/delivery/email-templates.ts'),
      'utf8',
    );
    const headlines = templates.slice(
      templates.indexOf('export const HEADLINES'),
      templates.indexOf('const GENERIC'),
    );
    const kinds = [...headlines.matchAll(/^ {2}([A-Z][A-Z0-9_]*): \{/gm)].map((match) => match[1]);
    expect(kinds.length).toBeGreaterThan(20);
    const named = (language: 'en' | 'es') =>
      Object.keys(({ en, es }[language]['notifications'] as { event: Record<string, string> }).event).sort();
    expect(named('en')).toEqual([...kinds, 'OTHER'].sort());
    expect(named('es')).toEqual(named('en'));
    expect(headlineKey('REFERRAL_SENT', (key) => i18next.exists(key))).toBe(
      'notifications.event.REFERRAL_SENT',
    );
    expect(headlineKey('NOT_KNOWN_YET', (key) => i18next.exists(key))).toBe('notifications.event.OTHER');
  });

  it('shows unread only from the filter in the address, with its own empty state', async () => {
    renderAt('/notifications?show=unread', [
      capabilitiesMock(CASEWORKER),
      feed({ unreadOnly: true }, page([], 0)),
    ]);
    expect(await screen.findByText('You have read every notification.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('link', { name: 'Unread (0)' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull();
  });

  it('pages forward and back by keyset cursor', async () => {
    const first = Array.from({ length: 20 }, (_, i) => notification(`n${i}`, { read: true }));
    renderAt('/notifications', [
      capabilitiesMock(CASEWORKER),
      feed({ unreadOnly: false }, page(first, 0, 'cursor-20'), 2),
      feed({ unreadOnly: false, after: 'cursor-20' }, page([notification('n20', { read: true })], 0)),
    ]);
    const list = await screen.findByRole('list', { name: 'All notifications, newest first' });
    expect(within(list).getAllByRole('heading')).toHaveLength(20);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: /^All notifications/ })).getAllByRole('heading'),
      ).toHaveLength(1),
    );
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('button', { name: 'Next page' })).toBeVisible();
  });

  it('marks one read by keyboard: the badge count comes from the answer, the list reloads, the result is announced and focused', async () => {
    const { client } = renderAt('/notifications', [
      capabilitiesMock(CASEWORKER),
      feed({ unreadOnly: false }, page([notification('n1'), notification('n2')], 2)),
      marked({ ids: ['n1'] }, { marked: 1, unreadCount: 1 }),
      feed({ unreadOnly: false }, page([notification('n1', { read: true }), notification('n2')], 1)),
    ]);
    const user = userEvent.setup();
    const [first] = await screen.findAllByRole('button', { name: 'Mark as read: New referral received' });
    await pressByKeyboard(user, first);
    const result = await screen.findByRole('heading', { name: '1 notification marked as read' });
    await waitFor(() => expect(result.closest('[tabindex="-1"]')).toHaveFocus());
    expect(unreadInCache(client)).toBe(1);
    expect(screen.getAllByRole('button', { name: /^Mark as read/ })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Unread (1)' })).toBeVisible();
  });

  it('marks all read', async () => {
    const { client } = renderAt('/notifications', [
      capabilitiesMock(CASEWORKER),
      feed({ unreadOnly: false }, page([notification('n1'), notification('n2')], 2)),
      marked({ all: true }, { marked: 2, unreadCount: 0 }),
      feed(
        { unreadOnly: false },
        page([notification('n1', { read: true }), notification('n2', { read: true })], 0),
      ),
    ]);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByRole('heading', { name: '2 notifications marked as read' })).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull());
    expect(screen.queryAllByRole('button', { name: /^Mark as read/ })).toEqual([]);
    expect(unreadInCache(client)).toBe(0);
  });

  it('says so when marking fails, and changes nothing on screen', async () => {
    renderAt('/notifications', [
      capabilitiesMock(CASEWORKER),
      feed({ unreadOnly: false }, page([notification('n1')], 1)),
      {
        request: { query: MARK_NOTIFICATIONS_READ, variables: { input: { all: true } } },
        result: { errors: [{ message: 'Not permitted', extensions: { code: 'FORBIDDEN' } }] },
      },
    ]);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByRole('heading', { name: 'You are not permitted to do this.' })).toBeVisible();
    expect(screen.getAllByRole('button', { name: /^Mark as read/ })).toHaveLength(1);
  });

  it('following a notification reads it and opens its record', async () => {
    const { client } = renderAt('/notifications', [
      capabilitiesMock(CASEWORKER),
      feed({ unreadOnly: false }, page([notification('n1')], 1)),
      marked({ ids: ['n1'] }, { marked: 1, unreadCount: 0 }),
      referralScreen('ref-n1'),
    ]);
    await userEvent.setup().click(await screen.findByRole('link', { name: 'New referral received' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/referrals/ref-n1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral' })).toBeVisible();
    await waitFor(() => expect(unreadInCache(client)).toBe(0));
  });
});

describe('one notification (where an e-mail links)', () => {
  it('reads it and goes on to its record', async () => {
    const { client } = renderAt('/notifications/n1', [
      capabilitiesMock(CASEWORKER),
      {
        request: { query: NOTIFICATION_QUERY, variables: { id: 'n1' } },
        result: { data: { notification: notification('n1') } },
      },
      marked({ ids: ['n1'] }, { marked: 1, unreadCount: 4 }),
      referralScreen('ref-n1'),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent('/referrals/ref-n1');
    await waitFor(() => expect(unreadInCache(client)).toBe(4));
  });

  it('shows one about a record without a screen here, already read', async () => {
    renderAt('/notifications/n4', [
      capabilitiesMock(CASEWORKER),
      {
        request: { query: NOTIFICATION_QUERY, variables: { id: 'n4' } },
        result: {
          data: {
            notification: notification('n4', {
              eventType: 'BREAK_GLASS_REVIEWED',
              subjectType: 'BreakGlass',
              message: 'A break-glass session opened by your agency was reviewed: justified.',
              read: true,
            }),
          },
        },
      },
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Emergency (break-glass) access reviewed' }),
    ).toBeVisible();
    expect(
      screen.getByText('A break-glass session opened by your agency was reviewed: justified.'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'All notifications' })).toHaveAttribute('href', '/notifications');
    expect(screen.getByTestId('location')).toHaveTextContent('/notifications/n4');
  });

  it("answers another agency's (or a missing) notification as not found", async () => {
    renderAt('/notifications/theirs', [
      capabilitiesMock(CASEWORKER),
      {
        request: { query: NOTIFICATION_QUERY, variables: { id: 'theirs' } },
        result: { errors: [{ message: 'Notification theirs not found', extensions: { code: 'NOT_FOUND' } }] },
      },
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This notification was not found' }),
    ).toBeVisible();
  });

  it('is "page not found" for a caller who may not read notifications', async () => {
    renderAt('/notifications', [capabilitiesMock(['ADMINISTER_AGENCIES'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});

describe("the header's notifications link", () => {
  function header(capabilities: Capability[], counts: number[]) {
    const client = new ApolloClient({
      link: ApolloLink.from([new MockLink([capabilitiesMock(capabilities), ...counts.map(unreadCountMock)])]),
      cache: new InMemoryCache(),
    });
    render(
      <ApolloProvider client={client}>
        <MemoryRouter>
          <NotificationsLink />
        </MemoryRouter>
      </ApolloProvider>,
    );
    return client;
  }

  it('shows the unread count, names it for screen readers, and announces a rise', async () => {
    const client = header(CASEWORKER, [2]);
    const link = await screen.findByRole('link', { name: 'Notifications 2 unread' });
    expect(link).toHaveAttribute('href', '/notifications');
    expect(within(link).getByText('2')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('');
    client.writeQuery({ query: UNREAD_COUNT_QUERY, data: { unreadNotificationCount: 3 } });
    expect(await screen.findByRole('link', { name: 'Notifications 3 unread' })).toBeVisible();
    // The announcement is the next render's (an effect compares the count with the one seen before).
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('You have 3 unread notifications.'),
    );
    client.writeQuery({ query: UNREAD_COUNT_QUERY, data: { unreadNotificationCount: 0 } });
    expect(await screen.findByRole('link', { name: 'Notifications' })).toBeVisible();
  });

  it('is absent for a caller who may not read notifications', async () => {
    header(['ADMINISTER_AGENCIES'], []);
    await waitFor(() => expect(screen.queryByRole('link')).toBeNull());
    expect(screen.queryByRole('status')).toBeNull();
  });
});
