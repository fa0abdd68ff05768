import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { redactionsLink } from '../graphql/redactions';
import { INBOX_QUERY, InboxScreen, inboxFilter } from './inbox';
import { REFERRAL_QUERY, ReferralScreen } from './referral';

const FROM = { __typename: 'Agency', id: 'a-ngo', name: 'Harbor Light Survivor Services' };
const TO = { __typename: 'Agency', id: 'a-legal', name: 'Safe Passage Legal Aid' };
const COUNTS = { __typename: 'ReferralBoxCounts', needsAction: 1, received: 21, sent: 0, drafts: 0 };

function referralNode(id: string) {
  return {
    __typename: 'Referral',
    id,
    status: 'SENT',
    urgency: 'URGENT',
    needs: ['LEGAL'],
    createdAt: '2026-01-05T10:00:00.000Z',
    responseDueAt: '2026-01-06T10:00:00.000Z',
    fromAgency: FROM,
    toAgency: TO,
  };
}

function inboxPage(ids: string[], next: string | null) {
  return {
    referrals: {
      __typename: 'ReferralConnection',
      counts: COUNTS,
      edges: ids.map((id) => ({ __typename: 'ReferralEdge', node: referralNode(id) })),
      pageInfo: { __typename: 'PageInfo', endCursor: next ?? ids.at(-1), hasNextPage: next !== null },
    },
  };
}

function Where() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** The screens with a client whose network answers from `mocks`, through the app's redactions link. */
function renderAt(path: string, mocks: MockLink.MockedResponse[]) {
  const client = new ApolloClient({
    link: ApolloLink.from([redactionsLink, new MockLink(mocks)]),
    cache: new InMemoryCache(),
  });
  return render(
    <ApolloProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/referrals" element={<InboxScreen />} />
          <Route path="/referrals/:id" element={<ReferralScreen />} />
        </Routes>
        <Where />
      </MemoryRouter>
    </ApolloProvider>,
  );
}

describe('referral inbox', () => {
  it('reads only known boxes and statuses from the address', () => {
    expect(inboxFilter(new URLSearchParams('box=SENT&status=ACCEPTED'))).toEqual({
      box: 'SENT',
      status: 'ACCEPTED',
    });
    expect(inboxFilter(new URLSearchParams('box=<script>&status=nope'))).toEqual({
      box: 'RECEIVED',
      status: undefined,
    });
  });

  it('shows the counts per box and pages forward and back with the keyset cursor', async () => {
    const first = Array.from({ length: 20 }, (_, i) => `r${i}`);
    renderAt('/referrals?box=RECEIVED', [
      {
        request: { query: INBOX_QUERY, variables: { box: 'RECEIVED', first: 20 } },
        result: { data: inboxPage(first, 'cursor-20') },
        maxUsageCount: 2,
      },
      {
        request: { query: INBOX_QUERY, variables: { box: 'RECEIVED', first: 20, after: 'cursor-20' } },
        result: { data: inboxPage(['r20'], null) },
      },
    ]);
    const table = await screen.findByRole('table', { name: 'Referrals: Received' });
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    expect(screen.getByRole('link', { name: 'Received (21)' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Needs action (1)' })).not.toHaveAttribute('aria-current');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('button', { name: 'Previous page' });
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('button', { name: 'Next page' })).toBeVisible();
  });

  it('filters by status through the labelled select, starting again at the first page', async () => {
    renderAt('/referrals?box=SENT', [
      {
        request: { query: INBOX_QUERY, variables: { box: 'SENT', first: 20 } },
        result: { data: inboxPage([], null) },
      },
      {
        request: { query: INBOX_QUERY, variables: { box: 'SENT', status: 'DECLINED', first: 20 } },
        result: { data: inboxPage(['r1'], null) },
      },
    ]);
    expect(await screen.findByText('No referrals here.')).toBeVisible();
    await userEvent.setup().selectOptions(screen.getByLabelText('Status'), 'DECLINED');
    expect(screen.getByTestId('location')).toHaveTextContent('/referrals?box=SENT&status=DECLINED');
    const table = await screen.findByRole('table', { name: 'Referrals: Sent' });
    // The sent box names the recipient.
    expect(within(table).getByRole('columnheader', { name: 'To' })).toBeVisible();
    expect(within(table).getByRole('link', { name: TO.name })).toHaveAttribute('href', '/referrals/r1');
  });
});

describe('referral detail', () => {
  const survivor = {
    __typename: 'Survivor',
    reference: 'HL-0042',
    minor: false,
    ageBand: 'AGE_25_34',
    givenName: null,
    familyName: null,
    aliases: null,
    dateOfBirth: null,
    gender: null,
    phone: '+1 555 0100',
    email: null,
    address: null,
    preferredLanguage: 'es',
    interpreterNeeded: true,
    situationSummary: null,
    immigrationStatus: null,
    medicalNotes: null,
  };
  const referral = {
    __typename: 'Referral',
    id: 'ref-1',
    kind: 'STANDARD',
    status: 'SENT',
    urgency: 'URGENT',
    needs: ['LEGAL', 'IMMIGRATION_LEGAL'],
    notes: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    responseDueAt: null,
    ageBand: null,
    language: null,
    callback: null,
    sharedClasses: ['CONTACT', 'NEEDS'],
    survivorId: 's-1',
    fromAgency: FROM,
    toAgency: TO,
    outcome: null,
    decline: null,
    failureReason: null,
    survivor,
    events: [
      {
        __typename: 'ReferralEvent',
        id: 'e1',
        occurredAt: '2026-01-05T10:00:00.000Z',
        fromStatus: null,
        toStatus: 'DRAFT',
        reason: null,
        actorAgencyId: FROM.id,
      },
      {
        __typename: 'ReferralEvent',
        id: 'e2',
        occurredAt: '2026-01-05T10:05:00.000Z',
        fromStatus: 'DRAFT',
        toStatus: 'SENT',
        reason: 'Needs a lawyer this week',
        actorAgencyId: FROM.id,
      },
    ],
  };
  const redacted = (field: string) => ({ path: ['referral', 'survivor', field], reason: 'NOT_PERMITTED' });

  it('marks the fields the API withheld as not shared, tells them apart from empty ones, and shows the timeline', async () => {
    renderAt('/referrals/ref-1', [
      {
        request: { query: REFERRAL_QUERY, variables: { id: 'ref-1' } },
        result: {
          data: { referral },
          extensions: { redactions: ['givenName', 'familyName', 'situationSummary'].map(redacted) },
        },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral' })).toBeVisible();
    const field = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(field('Given name')).toHaveTextContent('Not shared with your agency');
    expect(field('Family name')).toHaveTextContent('Not shared with your agency');
    expect(field('Situation summary')).toHaveTextContent('Not shared with your agency');
    // Null but not withheld: nothing on file.
    expect(field('Gender')).toHaveTextContent('Not recorded');
    expect(field('Phone')).toHaveTextContent('+1 555 0100');
    expect(field('Interpreter needed')).toHaveTextContent('Yes');
    expect(field('Needs')).toHaveTextContent('Legal help, Immigration legal help');
    const timeline = screen.getByRole('heading', { name: 'Timeline' }).parentElement as HTMLElement;
    expect(
      within(timeline)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Draft', 'Sent']);
    expect(within(timeline).getByText('Needs a lawyer this week')).toBeVisible();
    // No transition buttons: the API does not say which the caller may make (docs/web.md).
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('answers a referral the caller may not see as not found', async () => {
    renderAt('/referrals/nope', [
      {
        request: { query: REFERRAL_QUERY, variables: { id: 'nope' } },
        result: { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] as never },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral not found' })).toBeVisible();
  });
});
