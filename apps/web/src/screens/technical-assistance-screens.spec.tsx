import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TA_LIST_QUERY, taListFilter } from './technical-assistance-list';
import { ADD_TA_MESSAGE, TA_REQUEST_QUERY } from './technical-assistance-request';
import { capabilitiesMock, renderAt } from './testing';
import {
  COORDINATOR_AGENCY_ID,
  PROVIDER,
  REQUESTER,
  TA_DETAIL,
  taDetail,
} from './technical-assistance.testing';

function listNode(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'TechnicalAssistanceRequest',
    id,
    topic: 'LABOR_TRAFFICKING',
    type: 'CONSULTATION',
    status: 'SUBMITTED',
    urgency: 'URGENT',
    priority: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    requestingAgency: REQUESTER,
    assignedAgency: null,
    ...overrides,
  };
}
function listPage(ids: string[], next: string | null, overrides: Record<string, unknown> = {}) {
  return {
    technicalAssistanceRequests: {
      __typename: 'TechnicalAssistanceRequestConnection',
      edges: ids.map((id) => ({
        __typename: 'TechnicalAssistanceRequestEdge',
        node: listNode(id, overrides),
      })),
      pageInfo: { __typename: 'PageInfo', endCursor: next ?? ids.at(-1) ?? null, hasNextPage: next !== null },
    },
  };
}
const COORDINATOR = capabilitiesMock([
  'READ_TECHNICAL_ASSISTANCE',
  'REQUEST_TECHNICAL_ASSISTANCE',
  'TRIAGE_TECHNICAL_ASSISTANCE',
]);

describe('technical-assistance lists: the address', () => {
  const scopes = ['MY_TASK_FORCES', 'REQUESTED_BY_MY_AGENCY'] as const;
  it('reads only the caller’s lists and known filters from the address', () => {
    expect(
      taListFilter(new URLSearchParams('scope=REQUESTED_BY_MY_AGENCY&status=TRIAGED&topic=OTHER'), scopes),
    ).toEqual({ scope: 'REQUESTED_BY_MY_AGENCY', status: 'TRIAGED', topic: 'OTHER' });
    // A list the caller does not work from, or nonsense: the first of theirs, no filter.
    expect(
      taListFilter(new URLSearchParams('scope=ASSIGNED_TO_MY_AGENCY&status=<b>&topic=x'), scopes),
    ).toEqual({
      scope: 'MY_TASK_FORCES',
      status: undefined,
      topic: undefined,
    });
  });
});

describe('technical-assistance lists on the screen', () => {
  it('a coordinator starts at the task force queue, filters by status and pages with the keyset cursor', async () => {
    const user = userEvent.setup();
    const first = Array.from({ length: 20 }, (_, i) => `ta-${i}`);
    renderAt('/technical-assistance', [
      COORDINATOR,
      {
        request: { query: TA_LIST_QUERY, variables: { scope: 'MY_TASK_FORCES', first: 20 } },
        result: { data: listPage(first, 'cursor-20') },
        maxUsageCount: 2,
      },
      {
        request: {
          query: TA_LIST_QUERY,
          variables: { scope: 'MY_TASK_FORCES', first: 20, after: 'cursor-20' },
        },
        result: { data: listPage(['ta-20'], null) },
      },
      {
        request: {
          query: TA_LIST_QUERY,
          variables: { scope: 'MY_TASK_FORCES', status: 'SUBMITTED', first: 20 },
        },
        result: { data: listPage(['ta-5'], null) },
      },
    ]);
    const table = await screen.findByRole('table', {
      name: 'Technical-assistance requests: Task force queue',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    const lists = screen.getByRole('navigation', { name: 'Lists of requests' });
    expect(
      within(lists)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Task force queue', 'Requested by my agency']);
    expect(within(lists).getByRole('link', { name: 'Task force queue' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('link', { name: 'Request technical assistance' })).toHaveAttribute(
      'href',
      '/technical-assistance/new',
    );
    expect(within(table).getAllByRole('link', { name: 'Labor trafficking' })[0]).toHaveAttribute(
      'href',
      '/technical-assistance/ta-0',
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(21));

    await user.selectOptions(screen.getByLabelText('Status'), 'SUBMITTED');
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/technical-assistance?scope=MY_TASK_FORCES&status=SUBMITTED',
    );
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Previous page' })).toBeNull();
  });

  it('a provider starts at its assigned requests; no request button for a caller who may not ask', async () => {
    renderAt('/technical-assistance', [
      capabilitiesMock(['READ_TECHNICAL_ASSISTANCE', 'DELIVER_TECHNICAL_ASSISTANCE']),
      {
        request: { query: TA_LIST_QUERY, variables: { scope: 'ASSIGNED_TO_MY_AGENCY', first: 20 } },
        result: { data: listPage([], null) },
      },
    ]);
    expect(await screen.findByText('No requests here.')).toHaveAttribute('role', 'status');
    expect(
      within(screen.getByRole('navigation', { name: 'Lists of requests' }))
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Assigned to my agency', 'Requested by my agency']);
    expect(screen.queryByRole('link', { name: 'Request technical assistance' })).toBeNull();
  });

  it('a caseworker has the one list of their agency’s requests, without tabs', async () => {
    renderAt('/technical-assistance?scope=MY_TASK_FORCES', [
      capabilitiesMock(['READ_TECHNICAL_ASSISTANCE']),
      {
        request: { query: TA_LIST_QUERY, variables: { scope: 'REQUESTED_BY_MY_AGENCY', first: 20 } },
        result: { data: listPage(['ta-1'], null, { status: 'IN_PROGRESS', assignedAgency: PROVIDER }) },
      },
    ]);
    const table = await screen.findByRole('table', {
      name: 'Technical-assistance requests: Requested by my agency',
    });
    expect(within(table).getByText('Regional Training & TA Center')).toBeVisible();
    expect(within(table).getByText('In progress')).toBeVisible();
    expect(screen.queryByRole('navigation', { name: 'Lists of requests' })).toBeNull();
  });
});

describe('the request screen', () => {
  it('shows what was asked, the timeline naming each party, and only the actions the API lists', async () => {
    renderAt('/technical-assistance/ta-1', [
      taDetail({
        status: 'TRIAGED',
        version: 2,
        priority: 'HIGH',
        triageNote: 'Fits the Q3 plan',
        availableActions: ['WITHDRAW', 'MESSAGE'],
        events: [
          TA_DETAIL.events[0],
          {
            __typename: 'TechnicalAssistanceEvent',
            id: 'e2',
            occurredAt: '2026-03-02T09:00:00.000Z',
            fromStatus: 'SUBMITTED',
            toStatus: 'TRIAGED',
            reason: 'Fits the Q3 plan',
            actorAgencyId: COORDINATOR_AGENCY_ID,
          },
        ],
      }),
    ]);
    const actions = await screen.findByRole('region', { name: 'What you can do' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Withdraw']);
    expect(screen.getByText('High', { selector: 'dd' })).toBeVisible();
    expect(screen.getByText('Not assigned yet', { selector: 'dd' })).toBeVisible();
    expect(screen.getByText('Service providers, Law enforcement', { selector: 'dd' })).toBeVisible();
    expect(screen.getByText('Apr 1, 2026 to Apr 30, 2026', { selector: 'dd' })).toBeVisible();
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(
      within(timeline)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Submitted', 'Triaged']);
    expect(within(timeline).getByText(/Task force coordination$/)).toBeVisible();
    expect(within(timeline).getByText(/Harbor Light Survivor Services$/)).toBeVisible();
    // The thread can be written in.
    expect(screen.getByRole('textbox', { name: /New message/ })).toBeVisible();
  });

  it('nothing to do and a read-only thread when the API lists nothing', async () => {
    renderAt('/technical-assistance/ta-1', [
      taDetail({
        status: 'DECLINED',
        declineReason: 'Outside the task force’s plan this year',
        availableActions: [],
        messages: [
          {
            __typename: 'TechnicalAssistanceMessage',
            id: 'm1',
            authorAgencyId: COORDINATOR_AGENCY_ID,
            body: 'We can revisit in the autumn.',
            createdAt: '2026-03-02T10:00:00.000Z',
          },
        ],
      }),
    ]);
    expect(await screen.findByText('We can revisit in the autumn.')).toBeVisible();
    expect(screen.getByText('Outside the task force’s plan this year', { selector: 'dd' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'What you can do' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /New message/ })).toBeNull();
  });

  it('posts a message to the parties and shows the thread reloaded', async () => {
    const user = userEvent.setup();
    renderAt('/technical-assistance/ta-1', [
      taDetail({ availableActions: ['WITHDRAW', 'MESSAGE'] }),
      {
        request: {
          query: ADD_TA_MESSAGE,
          variables: { input: { requestId: 'ta-1', body: 'Our MOU draft is ready.' } },
        },
        result: {
          data: {
            addTechnicalAssistanceMessage: {
              __typename: 'AddTechnicalAssistanceMessagePayload',
              message: { __typename: 'TechnicalAssistanceMessage', id: 'm1' },
            },
          },
        },
      },
      taDetail({
        availableActions: ['WITHDRAW', 'MESSAGE'],
        messages: [
          {
            __typename: 'TechnicalAssistanceMessage',
            id: 'm1',
            authorAgencyId: REQUESTER.id,
            body: 'Our MOU draft is ready.',
            createdAt: '2026-03-02T10:00:00.000Z',
          },
        ],
      }),
    ]);
    const box = await screen.findByRole('textbox', { name: /New message/ });
    expect(box).toHaveAccessibleDescription(expect.stringContaining('never survivor details'));
    await user.click(screen.getByRole('button', { name: 'Send message' }));
    expect(box).toHaveAccessibleDescription(expect.stringContaining('This is required.'));
    await user.type(box, '  Our MOU draft is ready.  ');
    await user.click(screen.getByRole('button', { name: 'Send message' }));
    const thread = await screen.findByRole('list', { name: 'Messages' });
    expect(within(thread).getByText('Our MOU draft is ready.')).toBeVisible();
    expect(box).toHaveValue('');
  });

  it('a request the caller may not see is "not found"', async () => {
    renderAt('/technical-assistance/ta-9', [
      {
        request: { query: TA_REQUEST_QUERY, variables: { id: 'ta-9' } },
        result: { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] as never },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Request not found' })).toBeVisible();
  });
});
