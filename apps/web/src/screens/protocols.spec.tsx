import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOME_QUERY } from './home';
import { PENDING_COUNT_QUERY, PENDING_QUERY } from './pending-acknowledgements';
import { PROTOCOL_QUERY } from './protocol';
import {
  ACKNOWLEDGE_PROTOCOL,
  ARCHIVE_PROTOCOL,
  PUBLISH_PROTOCOL,
  validateArchive,
  validatePublication,
} from './protocol-actions';
import {
  CREATE_PROTOCOL,
  createProtocolInput,
  draftChanges,
  EMPTY_PROTOCOL,
  PROTOCOL_FOR_EDIT,
  PROTOCOL_PREVIEW,
  UPDATE_PROTOCOL_DRAFT,
  validateProtocol,
} from './protocol-editor';
import { MY_TASK_FORCES, PROTOCOLS_QUERY } from './protocols';
import {
  capabilitiesMock,
  countedVariables,
  expectProblemsFocused,
  FROM,
  chooseByKeyboard,
  pressByKeyboard,
  renderAt,
  tabTo,
  typeByKeyboard,
} from './testing';

const TASK_FORCE = { __typename: 'TaskForce', id: 'tf-1', name: 'Bay County Human Trafficking Task Force' };
const COORDINATION = { __typename: 'Agency', id: 'a-tf', name: 'Bay County Task Force Office' };

const me = (agency: { id: string; name: string }) => ({
  request: { query: MY_TASK_FORCES },
  result: {
    data: {
      me: {
        __typename: 'Me',
        userId: 'u-1',
        agency: { __typename: 'Agency', ...agency },
        taskForces: [{ __typename: 'CallerTaskForce', role: 'MEMBER', taskForce: TASK_FORCE }],
      },
    },
  },
});

const VERSION_1 = {
  __typename: 'ProtocolVersion',
  id: 'v-1',
  number: 1,
  title: 'Referral protocol',
  state: 'PUBLISHED',
  audience: ['NGO'],
  requiresAcknowledgement: true,
  effectiveDate: '2026-01-10',
  reviewBy: '2099-01-01',
  dueForReview: false,
  summaryOfChanges: 'First version',
  publishedAt: '2026-01-10T09:00:00.000Z',
  supersededAt: null,
};
const status = (agency: { id: string; name: string }, type: string, acknowledgedAt: string | null) => ({
  __typename: 'ProtocolAcknowledgementStatus',
  agencyId: agency.id,
  acknowledged: acknowledgedAt !== null,
  acknowledgedAt,
  agency: { __typename: 'Agency', ...agency, type },
});
const LEGAL = { id: 'a-legal', name: 'Safe Passage Legal Aid' };

const protocol = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Protocol',
  id: 'p-1',
  title: 'Referral protocol',
  category: 'REFERRAL',
  audience: ['NGO'],
  state: 'PUBLISHED',
  version: 3,
  dueForReview: false,
  archivedAt: null,
  archiveReason: null,
  availableActions: [] as string[],
  ownerAgency: COORDINATION,
  currentVersion: {
    ...VERSION_1,
    bodyHtml: '<h1>Referral</h1><p>Call the <strong>intake line</strong>.</p>',
    acknowledgements: [status(FROM, 'NGO', null)],
  },
  draft: null,
  versions: [VERSION_1],
  ...overrides,
});
const detail = (overrides: Record<string, unknown> = {}) => ({
  request: { query: PROTOCOL_QUERY, variables: { id: 'p-1' } },
  result: { data: { protocol: protocol(overrides) } },
});
const DRAFT_2 = {
  ...VERSION_1,
  id: 'v-2',
  number: 2,
  state: 'DRAFT',
  audience: ['NGO', 'LAW_ENFORCEMENT'],
  summaryOfChanges: 'Police added',
  effectiveDate: null,
  reviewBy: '2099-06-01',
  publishedAt: null,
  bodyHtml: '<p>Version 2</p>',
};

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('protocol editor: validation and what is sent', () => {
  const complete = {
    ...EMPTY_PROTOCOL,
    title: ' Referral protocol ',
    category: 'REFERRAL' as const,
    audience: ['NGO' as const],
    body: '# Referral',
  };

  it('needs a title, category, audience and text, within the API’s limits and dates', () => {
    expect(validateProtocol(EMPTY_PROTOCOL)).toEqual({
      title: 'form.required',
      category: 'form.chooseOne',
      audience: 'form.chooseAtLeastOne',
      body: 'form.required',
    });
    expect(validateProtocol(complete)).toEqual({});
    expect(
      validateProtocol({
        ...complete,
        title: 'x'.repeat(201),
        body: 'x'.repeat(30_001),
        summaryOfChanges: 'x'.repeat(2001),
        effectiveDate: '2026-02-30',
        reviewBy: '2101-01-01',
      }),
    ).toEqual({
      title: 'form.tooLong',
      body: 'form.tooLong',
      summaryOfChanges: 'form.tooLong',
      effectiveDate: 'form.date',
      reviewBy: 'protocolForm.dateRange',
    });
    expect(validateProtocol({ ...complete, effectiveDate: '2026-05-01', reviewBy: '2026-05-01' })).toEqual({
      reviewBy: 'protocolForm.reviewByAfter',
    });
  });

  it('a create sends what was filled in with the form’s key; an edit only the changed fields (a blanked one as null)', () => {
    expect(createProtocolInput(complete, 'tf-1', 'key-12345')).toEqual({
      taskForceId: 'tf-1',
      idempotencyKey: 'key-12345',
      title: 'Referral protocol',
      category: 'REFERRAL',
      audience: ['NGO'],
      requiresAcknowledgement: true,
      body: '# Referral',
    });
    const base = { ...complete, reviewBy: '2099-01-01' };
    expect(draftChanges(base, { ...base, reviewBy: '', audience: ['NGO', 'HEALTH'] })).toEqual({
      audience: ['NGO', 'HEALTH'],
      reviewBy: null,
    });
    expect(draftChanges(base, base)).toEqual({});
  });

  it('publishing needs a review-by date ahead; an archive reason is at most 1,000 characters', () => {
    expect(validatePublication({ reviewBy: '2026-03-01' }, '2026-03-01')).toEqual({
      reviewBy: 'protocolActions.reviewByPast',
    });
    expect(
      validatePublication({ reviewBy: '2026-04-01', effectiveDate: '2026-05-01' }, '2026-03-01'),
    ).toEqual({ reviewBy: 'protocolForm.reviewByAfter' });
    expect(validatePublication({ reviewBy: null }, '2026-03-01')).toEqual({});
    expect(validateArchive('x'.repeat(1001))).toEqual({ reason: 'form.tooLong' });
    expect(validateArchive('Replaced by the MOU')).toEqual({});
  });
});

describe('protocol editor on the screen', () => {
  it('says what is missing at each field, previews through the API, and creates once with one idempotency key, by keyboard', async () => {
    const user = userEvent.setup();
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('0b7c0f4e-1111-4222-8333-444455556666');
    const body = '# Referral\n\n<script>x</script>';
    const created = countedVariables({
      input: {
        taskForceId: 'tf-1',
        idempotencyKey: '0b7c0f4e-1111-4222-8333-444455556666',
        title: 'Referral protocol',
        category: 'REFERRAL',
        audience: ['NGO'],
        requiresAcknowledgement: true,
        body,
        reviewBy: '2099-01-01',
      },
    });
    renderAt('/protocols/new', [
      capabilitiesMock(['READ_PROTOCOLS', 'MANAGE_PROTOCOLS']),
      me(COORDINATION),
      {
        request: { query: PROTOCOL_PREVIEW, variables: { body } },
        result: {
          data: {
            protocolPreview: {
              __typename: 'ProtocolPreview',
              bodyHtml: '<h1>Referral</h1>\n<p>&lt;script&gt;x&lt;/script&gt;</p>',
            },
          },
        },
      },
      {
        request: {
          query: CREATE_PROTOCOL,
          variables: created.variables,
        },
        maxUsageCount: 2,
        result: {
          data: {
            createProtocol: {
              __typename: 'ProtocolPayload',
              protocol: { __typename: 'Protocol', id: 'p-9' },
            },
          },
        },
      },
    ]);
    // The caller's only task force is chosen once their task forces have loaded: submitting before
    // that would count the task force among the missing fields.
    await waitFor(() => expect(screen.getByRole('combobox', { name: /^Task force/ })).toHaveValue('tf-1'));
    await pressByKeyboard(user, await screen.findByRole('button', { name: 'Create draft' }));
    await expectProblemsFocused(user, '4 fields need your attention.', [
      'Title',
      'Category',
      'Addressed to',
      'Text',
    ]);
    expect(screen.getByLabelText(/^Title/)).toHaveAccessibleDescription('This is required.');
    expect(screen.getByRole('group', { name: /Addressed to/ })).toHaveAccessibleDescription(
      expect.stringContaining('Choose at least one.'),
    );

    // Forward through the form from the problems. The category is a native select, which jsdom gives
    // no keyboard: chosen as by pointer (the browser flows choose a select by type-ahead).
    const text = screen.getByLabelText(/^Text/);
    await typeByKeyboard(user, screen.getByLabelText(/^Title/), 'Referral protocol');
    await user.selectOptions(screen.getByLabelText(/^Category/), 'REFERRAL');
    await chooseByKeyboard(user, screen.getByLabelText<HTMLInputElement>('Victim services'));
    await typeByKeyboard(user, screen.getByLabelText(/^Review by/), '2099-01-01');
    await tabTo(user, text);
    await user.paste(body);
    await pressByKeyboard(user, screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByRole('article', { name: 'Preview' });
    // The API's HTML, as it is: the script stays text.
    expect(within(preview).getByRole('heading', { level: 1, name: 'Referral' })).toBeVisible();
    expect(within(preview).getByText('<script>x</script>')).toBeVisible();
    expect(preview.querySelector('script')).toBeNull();

    await tabTo(user, text, { backward: true });
    await user.keyboard('{End} more');
    expect(screen.getByText('The text changed since this preview: choose Preview again.')).toBeVisible();
    await user.keyboard('{Backspace>5/}');
    // Enter twice on the button: one create.
    await pressByKeyboard(user, screen.getByRole('button', { name: 'Create draft' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/protocols/p-9'));
    expect(created.calls()).toBe(1);
  });

  it('a refusal of a field by the API is shown at that field', async () => {
    const user = userEvent.setup();
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('0b7c0f4e-1111-4222-8333-444455556666');
    renderAt('/protocols/new', [
      capabilitiesMock(['READ_PROTOCOLS', 'MANAGE_PROTOCOLS']),
      me(COORDINATION),
      {
        request: {
          query: CREATE_PROTOCOL,
          variables: {
            input: {
              taskForceId: 'tf-1',
              idempotencyKey: '0b7c0f4e-1111-4222-8333-444455556666',
              title: 'MOU',
              category: 'MOU',
              audience: ['NGO'],
              requiresAcknowledgement: false,
              body: 'Text',
            },
          },
        },
        result: {
          errors: [
            {
              message: 'Invalid protocol',
              extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'title', message: 'taken' }] },
            },
          ] as never,
        },
      },
    ]);
    await user.type(await screen.findByLabelText(/^Title/), 'MOU');
    await user.selectOptions(screen.getByLabelText(/^Category/), 'MOU');
    await user.click(screen.getByLabelText('Victim services'));
    await user.click(screen.getByLabelText(/Each agency in the audience must acknowledge it/));
    await user.type(screen.getByLabelText(/^Text/), 'Text');
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    await expectProblemsFocused(user, 'Some of what you entered was not accepted. Check it and try again.', [
      'Title',
    ]);
    expect(screen.getByLabelText(/^Title/)).toHaveAccessibleDescription(
      'The hub did not accept this value: check it.',
    );
    expect(screen.getByTestId('location')).toHaveTextContent('/protocols/new');
  });

  it('an edit after someone else saved: their version is shown, and my changes can be re-applied onto it', async () => {
    const user = userEvent.setup();
    const edit = (version: number, draft: Record<string, unknown>) => ({
      request: { query: PROTOCOL_FOR_EDIT, variables: { id: 'p-1' } },
      result: {
        data: {
          protocol: {
            __typename: 'Protocol',
            id: 'p-1',
            title: 'Referral protocol',
            version,
            availableActions: ['UPDATE_DRAFT', 'PUBLISH', 'ARCHIVE'],
            draft: {
              __typename: 'ProtocolVersion',
              id: 'v-2',
              number: 2,
              title: 'Referral protocol',
              category: 'REFERRAL',
              audience: ['NGO'],
              requiresAcknowledgement: true,
              effectiveDate: null,
              reviewBy: null,
              summaryOfChanges: null,
              body: 'Old text',
              bodyHtml: '<p>Old text</p>',
              ...draft,
            },
            currentVersion: null,
          },
        },
      },
    });
    renderAt('/protocols/p-1/edit', [
      edit(4, {}),
      {
        request: {
          query: UPDATE_PROTOCOL_DRAFT,
          variables: { input: { protocolId: 'p-1', expectedVersion: 4, title: 'Referral and intake' } },
        },
        result: { errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] as never },
      },
      edit(5, { body: 'Their text', bodyHtml: '<p>Their text</p>' }),
      {
        request: {
          query: UPDATE_PROTOCOL_DRAFT,
          variables: { input: { protocolId: 'p-1', expectedVersion: 5, title: 'Referral and intake' } },
        },
        result: {
          data: {
            updateProtocolDraft: {
              __typename: 'ProtocolPayload',
              protocol: { __typename: 'Protocol', id: 'p-1', version: 6 },
            },
          },
        },
      },
    ]);
    const title = await screen.findByLabelText(/^Title/);
    await user.clear(title);
    await user.type(title, 'Referral and intake');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    const warning = await screen.findByRole('heading', { name: 'Someone else changed this protocol' });
    await waitFor(() => expect(warning.closest('[tabindex="-1"]')).toHaveFocus());
    expect(
      within(screen.getByRole('article', { name: 'Their version' })).getByText('Their text'),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Re-apply my changes to this version' }));
    expect(screen.getByLabelText(/^Title/)).toHaveValue('Referral and intake');
    expect(screen.getByLabelText(/^Text/)).toHaveValue('Their text');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/protocols\/p-1$/));
  });
});

describe('the protocol screen', () => {
  it('shows the version in force as the API sanitised it, and an agency lead acknowledges it for their agency, by keyboard only', async () => {
    const user = userEvent.setup();
    renderAt('/protocols/p-1', [
      detail({ availableActions: ['ACKNOWLEDGE'] }),
      me(FROM),
      {
        request: { query: ACKNOWLEDGE_PROTOCOL, variables: { input: { versionId: 'v-1' } } },
        result: {
          data: {
            acknowledgeProtocol: {
              __typename: 'AcknowledgeProtocolPayload',
              acknowledgement: {
                __typename: 'ProtocolAcknowledgement',
                versionId: 'v-1',
                agencyId: FROM.id,
                acknowledgedAt: '2026-01-11T10:00:00.000Z',
              },
            },
          },
        },
      },
      detail({
        currentVersion: {
          ...protocol().currentVersion,
          acknowledgements: [status(FROM, 'NGO', '2026-01-11T10:00:00.000Z')],
        },
      }),
    ]);
    const text = await screen.findByRole('article', { name: 'Text of version 1' });
    expect(within(text).getByRole('heading', { name: 'Referral' })).toBeVisible();
    expect(within(text).getByText('intake line').tagName).toBe('STRONG');
    // The agency's own line needs who the caller is (a query of its own): it may draw after the text.
    expect(await screen.findByText('Not acknowledged yet')).toBeVisible();
    // A member agency sees its own status: no tracker of the others.
    expect(screen.queryByRole('table', { name: /Each agency in the audience/ })).toBeNull();

    const actions = screen.getByRole('region', { name: 'What you can do' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Acknowledge for my agency']);
    await pressByKeyboard(user, within(actions).getByRole('button', { name: 'Acknowledge for my agency' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 3, name: 'Acknowledge for my agency' })).toHaveFocus(),
    );
    expect(
      screen.getByText(
        'You confirm, on behalf of Harbor Light Survivor Services, that your agency has read version 1 of “Referral protocol” and will follow it.',
      ),
    ).toBeVisible();
    await pressByKeyboard(user, screen.getByRole('button', { name: 'Acknowledge version 1' }));
    const done = await screen.findByRole('heading', { name: 'Version 1 acknowledged for your agency' });
    await waitFor(() => expect(done.closest('[tabindex="-1"]')).toHaveFocus());
    expect(screen.getByText(/^Acknowledged /)).toBeVisible();
    expect(screen.queryByRole('region', { name: 'What you can do' })).toBeNull();
  });

  it('offers nothing the API does not list', async () => {
    renderAt('/protocols/p-1', [detail({ availableActions: [] }), me(FROM)]);
    await screen.findByRole('article', { name: 'Text of version 1' });
    expect(screen.queryByRole('region', { name: 'What you can do' })).toBeNull();
  });

  it('the coordinator tracks who acknowledged, and publishes the draft with the version they reviewed', async () => {
    const user = userEvent.setup();
    const withDraft = {
      availableActions: ['UPDATE_DRAFT', 'PUBLISH', 'ARCHIVE'],
      currentVersion: {
        ...protocol().currentVersion,
        acknowledgements: [status(FROM, 'NGO', '2026-01-11T10:00:00.000Z'), status(LEGAL, 'NGO', null)],
      },
      draft: DRAFT_2,
      versions: [DRAFT_2, VERSION_1],
    };
    renderAt('/protocols/p-1', [
      detail(withDraft),
      me(COORDINATION),
      {
        request: { query: PUBLISH_PROTOCOL, variables: { input: { versionId: 'v-2', expectedVersion: 3 } } },
        result: { errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] as never },
      },
      detail({ ...withDraft, version: 4 }),
    ]);
    const tracker = await screen.findByRole('table', {
      name: 'Each agency in the audience and whether it acknowledged',
    });
    expect(
      within(tracker)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [within(row).getByRole('rowheader').textContent, row.lastElementChild?.textContent]),
    ).toEqual([
      ['Harbor Light Survivor Services', expect.stringMatching(/^Acknowledged /)],
      ['Safe Passage Legal Aid', 'Outstanding'],
    ]);
    expect(screen.getByText('1 of 2 agencies in the audience acknowledged.')).toBeVisible();
    expect(screen.getByRole('article', { name: 'Text of the draft of version 2' })).toHaveTextContent(
      'Version 2',
    );

    const actions = screen.getByRole('region', { name: 'What you can do' });
    expect(within(actions).getByRole('link', { name: 'Edit the draft' })).toHaveAttribute(
      'href',
      '/protocols/p-1/edit',
    );
    await user.click(within(actions).getByRole('button', { name: 'Publish the draft' }));
    const form = screen.getByRole('form', { name: 'Publish the draft' });
    expect(within(form).getByText('Victim services, Law enforcement')).toBeVisible();
    expect(within(form).getByText('The day it is published')).toBeVisible();
    await user.click(within(form).getByRole('button', { name: 'Publish version 2' }));
    const warning = await screen.findByRole('heading', { name: 'Someone else changed this protocol' });
    await waitFor(() => expect(warning.closest('[tabindex="-1"]')).toHaveFocus());
  });

  it('publishing a draft whose review-by date has passed is stopped at the form, and archive checks its reason', async () => {
    // The screen judges dates on the day it is: this one is 1 March 2026.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T12:00:00.000Z'));
    const user = userEvent.setup();
    renderAt('/protocols/p-1', [
      detail({
        availableActions: ['UPDATE_DRAFT', 'PUBLISH', 'ARCHIVE'],
        draft: { ...DRAFT_2, reviewBy: '2026-03-01' },
        versions: [{ ...DRAFT_2, reviewBy: '2026-03-01' }, VERSION_1],
      }),
      me(COORDINATION),
      {
        request: {
          query: ARCHIVE_PROTOCOL,
          variables: { input: { protocolId: 'p-1', expectedVersion: 3, reason: 'Replaced by the MOU' } },
        },
        result: {
          data: {
            archiveProtocol: {
              __typename: 'ProtocolPayload',
              protocol: { __typename: 'Protocol', id: 'p-1', state: 'ARCHIVED', version: 4 },
            },
          },
        },
      },
      detail({
        state: 'ARCHIVED',
        version: 4,
        archivedAt: '2026-02-01T10:00:00.000Z',
        archiveReason: 'Replaced by the MOU',
        currentVersion: null,
        versions: [{ ...VERSION_1, state: 'ARCHIVED' }],
      }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Publish the draft' }));
    await user.click(screen.getByRole('button', { name: 'Publish version 2' }));
    expect(
      screen.getByText(
        /The review-by date must be after today, or the version would be due for review at once./,
      ),
    ).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Archive' }));
    const reason = screen.getByLabelText(/^Why/);
    await user.click(reason);
    await user.paste('x'.repeat(1001));
    await user.click(screen.getByRole('button', { name: 'Archive the protocol' }));
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('This is too long.'));
    await user.clear(reason);
    await user.type(reason, 'Replaced by the MOU');
    await user.click(screen.getByRole('button', { name: 'Archive the protocol' }));
    expect(await screen.findByRole('heading', { name: 'Protocol archived' })).toBeVisible();
    expect(screen.getByText(/Replaced by the MOU$/)).toBeVisible();
    expect(screen.queryByRole('region', { name: 'What you can do' })).toBeNull();
  });
});

describe('the protocol screen: its actions as the record screens offer them', () => {
  it('offers what the API lists in one order, the editor as a link in its place, and the API’s refusal of a reason at the reason', async () => {
    const user = userEvent.setup();
    renderAt('/protocols/p-1', [
      detail({ availableActions: ['ARCHIVE', 'ACKNOWLEDGE', 'UPDATE_DRAFT'] }),
      me(COORDINATION),
      {
        request: {
          query: ARCHIVE_PROTOCOL,
          variables: { input: { protocolId: 'p-1', expectedVersion: 3, reason: 'Superseded' } },
        },
        result: {
          errors: [
            {
              message: 'Invalid',
              extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'reason', message: 'bad' }] },
            },
          ],
        } as never,
      },
    ]);
    const actions = await screen.findByRole('region', { name: 'What you can do' });
    expect(
      within(actions)
        .getAllByRole('listitem')
        .map((item) => [item.firstElementChild?.tagName, item.textContent]),
    ).toEqual([
      ['BUTTON', 'Acknowledge for my agency'],
      ['A', 'Start version 2'],
      ['BUTTON', 'Archive'],
    ]);
    expect(within(actions).getByRole('link', { name: 'Start version 2' })).toHaveAttribute(
      'href',
      '/protocols/p-1/edit',
    );

    await user.click(within(actions).getByRole('button', { name: 'Archive' }));
    await user.type(screen.getByLabelText(/^Why/), 'Superseded');
    await user.click(screen.getByRole('button', { name: 'Archive the protocol' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/^Why/)).toHaveAccessibleDescription(
        expect.stringContaining('Check this value.'),
      ),
    );
    await waitFor(() => expect(screen.getByLabelText(/^Why/)).toHaveFocus());
    expect(screen.getByRole('form', { name: 'Archive' })).toBeVisible();
  });
});

describe('protocol lists', () => {
  it('lists protocols with the API’s filters from the address, and offers "New protocol" to coordinators', async () => {
    renderAt('/protocols?state=PUBLISHED&category=REFERRAL', [
      capabilitiesMock(['READ_PROTOCOLS', 'MANAGE_PROTOCOLS']),
      me(COORDINATION),
      {
        request: {
          query: PROTOCOLS_QUERY,
          variables: { state: 'PUBLISHED', category: 'REFERRAL', first: 20 },
        },
        result: {
          data: {
            protocols: {
              __typename: 'ProtocolConnection',
              edges: [
                {
                  __typename: 'ProtocolEdge',
                  node: {
                    __typename: 'Protocol',
                    id: 'p-1',
                    title: 'Referral protocol',
                    category: 'REFERRAL',
                    state: 'PUBLISHED',
                    dueForReview: true,
                    updatedAt: '2026-01-10T09:00:00.000Z',
                    currentVersion: {
                      __typename: 'ProtocolVersion',
                      id: 'v-1',
                      number: 1,
                      publishedAt: '2026-01-10T09:00:00.000Z',
                      requiresAcknowledgement: true,
                    },
                  },
                },
              ],
              pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: true },
            },
          },
        },
      },
    ]);
    const table = await screen.findByRole('table', { name: 'Protocols of your task forces' });
    expect(within(table).getByRole('link', { name: 'Referral protocol' })).toHaveAttribute(
      'href',
      '/protocols/p-1',
    );
    expect(within(table).getByText('Due for review')).toBeVisible();
    expect(screen.getByLabelText('State')).toHaveValue('PUBLISHED');
    expect(screen.getByRole('link', { name: 'New protocol' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeVisible();
  });

  it('the pending list, and its count on home for those who acknowledge', async () => {
    renderAt('/protocols/pending', [
      capabilitiesMock(['READ_PROTOCOLS']),
      {
        request: { query: PENDING_QUERY, variables: { first: 20 } },
        result: {
          data: {
            pendingAcknowledgements: {
              __typename: 'ProtocolVersionConnection',
              edges: [
                {
                  __typename: 'ProtocolVersionEdge',
                  node: { ...VERSION_1, protocolId: 'p-1' },
                },
              ],
              pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
            },
          },
        },
      },
    ]);
    const table = await screen.findByRole('table', {
      name: 'Protocol versions your agency has yet to acknowledge',
    });
    expect(within(table).getByRole('link', { name: 'Referral protocol' })).toHaveAttribute(
      'href',
      '/protocols/p-1',
    );
  });

  it('home counts what waits for the agency’s acknowledgement (100+ beyond a page)', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => ({
      __typename: 'ProtocolVersionEdge',
      node: { __typename: 'ProtocolVersion', id: `v-${i}` },
    }));
    renderAt('/', [
      capabilitiesMock(['READ_PROTOCOLS', 'ACKNOWLEDGE_PROTOCOLS']),
      {
        request: { query: HOME_QUERY },
        result: {
          data: {
            referrals: {
              __typename: 'ReferralConnection',
              counts: { __typename: 'ReferralCounts', needsAction: 0, received: 0, sent: 0, drafts: 0 },
            },
            unreadNotificationCount: 0,
          },
        },
      },
      {
        request: { query: PENDING_COUNT_QUERY, variables: { first: 100 } },
        result: {
          data: {
            pendingAcknowledgements: {
              __typename: 'ProtocolVersionConnection',
              edges: ids,
              pageInfo: { __typename: 'PageInfo', hasNextPage: true },
            },
          },
        },
      },
    ]);
    const card = (await screen.findByRole('heading', { name: 'Protocols to acknowledge' })).closest(
      '.usa-card',
    );
    expect(within(card as HTMLElement).getByText('100+')).toBeVisible();
  });
});
