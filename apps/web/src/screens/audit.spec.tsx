import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureDownloads } from '../download.testing';
import { AUDIT_CSV_QUERY, AUDIT_EVENTS_QUERY, validateAnchor, VERIFY_AUDIT_QUERY } from './audit';
import {
  auditFilterInput,
  csvFileName,
  EMPTY_AUDIT_FILTER,
  localDay,
  validateAuditFilter,
} from './audit-filter';
import { agenciesMock, capabilitiesMock, FROM, pressByKeyboard, renderAt, TO } from './testing';

// The export's real download code runs; only the browser's side of it (jsdom has none) stands in.
let downloads: ReturnType<typeof captureDownloads>;
beforeEach(() => {
  downloads = captureDownloads();
});
afterEach(() => {
  downloads.restore();
});

const AGENCIES = agenciesMock([
  { ...FROM, type: 'NGO' },
  { ...TO, type: 'NGO' },
]);

function event(id: string, over: Record<string, unknown> = {}) {
  return {
    __typename: 'AuditEventRecord',
    id,
    occurredAt: '2026-03-02T15:30:00.000Z',
    actorUserId: 'user-ngo-caseworker',
    actorAgencyId: FROM.id,
    action: 'READ_SURVIVOR',
    subjectType: 'Survivor',
    subjectId: 's-1',
    fields: ['givenName', 'phone'],
    purpose: 'SERVICE',
    decision: 'ALLOWED',
    reason: null,
    ...over,
  };
}

function page(events: ReturnType<typeof event>[], next: string | null) {
  return {
    auditEvents: {
      __typename: 'AuditEventConnection',
      edges: events.map((node) => ({ __typename: 'AuditEventEdge', node })),
      pageInfo: { __typename: 'PageInfo', endCursor: next, hasNextPage: next !== null },
    },
  };
}

const events = (variables: Record<string, unknown>, data: ReturnType<typeof page>, maxUsageCount = 1) => ({
  request: { query: AUDIT_EVENTS_QUERY, variables: { filter: {}, first: 20, ...variables } },
  result: { data },
  maxUsageCount,
});

describe('audit filter: validation and what is asked', () => {
  it('checks the API’s shapes before asking; every field is optional', () => {
    expect(validateAuditFilter(EMPTY_AUDIT_FILTER)).toEqual({});
    expect(
      validateAuditFilter({
        ...EMPTY_AUDIT_FILTER,
        action: 'read-survivor',
        subjectType: 'Survivor record',
        subjectId: 'x'.repeat(129),
        actorUserId: 'y'.repeat(129),
        from: '2026-02-30',
        to: '01/03/2026',
      }),
    ).toEqual({
      action: 'audit.filter.actionFormat',
      subjectType: 'audit.filter.subjectTypeFormat',
      subjectId: 'form.tooLong',
      actorUserId: 'form.tooLong',
      from: 'form.date',
      to: 'form.date',
    });
    expect(validateAuditFilter({ ...EMPTY_AUDIT_FILTER, from: '2026-03-05', to: '2026-03-04' })).toEqual({
      to: 'audit.filter.toBeforeFrom',
    });
    // Typed in lower case with spaces, it is still an action name.
    expect(validateAuditFilter({ ...EMPTY_AUDIT_FILTER, action: ' read survivor ' })).toEqual({});
  });

  it('leaves blanks out, names the action as the API does, and asks for whole days in the reader’s time zone (the end exclusive)', () => {
    expect(auditFilterInput(EMPTY_AUDIT_FILTER)).toEqual({});
    expect(
      auditFilterInput({
        action: ' break glass ',
        subjectType: ' Survivor ',
        subjectId: ' s-1 ',
        actorUserId: ' user-1 ',
        agencyId: 'a-ngo',
        decision: 'DENIED',
        from: '2026-03-01',
        to: '2026-03-31',
      }),
    ).toEqual({
      action: 'BREAK_GLASS',
      subjectType: 'Survivor',
      subjectId: 's-1',
      actorUserId: 'user-1',
      agencyId: 'a-ngo',
      decision: 'DENIED',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    });
  });

  it('names the export by its date range only, never by a record or a person', () => {
    const filter = { ...EMPTY_AUDIT_FILTER, subjectId: 'S-0A1B2C3D4E', actorUserId: 'ngo.caseworker' };
    expect(csvFileName({ ...filter, from: '2026-03-01', to: '2026-03-31' }, '2026-04-02')).toBe(
      'audit-events_2026-03-01_to_2026-03-31.csv',
    );
    expect(csvFileName({ ...filter, from: '2026-03-01' }, '2026-04-02')).toBe(
      'audit-events_2026-03-01_to_2026-04-02.csv',
    );
    expect(csvFileName(filter, '2026-04-02')).toBe('audit-events_start_to_2026-04-02.csv');
    expect(localDay(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });

  it('takes a kept anchor whole or not at all', () => {
    expect(validateAnchor({ seq: '', hash: '' })).toEqual({});
    expect(validateAnchor({ seq: '12', hash: 'AB'.repeat(32) })).toEqual({});
    expect(validateAnchor({ seq: '0', hash: 'xyz' })).toEqual({
      anchorSeq: 'audit.verify.seqFormat',
      anchorHash: 'audit.verify.hashFormat',
    });
    expect(validateAnchor({ seq: '3', hash: '' })).toEqual({ anchorHash: 'audit.verify.hashFormat' });
  });
});

describe('audit screen', () => {
  it('is "page not found" for a caller without READ_AUDIT', async () => {
    renderAt('/audit', [capabilitiesMock(['READ_SURVIVORS'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  it('shows an agency admin the events with dates in their language, pages with the keyset cursor, and offers neither export nor verification', async () => {
    const first = Array.from({ length: 20 }, (_, i) => event(`e${i}`));
    renderAt('/audit', [
      capabilitiesMock(['READ_AUDIT']),
      AGENCIES,
      events({}, page(first, 'cursor-20'), 2),
      events({ after: 'cursor-20' }, page([event('e20', { decision: 'DENIED', actorUserId: null })], null)),
    ]);
    const table = await screen.findByRole('table', { name: 'Audit events, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getByRole('rowheader')).toHaveTextContent(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date('2026-03-02T15:30:00.000Z'),
      ),
    );
    expect(row).toHaveTextContent('READ_SURVIVOR');
    expect(row).toHaveTextContent(FROM.name);
    expect(row).toHaveTextContent('givenName, phone');
    expect(row).toHaveTextContent('Services');
    expect(screen.queryByRole('heading', { name: 'Export' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Verify the trail' })).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    const denied = within(screen.getByRole('table')).getAllByRole('row')[1];
    expect(denied).toHaveTextContent('Denied');
    expect(denied).toHaveTextContent('The hub');
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('button', { name: 'Next page' })).toBeVisible();
  });

  it('applies the filters as the API takes them, starting again at the first page; a bad one is said on its field and not asked', async () => {
    const filter = {
      action: 'BREAK_GLASS',
      subjectType: 'Survivor',
      agencyId: TO.id,
      decision: 'ALLOWED',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 2, 8).toISOString(),
    };
    renderAt('/audit', [
      capabilitiesMock(['READ_AUDIT']),
      AGENCIES,
      events({}, page([event('e1')], 'cursor-1')),
      events(
        { filter },
        page([event('e9', { action: 'BREAK_GLASS', reason: 'Credible threat today' })], null),
      ),
    ]);
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('To (last day)'), '2026-02-31');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText(/Enter a date as year-month-day/)).toBeVisible();
    expect(screen.getByLabelText('To (last day)')).toHaveAttribute('aria-invalid', 'true');

    await user.clear(screen.getByLabelText('To (last day)'));
    await user.type(screen.getByLabelText('To (last day)'), '2026-03-07');
    await user.type(screen.getByLabelText('From (first day)'), '2026-03-01');
    await user.type(screen.getByLabelText('Action'), 'break glass');
    await user.type(screen.getByLabelText('Kind of record'), 'Survivor');
    await user.selectOptions(screen.getByLabelText('Agency (acting, or whose records)'), TO.id);
    await user.selectOptions(screen.getByLabelText('Decision'), 'ALLOWED');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    const table = await screen.findByRole('table');
    await waitFor(() => expect(table).toHaveTextContent('Credible threat today'));
    expect(screen.getByLabelText('Action')).toHaveValue('BREAK_GLASS');
    // The filter is the screen's, never the address's (a record id can name a survivor's record).
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/audit$/);
  });

  it('says so when nothing matches', async () => {
    renderAt('/audit', [capabilitiesMock(['READ_AUDIT']), AGENCIES, events({}, page([], null))]);
    expect(await screen.findByText('No audit events match these filters.')).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says in the status line when nothing matches, and what the API refused when it refuses the filter', async () => {
    renderAt('/audit', [capabilitiesMock(['READ_AUDIT']), AGENCIES, events({}, page([], null))]);
    expect(await screen.findByText('No audit events match these filters.')).toHaveAttribute('role', 'status');
    cleanup();
    renderAt('/audit', [
      capabilitiesMock(['READ_AUDIT']),
      AGENCIES,
      {
        request: { query: AUDIT_EVENTS_QUERY, variables: { filter: {}, first: 20 } },
        result: {
          errors: [
            {
              message: 'Invalid input',
              extensions: {
                code: 'BAD_USER_INPUT',
                problems: [{ field: 'filter.action', message: 'unknown' }],
              },
            },
          ] as never,
        },
      },
    ]);
    // Not "could not load": the API's code in the reader's words, and the field it named.
    expect(
      await screen.findByRole('heading', {
        name: 'Some of what you entered was not accepted. Check it and try again.',
      }),
    ).toBeVisible();
    expect(within(screen.getByRole('list', { name: 'What to check' })).getAllByRole('listitem')).toHaveLength(
      1,
    );
    expect(screen.queryByText('No audit events match these filters.')).toBeNull();
  });

  it('exports an auditor’s filter as CSV, in a file named by the date range', async () => {
    const csv = 'id,occurred_at\r\n"7","2026-03-02T15:30:00.000Z"\r\n';
    const filter = { from: new Date(2026, 2, 1).toISOString(), to: new Date(2026, 3, 1).toISOString() };
    renderAt('/audit', [
      capabilitiesMock(['READ_AUDIT', 'VERIFY_AUDIT']),
      AGENCIES,
      events({}, page([event('e1')], null)),
      events({ filter }, page([event('e1')], null)),
      {
        request: { query: AUDIT_CSV_QUERY, variables: { filter } },
        result: { data: { auditEventsCsv: csv } },
      },
    ]);
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('From (first day)'), '2026-03-01');
    await user.type(screen.getByLabelText('To (last day)'), '2026-03-31');
    await user.type(screen.getByLabelText('Record id'), 'S-0A1B2C3D4E');
    await user.clear(screen.getByLabelText('Record id'));
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByRole('heading', {
        name: 'Download started: audit-events_2026-03-01_to_2026-03-31.csv',
      }),
    ).toBeVisible();
    expect((await downloads.saved()).map(({ name, text, type }) => [name, text, type])).toEqual([
      ['audit-events_2026-03-01_to_2026-03-31.csv', csv, 'text/csv;charset=utf-8'],
    ]);
  });

  it('says a refused export in the reader’s words and saves nothing', async () => {
    renderAt('/audit', [
      capabilitiesMock(['READ_AUDIT', 'VERIFY_AUDIT']),
      AGENCIES,
      events({}, page([event('e1')], null)),
      {
        request: { query: AUDIT_CSV_QUERY, variables: { filter: {} } },
        result: {
          errors: [{ message: 'Only an auditor may export', extensions: { code: 'FORBIDDEN' } }] as never,
        },
      },
    ]);
    await screen.findByRole('table');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('heading', { name: 'You are not permitted to do this.' })).toBeVisible();
    expect(await downloads.saved()).toEqual([]);
  });

  it('verifies the trail by keyboard: intact with its counts and the anchor to keep', async () => {
    const anchor = { __typename: 'AuditAnchorModel', seq: 42, hash: 'ab'.repeat(32) };
    renderAt('/audit', [
      capabilitiesMock(['READ_AUDIT', 'VERIFY_AUDIT']),
      AGENCIES,
      events({}, page([event('e1')], null)),
      {
        request: { query: VERIFY_AUDIT_QUERY, variables: {} },
        result: {
          data: {
            verifyAuditTrail: {
              __typename: 'AuditVerification',
              ok: true,
              problem: null,
              sealsChecked: 42,
              eventsChecked: 12345,
              unsealedEvents: 3,
              anchor,
            },
          },
        },
      },
    ]);
    await screen.findByRole('table');
    await pressByKeyboard(userEvent.setup(), screen.getByRole('button', { name: 'Verify the trail' }));
    const result = await screen.findByRole('heading', { name: 'The audit trail is intact' });
    const alert = result.closest('.usa-alert') as HTMLElement;
    expect(alert).toHaveTextContent('12,345 events in 42 seals checked. 3 recent events are not sealed yet.');
    expect(screen.getByText(`seal 42, hash ${'ab'.repeat(32)}`)).toBeVisible();
  });

  it('verifies against a kept anchor and says where the trail broke, in Spanish too', async () => {
    const broken = {
      __typename: 'AuditVerification',
      ok: false,
      problem: { __typename: 'AuditProblem', code: 'EVENT_CHANGED', eventId: '9876', seal: 7, count: null },
      sealsChecked: 6,
      eventsChecked: 300,
      unsealedEvents: 0,
      anchor: null,
    };
    renderAt('/audit', [
      capabilitiesMock(['READ_AUDIT', 'VERIFY_AUDIT']),
      AGENCIES,
      events({}, page([event('e1')], null)),
      {
        request: { query: VERIFY_AUDIT_QUERY, variables: { anchor: { seq: 7, hash: 'cd'.repeat(32) } } },
        result: { data: { verifyAuditTrail: broken } },
        maxUsageCount: 2,
      },
    ]);
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/seal number/), '7');
    await user.click(screen.getByRole('button', { name: 'Verify the trail' }));
    expect(await screen.findByText(/Enter the seal hash/)).toBeVisible();
    await user.type(screen.getByLabelText(/seal hash/), 'CD'.repeat(32));
    await user.click(screen.getByRole('button', { name: 'Verify the trail' }));
    const heading = await screen.findByRole('heading', { name: 'The audit trail is broken' });
    expect(heading.closest('.usa-alert')).toHaveTextContent(
      'Event 9876 (in seal 7) was changed after it was sealed.',
    );

    const { default: i18next } = await import('i18next');
    await i18next.changeLanguage('es');
    await user.click(screen.getByRole('button', { name: 'Verificar el registro' }));
    const spanish = await screen.findByRole('heading', { name: 'El registro de auditoría está alterado' });
    expect(spanish.closest('.usa-alert')).toHaveTextContent(
      'Se modificó el evento 9876 (del sello 7) después de sellarlo.',
    );
  });
});
