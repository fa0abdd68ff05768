import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { INBOX_QUERY, inboxFilter } from './inbox';
import { REFERRAL_QUERY } from './referral';
import { capabilitiesMock, FROM, REFERRAL_DETAIL as referral, renderAt, TO } from './testing';

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

describe('referral inbox', () => {
  it('reads only known boxes, statuses and needs from the address', () => {
    expect(inboxFilter(new URLSearchParams('box=SENT&status=ACCEPTED&need=LEGAL'))).toStrictEqual({
      box: 'SENT',
      status: 'ACCEPTED',
      need: 'LEGAL',
    });
    expect(inboxFilter(new URLSearchParams('box=<script>&status=nope&need=legal'))).toStrictEqual({
      box: 'RECEIVED',
      status: undefined,
      need: undefined,
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
    // The button pressed is gone on the last page: the focus is at the top of the new page, on the
    // frame after the page is drawn (focusSoon).
    await waitFor(() => expect(screen.getByRole('table').closest('[tabindex="-1"]')).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('button', { name: 'Next page' })).toBeVisible();
    await waitFor(() => expect(screen.getByRole('table').closest('[tabindex="-1"]')).toHaveFocus());
  });

  it('a new filter starts again at the first page, and the select keeps the focus', async () => {
    const first = Array.from({ length: 20 }, (_, i) => `r${i}`);
    renderAt('/referrals?box=RECEIVED', [
      {
        request: { query: INBOX_QUERY, variables: { box: 'RECEIVED', first: 20 } },
        result: { data: inboxPage(first, 'cursor-20') },
      },
      {
        request: { query: INBOX_QUERY, variables: { box: 'RECEIVED', first: 20, after: 'cursor-20' } },
        result: { data: inboxPage(['r20'], null) },
      },
      {
        request: { query: INBOX_QUERY, variables: { box: 'RECEIVED', status: 'ACCEPTED', first: 20 } },
        result: { data: inboxPage(['r7'], null) },
      },
    ]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    await screen.findByRole('button', { name: 'Previous page' });
    const select = screen.getByLabelText('Status');
    await user.selectOptions(select, 'ACCEPTED');
    expect(screen.getByTestId('location')).toHaveTextContent('/referrals?box=RECEIVED&status=ACCEPTED');
    const table = await screen.findByRole('table', { name: 'Referrals: Received' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByRole('link', { name: FROM.name })).toHaveAttribute('href', '/referrals/r7');
    expect(screen.queryByRole('button', { name: 'Previous page' })).toBeNull();
    expect(select).toHaveFocus();
  });

  it('filters by need beside the status, both in the address; a new need starts at the first page, "All needs" lifts it', async () => {
    const first = Array.from({ length: 20 }, (_, i) => `r${i}`);
    renderAt('/referrals?box=RECEIVED&status=ACCEPTED', [
      {
        request: { query: INBOX_QUERY, variables: { box: 'RECEIVED', status: 'ACCEPTED', first: 20 } },
        result: { data: inboxPage(first, 'cursor-20') },
        maxUsageCount: 2,
      },
      {
        request: {
          query: INBOX_QUERY,
          variables: { box: 'RECEIVED', status: 'ACCEPTED', first: 20, after: 'cursor-20' },
        },
        result: { data: inboxPage(['r20'], null) },
      },
      {
        request: {
          query: INBOX_QUERY,
          variables: { box: 'RECEIVED', status: 'ACCEPTED', need: 'IMMIGRATION_LEGAL', first: 20 },
        },
        result: { data: inboxPage(['r7'], null) },
      },
    ]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    await screen.findByRole('button', { name: 'Previous page' });
    const select = screen.getByLabelText('Need');
    expect(select).toHaveValue('');
    await user.selectOptions(select, 'Immigration legal help');
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/referrals?box=RECEIVED&status=ACCEPTED&need=IMMIGRATION_LEGAL',
    );
    const table = await screen.findByRole('table', { name: 'Referrals: Received' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByRole('link', { name: FROM.name })).toHaveAttribute('href', '/referrals/r7');
    expect(screen.queryByRole('button', { name: 'Previous page' })).toBeNull();
    expect(screen.getByLabelText('Status')).toHaveValue('ACCEPTED');
    expect(select).toHaveFocus();

    // Lifting the need keeps the status, and starts at page one — not on the page left before the need.
    await user.selectOptions(select, 'All needs');
    expect(screen.getByTestId('location')).toHaveTextContent(/\/referrals\?box=RECEIVED&status=ACCEPTED$/);
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(21));
    expect(screen.queryByRole('button', { name: 'Previous page' })).toBeNull();
    expect(select).toHaveFocus();
  });

  it('a need in the address is applied at once and shown in its select; a box link starts that box unfiltered', async () => {
    renderAt('/referrals?box=SENT&need=HOUSING_AND_SHELTER', [
      {
        request: { query: INBOX_QUERY, variables: { box: 'SENT', need: 'HOUSING_AND_SHELTER', first: 20 } },
        result: { data: inboxPage([], null) },
      },
      {
        request: { query: INBOX_QUERY, variables: { box: 'RECEIVED', first: 20 } },
        result: { data: inboxPage(['r1'], null) },
      },
    ]);
    expect(await screen.findByText('No referrals here.')).toBeVisible();
    expect(screen.getByLabelText('Need')).toHaveValue('HOUSING_AND_SHELTER');
    await userEvent.setup().click(screen.getByRole('link', { name: /^Received/ }));
    expect(await screen.findByRole('table', { name: 'Referrals: Received' })).toBeVisible();
    expect(screen.getByLabelText('Need')).toHaveValue('');
  });

  it('a box that failed to load says so instead of looking empty', async () => {
    renderAt('/referrals?box=SENT', [
      { request: { query: INBOX_QUERY, variables: { box: 'SENT', first: 20 } }, error: new Error('offline') },
    ]);
    expect(
      await screen.findByRole('heading', { name: 'This could not be loaded. Try again in a moment.' }),
    ).toBeVisible();
    expect(screen.queryByText('No referrals here.')).toBeNull();
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
    // An empty box is said in the status line, so a screen reader hears it.
    expect(await screen.findByText('No referrals here.')).toHaveAttribute('role', 'status');
    await userEvent.setup().selectOptions(screen.getByLabelText('Status'), 'DECLINED');
    expect(screen.getByTestId('location')).toHaveTextContent('/referrals?box=SENT&status=DECLINED');
    const table = await screen.findByRole('table', { name: 'Referrals: Sent' });
    // The sent box names the recipient.
    expect(within(table).getByRole('columnheader', { name: 'To' })).toBeVisible();
    expect(within(table).getByRole('link', { name: TO.name })).toHaveAttribute('href', '/referrals/r1');
  });
});

describe('referral detail', () => {
  const redacted = (field: string) => ({ path: ['referral', 'survivor', field], reason: 'NOT_PERMITTED' });

  it('marks the fields the API withheld as not shared, tells them apart from empty ones, and shows the timeline', async () => {
    renderAt('/referrals/ref-1', [
      capabilitiesMock([]),
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
    // The API lists no action for this caller: no button at all (none that would fail).
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('heading', { name: 'What you can do' })).toBeNull();
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
