import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../i18n';
import { OPEN_BREAK_GLASS, validateBreakGlass } from './break-glass-form';
import {
  BREAK_GLASS_SESSIONS_QUERY,
  END_BREAK_GLASS,
  REVIEW_BREAK_GLASS,
  sessionState,
  validateEnd,
  validateReview,
} from './break-glass-sessions';
import {
  CHILD_SAFETY_SURVIVOR,
  childSafetyInput,
  CREATE_CHILD_SAFETY_REFERRAL,
  EMPTY_CHILD_SAFETY,
  validateChildSafety,
} from './child-safety-form';
import { REFERRAL_QUERY } from './referral';
import { CONSENTS_QUERY, SURVIVOR_QUERY } from './survivor';
import {
  agenciesMock,
  capabilitiesMock,
  countedVariables,
  expectProblemsFocused,
  FROM,
  REFERRAL_DETAIL,
  pressByKeyboard,
  renderAt,
  SURVIVOR_RECORD,
  tabTo,
  TO,
  typeByKeyboard,
} from './testing';

const POLICE = { id: 'a-pd', name: 'Bayview Police Department', type: 'LAW_ENFORCEMENT' };
const CPS = { id: 'a-cps', name: 'Bay County Child Protective Services', type: 'CHILD_WELFARE' };
const AGENCIES = agenciesMock([
  { ...FROM, type: 'NGO' },
  { ...TO, type: 'NGO' },
  POLICE,
  CPS,
  {
    id: 'a-pd-old',
    name: 'Closed Precinct',
    type: 'LAW_ENFORCEMENT',
    deactivatedAt: '2026-01-01T00:00:00.000Z',
  },
]);
const MINOR = { ...SURVIVOR_RECORD, minor: true, ageBand: 'AGE_12_17' };
const survivorAnswer = (survivor: Record<string, unknown>) => ({
  request: { query: SURVIVOR_QUERY, variables: { id: 's-1' } },
  result: { data: { survivor } },
});
const noConsents = {
  request: { query: CONSENTS_QUERY, variables: { survivorId: 's-1' } },
  result: { data: { consents: [] } },
};
const DANGER = 'The trafficker found her shelter address today';
/** openBreakGlass for DANGER on s-1, open until `expiresAt`. */
const opened = (expiresAt: string) => ({
  request: { query: OPEN_BREAK_GLASS, variables: { input: { survivorId: 's-1', reason: DANGER } } },
  result: {
    data: {
      openBreakGlass: {
        __typename: 'OpenBreakGlassPayload',
        session: { __typename: 'BreakGlassSession', id: 'bg-1', expiresAt },
      },
    },
  },
});

describe('child-safety report: validation and what is sent', () => {
  it('requires a recipient, the legal basis and why, and days from 1 to 90 (the API’s limits)', () => {
    expect(validateChildSafety(EMPTY_CHILD_SAFETY)).toEqual({
      toAgencyId: 'form.chooseOne',
      legalBasis: 'form.required',
      reason: 'form.required',
    });
    const filled = {
      ...EMPTY_CHILD_SAFETY,
      toAgencyId: POLICE.id,
      legalBasis: 'Statute 11166',
      reason: 'Disclosed',
    };
    expect(validateChildSafety(filled)).toEqual({});
    expect(
      validateChildSafety({
        ...filled,
        legalBasis: 'x'.repeat(501),
        reason: '   ',
        grantDays: '91',
      }),
    ).toEqual({
      legalBasis: 'form.tooLong',
      reason: 'form.required',
      grantDays: 'safety.childSafety.grantDaysRange',
    });
    expect(validateChildSafety({ ...filled, grantDays: '0' })).toEqual({
      grantDays: 'safety.childSafety.grantDaysRange',
    });
    expect(validateChildSafety({ ...filled, grantDays: 'ten' })).toEqual({
      grantDays: 'safety.childSafety.grantDaysRange',
    });
  });

  it('sends the trimmed text, the urgency and the days as a number', () => {
    expect(
      childSafetyInput('s-1', {
        toAgencyId: POLICE.id,
        legalBasis: ' Statute 11166 ',
        reason: ' Disclosed at intake ',
        urgency: 'EMERGENCY',
        grantDays: ' 14 ',
      }),
    ).toEqual({
      survivorId: 's-1',
      toAgencyId: POLICE.id,
      legalBasis: 'Statute 11166',
      reason: 'Disclosed at intake',
      urgency: 'EMERGENCY',
      grantDays: 14,
    });
  });
});

describe('break-glass and its review: validation', () => {
  it('asks for the danger in 20 to 1,000 characters', () => {
    expect(validateBreakGlass({ reason: '  ' })).toEqual({ reason: 'form.required' });
    expect(validateBreakGlass({ reason: ` ${'x'.repeat(19)} ` })).toEqual({
      reason: 'safety.breakGlass.reasonTooShort',
    });
    expect(validateBreakGlass({ reason: 'x'.repeat(1001) })).toEqual({ reason: 'form.tooLong' });
    expect(validateBreakGlass({ reason: DANGER })).toEqual({});
  });

  it('ends with why (10 to 1,000 characters) and reviews with a finding', () => {
    expect(validateEnd({ reason: '' })).toEqual({ reason: 'form.required' });
    expect(validateEnd({ reason: 'too short' })).toEqual({ reason: 'safety.sessions.endReasonTooShort' });
    expect(validateEnd({ reason: 'Survivor is safe now' })).toEqual({});
    expect(validateReview({ finding: '', note: 'x'.repeat(2001) })).toEqual({
      finding: 'form.chooseOne',
      note: 'form.tooLong',
    });
    expect(validateReview({ finding: 'JUSTIFIED', note: '' })).toEqual({});
  });

  it('tells an open session from one that ended or expired', () => {
    const now = new Date('2026-03-01T12:00:00.000Z');
    expect(sessionState({ endedAt: null, expiresAt: '2026-03-01T12:00:01.000Z' }, now)).toBe('OPEN');
    expect(sessionState({ endedAt: null, expiresAt: '2026-03-01T12:00:00.000Z' }, now)).toBe('EXPIRED');
    expect(
      sessionState({ endedAt: '2026-03-01T11:00:00.000Z', expiresAt: '2026-03-01T13:00:00.000Z' }, now),
    ).toBe('ENDED');
  });
});

describe('survivor screen: what the API offers about the record, and nothing else', () => {
  it('offers neither a report nor break-glass when the API lists neither', async () => {
    renderAt('/survivors/s-1', [survivorAnswer(MINOR), noConsents, AGENCIES]);
    await screen.findByRole('heading', { level: 1, name: 'Survivor record' });
    expect(screen.queryByRole('link', { name: 'Make a child-safety report' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Break glass (imminent danger)' })).toBeNull();
  });

  it('links to the child-safety report where it lists REPORT_CHILD_SAFETY', async () => {
    renderAt('/survivors/s-1', [
      survivorAnswer({ ...MINOR, availableActions: ['REPORT_CHILD_SAFETY'] }),
      noConsents,
      AGENCIES,
    ]);
    expect(await screen.findByRole('link', { name: 'Make a child-safety report' })).toHaveAttribute(
      'href',
      '/survivors/s-1/child-safety',
    );
    expect(screen.queryByRole('button', { name: 'Break glass (imminent danger)' })).toBeNull();
  });

  it('breaks the glass by keyboard only: states what will happen before confirming, checks the reason, then shows the record opened', async () => {
    const expiresAt = '2026-03-01T13:00:00.000Z';
    const partner = {
      ...SURVIVOR_RECORD,
      givenName: null,
      phone: null,
      availableActions: ['OPEN_BREAK_GLASS'],
    };
    renderAt('/survivors/s-1', [
      survivorAnswer(partner),
      noConsents,
      AGENCIES,
      opened(expiresAt),
      survivorAnswer({ ...SURVIVOR_RECORD, availableActions: [] }),
    ]);
    const user = userEvent.setup();
    await pressByKeyboard(user, await screen.findByRole('button', { name: 'Break glass (imminent danger)' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Break glass: imminent danger' })).toHaveFocus(),
    );
    const happens = screen
      .getByRole('heading', { name: 'What will happen' })
      .closest('.usa-alert') as HTMLElement;
    expect(
      within(happens)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      "The survivor's identity and contact details open to you alone, not to your colleagues.",
      'The access is time-limited: it closes by itself, and you will see when.',
      'It is recorded in the audit trail with your reason, together with everything you read.',
      `${FROM.name} is notified at once and can end your access early and review it.`,
    ]);

    const confirm = screen.getByRole('button', { name: 'Break glass and open the record' });
    await pressByKeyboard(user, confirm);
    expect(await screen.findByText('This is required.')).toBeVisible();
    const danger = screen.getByLabelText(/The imminent danger/);
    await typeByKeyboard(user, danger, 'Urgent danger');
    await pressByKeyboard(user, confirm);
    expect(await screen.findByText('Describe the danger in at least 20 characters.')).toBeVisible();
    expect(danger).toHaveAttribute('aria-invalid', 'true');

    // Back to the field (select all, then type over it), and on to the button again.
    await tabTo(user, danger, { backward: true });
    await user.keyboard('{Control>}a{/Control}' + DANGER);
    await pressByKeyboard(user, confirm);
    const flash = await screen.findByRole('heading', {
      name: `Break-glass access is open to you until ${formatDateTime(expiresAt, 'en')}. It is recorded and the owning agency was told.`,
    });
    expect(flash).toBeVisible();
    const field = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(field('Given name')).toHaveTextContent('Ana');
    expect(field('Phone')).toHaveTextContent('+1 555 0100');
    expect(screen.queryByRole('button', { name: 'Break glass (imminent danger)' })).toBeNull();
  });
});

describe('referral screen: break-glass on its survivor', () => {
  const referral = (survivorActions: string[]) => ({
    request: { query: REFERRAL_QUERY, variables: { id: 'ref-1' } },
    result: { data: { referral: { ...REFERRAL_DETAIL, survivor: null, survivorActions } } },
  });

  it('is absent when the API does not list it', async () => {
    renderAt('/referrals/ref-1', [capabilitiesMock([]), referral([])]);
    expect(
      await screen.findByText("The survivor's record is no longer shared with your agency."),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Break glass (imminent danger)' })).toBeNull();
  });

  it('opens the record even when it is no longer shared, then shows the record itself', async () => {
    renderAt('/referrals/ref-1', [
      capabilitiesMock([]),
      referral(['OPEN_BREAK_GLASS']),
      opened('2026-03-01T13:00:00.000Z'),
      survivorAnswer({ ...SURVIVOR_RECORD, availableActions: [] }),
      noConsents,
      AGENCIES,
    ]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Break glass (imminent danger)' }));
    // The owner is not known here: the statement names its role.
    expect(
      screen.getByText(
        'The agency that owns the record is notified at once and can end your access early and review it.',
      ),
    ).toBeVisible();
    await user.type(screen.getByLabelText(/The imminent danger/), DANGER);
    await user.click(screen.getByRole('button', { name: 'Break glass and open the record' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/survivors\/s-1$/));
    expect(
      await screen.findByRole('heading', { name: /^Break-glass access is open to you until/ }),
    ).toBeVisible();
  });

  it('says a refusal in the reader’s words and stays on the form', async () => {
    renderAt('/referrals/ref-1', [
      capabilitiesMock([]),
      referral(['OPEN_BREAK_GLASS']),
      {
        request: { query: OPEN_BREAK_GLASS, variables: { input: { survivorId: 's-1', reason: DANGER } } },
        result: {
          errors: [
            { message: 'no', extensions: { code: 'FORBIDDEN', reason: 'REVOKED_BY_SURVIVOR' } },
          ] as never,
        },
      },
    ]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Break glass (imminent danger)' }));
    await user.type(screen.getByLabelText(/The imminent danger/), DANGER);
    await user.click(screen.getByRole('button', { name: 'Break glass and open the record' }));
    expect(await screen.findByRole('heading', { name: 'You are not permitted to do this.' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent('/referrals/ref-1');
  });
});

describe('child-safety report screen', () => {
  const reportSurvivor = (minor: boolean, availableActions: string[]) => ({
    request: { query: CHILD_SAFETY_SURVIVOR, variables: { id: 's-1' } },
    result: {
      data: {
        survivor: { __typename: 'Survivor', id: 's-1', reference: 'S-0A1B2C3D4E', minor, availableActions },
      },
    },
  });
  const reportable = reportSurvivor(true, ['REPORT_CHILD_SAFETY']);
  const input = {
    survivorId: 's-1',
    toAgencyId: POLICE.id,
    legalBasis: 'State mandated-reporter statute § 11166',
    reason: 'Disclosure of exploitation at intake',
    urgency: 'URGENT',
    grantDays: 14,
  };
  const fill = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.click(await screen.findByText(POLICE.name));
    await user.type(screen.getByLabelText(/^Legal basis of the report/), input.legalBasis);
    await user.type(screen.getByLabelText(/^Why you are making the report/), input.reason);
    await user.clear(screen.getByLabelText(/^Days the agency may see the record/));
    await user.type(screen.getByLabelText(/^Days the agency may see the record/), '14');
  };

  it('is not offered where the API does not list REPORT_CHILD_SAFETY', async () => {
    renderAt('/survivors/s-1/child-safety', [reportSurvivor(false, []), AGENCIES]);
    expect(
      await screen.findByRole('heading', { level: 1, name: /You cannot make a child-safety report/ }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Send the mandatory report' })).toBeNull();
  });

  it('offers law enforcement and child welfare only, says what will happen for the chosen agency, checks the form, and sends it once', async () => {
    const sent = countedVariables({ input });
    renderAt('/survivors/s-1/child-safety', [
      reportable,
      AGENCIES,
      {
        request: { query: CREATE_CHILD_SAFETY_REFERRAL, variables: sent.variables },
        maxUsageCount: 2,
        result: {
          data: {
            createChildSafetyReferral: {
              __typename: 'ReferralPayload',
              referral: { __typename: 'Referral', id: 'ref-9', status: 'SENT' },
            },
          },
        },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Child-safety report' })).toBeVisible();
    expect(document.title).not.toContain('S-0A1B2C3D4E');
    const recipients = screen.getByRole('group', { name: /^Report to/ });
    await within(recipients).findByText(POLICE.name);
    expect(
      within(recipients)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual([POLICE.id, CPS.id]);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Send the mandatory report' }));
    await expectProblemsFocused(user, '3 fields need your attention.', [
      'Report to',
      'Legal basis of the report',
      'Why you are making the report',
    ]);

    const happens = () =>
      within(
        screen
          .getByRole('heading', { name: 'What will happen when you send it' })
          .closest('.usa-alert') as HTMLElement,
      )
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    expect(happens()[1]).toBe(
      "For 30 days, for investigation, the agency you choose will see the minor's identity, contact details and narrative.",
    );
    await user.click(screen.getByText(CPS.name));
    expect(happens()).toHaveLength(3);
    await fill(user);
    expect(happens()).toEqual([
      `A mandatory report about this minor goes to ${POLICE.name} at once. It cannot be unsent; only withdrawing it ends the access early.`,
      `For 14 days, for investigation, ${POLICE.name} will see the minor's identity, contact details and narrative.`,
      `${POLICE.name} is law enforcement: it will see this minor's record, which the police otherwise never see.`,
      'The report, its reason and everything the agency reads are recorded in the audit trail.',
    ]);
    await user.dblClick(screen.getByRole('button', { name: 'Send the mandatory report' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/referrals\/ref-9$/));
    expect(sent.calls()).toBe(1);
  });

  it('puts the API’s refusal of the recipient on that field', async () => {
    renderAt('/survivors/s-1/child-safety', [
      reportable,
      AGENCIES,
      {
        request: { query: CREATE_CHILD_SAFETY_REFERRAL, variables: { input } },
        result: {
          errors: [
            {
              message: 'Invalid input',
              extensions: {
                code: 'BAD_USER_INPUT',
                problems: [
                  { field: 'toAgencyId', message: 'must be a law-enforcement or child-welfare agency' },
                ],
              },
            },
          ] as never,
        },
      },
    ]);
    const user = userEvent.setup();
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Send the mandatory report' }));
    expect(
      await screen.findByText(
        'Choose another agency: a law-enforcement or child-welfare agency, not your own.',
      ),
    ).toBeVisible();
    await expectProblemsFocused(user, 'Some of what you entered was not accepted. Check it and try again.', [
      'Report to',
    ]);
    expect(screen.getByText('1 field needs your attention.')).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent('/survivors/s-1/child-safety');
  });
});

describe('break-glass uses (REVIEW_BREAK_GLASS)', () => {
  const NOW = new Date('2026-03-01T12:30:00.000Z');
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const session = (id: string, over: Record<string, unknown> = {}) => ({
    __typename: 'BreakGlassSession',
    id,
    survivorId: 's-1',
    ownerAgencyId: FROM.id,
    agencyId: TO.id,
    openedBy: 'user-legal-lead',
    reason: DANGER,
    openedAt: '2026-03-01T12:00:00.000Z',
    expiresAt: '2026-03-01T13:00:00.000Z',
    endedAt: null,
    endedReason: null,
    endedNote: null,
    reviewedAt: null,
    reviewFinding: null,
    reviewNote: null,
    availableActions: ['END', 'REVIEW'],
    ...over,
  });
  const sessions = (nodes: ReturnType<typeof session>[]) => ({
    request: { query: BREAK_GLASS_SESSIONS_QUERY, variables: { first: 20 } },
    result: {
      data: {
        breakGlassSessions: {
          __typename: 'BreakGlassSessionConnection',
          edges: nodes.map((node) => ({ __typename: 'BreakGlassSessionEdge', node })),
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
        },
      },
    },
  });
  const card = (name: RegExp) => screen.getByRole('region', { name });

  it('is "page not found" without REVIEW_BREAK_GLASS', async () => {
    renderAt('/break-glass', [capabilitiesMock(['READ_SURVIVORS'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  it('says in the status line when there is no use, and that the list could not load when it failed', async () => {
    renderAt('/break-glass', [capabilitiesMock(['REVIEW_BREAK_GLASS']), AGENCIES, sessions([])]);
    expect(await screen.findByText('No break-glass uses.')).toHaveAttribute('role', 'status');
    cleanup();
    renderAt('/break-glass', [
      capabilitiesMock(['REVIEW_BREAK_GLASS']),
      AGENCIES,
      {
        request: { query: BREAK_GLASS_SESSIONS_QUERY, variables: { first: 20 } },
        error: new Error('offline'),
      },
    ]);
    expect(
      await screen.findByRole('heading', { name: 'This could not be loaded. Try again in a moment.' }),
    ).toBeVisible();
    expect(screen.queryByText('No break-glass uses.')).toBeNull();
  });

  it('lists each use with its state, and only the acts the API lists for it', async () => {
    renderAt('/break-glass', [
      capabilitiesMock(['REVIEW_BREAK_GLASS']),
      AGENCIES,
      sessions([
        session('bg-open'),
        session('bg-done', {
          agencyId: POLICE.id,
          openedAt: '2026-02-01T12:00:00.000Z',
          expiresAt: '2026-02-01T13:00:00.000Z',
          endedAt: '2026-02-01T12:20:00.000Z',
          endedReason: 'ENDED_EARLY',
          endedNote: 'Survivor reached safely',
          reviewedAt: '2026-02-02T09:00:00.000Z',
          reviewFinding: 'JUSTIFIED',
          availableActions: [],
        }),
      ]),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Break-glass uses' });
    const open = await screen.findByRole('region', { name: new RegExp(`^Opened by ${TO.name}`) });
    expect(within(open).getByText('Open')).toBeVisible();
    expect(within(open).getByText(DANGER)).toBeVisible();
    expect(within(open).getByRole('button', { name: 'End access now' })).toBeVisible();
    expect(within(open).getByRole('button', { name: 'Review this use' })).toBeVisible();
    const done = card(new RegExp(`^Opened by ${POLICE.name}`));
    expect(within(done).getByText('Ended')).toBeVisible();
    expect(within(done).getByText(/ended early — Survivor reached safely/)).toBeVisible();
    expect(within(done).getByText(/^Justified/)).toBeVisible();
    expect(within(done).queryAllByRole('button')).toEqual([]);
  });

  it('reviews a use once, with a finding, and says so; a use reviewed meanwhile is reloaded', async () => {
    renderAt('/break-glass', [
      capabilitiesMock(['REVIEW_BREAK_GLASS']),
      AGENCIES,
      sessions([session('bg-1')]),
      {
        request: {
          query: REVIEW_BREAK_GLASS,
          variables: {
            input: { id: 'bg-1', finding: 'NEEDS_FOLLOW_UP', note: 'Call the survivor tomorrow' },
          },
        },
        result: {
          data: {
            reviewBreakGlass: {
              __typename: 'BreakGlassSessionPayload',
              session: {
                __typename: 'BreakGlassSession',
                id: 'bg-1',
                reviewedAt: '2026-03-01T12:31:00.000Z',
              },
            },
          },
        },
      },
      sessions([
        session('bg-1', {
          reviewedAt: '2026-03-01T12:31:00.000Z',
          reviewFinding: 'NEEDS_FOLLOW_UP',
          reviewNote: 'Call the survivor tomorrow',
          availableActions: ['END'],
        }),
      ]),
    ]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Review this use' }));
    await user.click(screen.getByRole('button', { name: 'Record the review' }));
    expect(await screen.findByText('Choose one.')).toBeVisible();
    await user.click(screen.getByText('Needs follow-up'));
    await user.type(screen.getByLabelText(/What the review found/), 'Call the survivor tomorrow');
    await user.click(screen.getByRole('button', { name: 'Record the review' }));
    expect(await screen.findByRole('heading', { name: 'The review was recorded' })).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Review this use' })).toBeNull());
    expect(screen.getByText(/^Needs follow-up/)).toBeVisible();
  });

  it('a form opened on a use takes the focus; Cancel gives it back to the button that opened it', async () => {
    renderAt('/break-glass', [
      capabilitiesMock(['REVIEW_BREAK_GLASS']),
      AGENCIES,
      sessions([session('bg-1')]),
    ]);
    const user = userEvent.setup();
    const end = await screen.findByRole('button', { name: 'End access now' });
    await user.click(end);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'End access now' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(end).toHaveFocus());
    expect(screen.queryByRole('heading', { name: 'End access now' })).toBeNull();
  });

  it('ends an open use with why; a CONFLICT (ended meanwhile) reloads the list and says so', async () => {
    renderAt('/break-glass', [
      capabilitiesMock(['REVIEW_BREAK_GLASS']),
      AGENCIES,
      sessions([session('bg-1')]),
      {
        request: {
          query: END_BREAK_GLASS,
          variables: { input: { id: 'bg-1', reason: 'Survivor is safe now' } },
        },
        result: { errors: [{ message: 'already ended', extensions: { code: 'CONFLICT' } }] as never },
      },
      sessions([session('bg-1', { endedAt: '2026-03-01T12:29:00.000Z', availableActions: ['REVIEW'] })]),
    ]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'End access now' }));
    await user.type(screen.getByLabelText(/Why it ends now/), 'too short');
    await user.click(screen.getByRole('button', { name: 'End the access' }));
    expect(await screen.findByText('Say why in at least 10 characters (up to 1,000).')).toBeVisible();
    await user.clear(screen.getByLabelText(/Why it ends now/));
    await user.type(screen.getByLabelText(/Why it ends now/), 'Survivor is safe now');
    await user.click(screen.getByRole('button', { name: 'End the access' }));
    expect(
      await screen.findByRole('heading', {
        name: 'Someone else ended or reviewed this use meanwhile: the list shows it as it is now',
      }),
    ).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'End access now' })).toBeNull());
    expect(screen.getByText('Ended')).toBeVisible();
  });
});
