import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ASSIGN_TA,
  CLOSE_TA,
  emptyTaActionValues,
  RECORD_TA_SESSION,
  TA_PROVIDERS_QUERY,
  taActionInput,
  validateTaAction,
} from './technical-assistance-actions';
import {
  EMPTY_TA_REQUEST,
  REQUEST_TECHNICAL_ASSISTANCE,
  TA_REQUEST_ME,
  taRequestInput,
  type TaRequestValues,
  validateTaRequest,
} from './technical-assistance-request-form';
import {
  capabilitiesMock,
  chooseByKeyboard,
  expectProblemsFocused,
  pressByKeyboard,
  renderAt,
  typeByKeyboard,
} from './testing';
import { taDetail } from './technical-assistance.testing';

/** The clock the forms judge dates by (the UTC day), frozen: no test depends on today's date. */
const NOW = new Date('2026-03-10T15:00:00Z');
const TODAY = '2026-03-10';

const FILLED: TaRequestValues = {
  ...EMPTY_TA_REQUEST,
  taskForceId: 'tf-1',
  topic: 'TRAUMA_INFORMED_SERVICES',
  type: 'TRAINING',
  modality: 'HYBRID',
  urgency: 'TIME_SENSITIVE',
  problemStatement: ' Intake staff re-ask the same questions. ',
  whyItMatters: 'Survivors stop engaging.',
  currentPractice: 'Each agency has its own form.',
  desiredOutcome: 'One shared trauma-informed intake.',
  audiences: ['SERVICE_PROVIDERS', 'LAW_ENFORCEMENT'],
  expectedAttendees: ' 40 ',
};

describe('request form: validation and input', () => {
  it('names every missing choice and text, and the attendees as a whole number 1–1000', () => {
    expect(validateTaRequest(EMPTY_TA_REQUEST, TODAY, false)).toEqual({
      topic: 'form.chooseOne',
      type: 'form.chooseOne',
      modality: 'form.chooseOne',
      urgency: 'form.chooseOne',
      problemStatement: 'form.required',
      whyItMatters: 'form.required',
      currentPractice: 'form.required',
      desiredOutcome: 'form.required',
      audiences: 'form.chooseAtLeastOne',
      expectedAttendees: 'ta.form.attendees',
    });
    expect(validateTaRequest(FILLED, TODAY, false)).toEqual({});
    for (const attendees of ['0', '1001', '2.5', 'forty', '']) {
      expect(validateTaRequest({ ...FILLED, expectedAttendees: attendees }, TODAY, false)).toEqual({
        expectedAttendees: 'ta.form.attendees',
      });
    }
    expect(validateTaRequest({ ...FILLED, whyItMatters: 'x'.repeat(4001) }, TODAY, false)).toEqual({
      whyItMatters: 'form.tooLong',
    });
  });

  it('asks for the task force only when the agency belongs to more than one', () => {
    expect(validateTaRequest({ ...FILLED, taskForceId: '' }, TODAY, true)).toEqual({
      taskForceId: 'form.chooseOne',
    });
    expect(validateTaRequest({ ...FILLED, taskForceId: '' }, TODAY, false)).toEqual({});
  });

  it('checks the preferred dates as the API does: real days, not past, within two years, in order', () => {
    const dates = (preferredStartDate: string, preferredEndDate: string) =>
      validateTaRequest({ ...FILLED, preferredStartDate, preferredEndDate }, TODAY, false);
    expect(dates('2026-03-10', '2026-04-01')).toEqual({});
    expect(dates('2026-02-30', '')).toEqual({ preferredStartDate: 'form.date' });
    expect(dates('2026-03-09', '')).toEqual({ preferredStartDate: 'ta.form.notPast' });
    expect(dates('', '2028-03-12')).toEqual({ preferredEndDate: 'ta.form.tooFarAhead' });
    expect(dates('2026-04-02', '2026-04-01')).toEqual({ preferredEndDate: 'ta.form.endBeforeStart' });
  });

  it('sends trimmed text and whole numbers, leaves blank dates out, and carries the form’s key', () => {
    expect(taRequestInput({ ...FILLED, preferredStartDate: ' 2026-04-01 ' }, 'key-12345')).toEqual({
      taskForceId: 'tf-1',
      topic: 'TRAUMA_INFORMED_SERVICES',
      type: 'TRAINING',
      modality: 'HYBRID',
      urgency: 'TIME_SENSITIVE',
      problemStatement: 'Intake staff re-ask the same questions.',
      whyItMatters: 'Survivors stop engaging.',
      currentPractice: 'Each agency has its own form.',
      desiredOutcome: 'One shared trauma-informed intake.',
      preferredStartDate: '2026-04-01',
      preferredEndDate: undefined,
      audiences: ['SERVICE_PROVIDERS', 'LAW_ENFORCEMENT'],
      expectedAttendees: 40,
      idempotencyKey: 'key-12345',
    });
  });
});

describe('action forms: validation and input', () => {
  const values = emptyTaActionValues({ modality: 'VIRTUAL' });
  const days = { today: TODAY, requestedOn: '2026-03-01' };

  it('assign needs a provider; triage a priority; decline a reason; close a rating 1–5', () => {
    expect(validateTaAction('ASSIGN', values, days)).toEqual({ agencyId: 'ta.form.chooseProvider' });
    expect(
      validateTaAction('ASSIGN', { ...values, agencyId: 'a-ta', assigneeName: 'x'.repeat(201) }, days),
    ).toEqual({ assigneeName: 'form.tooLong' });
    expect(validateTaAction('TRIAGE', { ...values, note: 'x'.repeat(2001) }, days)).toEqual({
      priority: 'form.chooseOne',
      note: 'form.tooLong',
    });
    expect(validateTaAction('DECLINE', { ...values, reason: '  ' }, days)).toEqual({
      reason: 'form.required',
    });
    expect(validateTaAction('WITHDRAW', values, days)).toEqual({});
    expect(validateTaAction('CLOSE', values, days)).toEqual({ rating: 'ta.form.rating' });
    expect(validateTaAction('CLOSE', { ...values, rating: '6' }, days)).toEqual({ rating: 'ta.form.rating' });
    expect(validateTaAction('CLOSE', { ...values, rating: '5', feedback: 'x'.repeat(4001) }, days)).toEqual({
      feedback: 'form.tooLong',
    });
  });

  it('a session is held between the request and today, lasts up to 24 hours, and a training counts its attendees', () => {
    const session = { ...values, heldOn: '2026-03-09', hours: '1.5', kind: 'CONSULTATION' as const };
    expect(validateTaAction('RECORD_SESSION', session, days)).toEqual({});
    expect(validateTaAction('RECORD_SESSION', values, days)).toEqual({
      heldOn: 'form.required',
      hours: 'ta.form.hours',
      kind: 'form.chooseOne',
    });
    expect(validateTaAction('RECORD_SESSION', { ...session, heldOn: '2026-03-11' }, days)).toEqual({
      heldOn: 'ta.form.notFuture',
    });
    expect(validateTaAction('RECORD_SESSION', { ...session, heldOn: '2026-02-28' }, days)).toEqual({
      heldOn: 'ta.form.beforeRequest',
    });
    for (const hours of ['0', '24.5', '1.555', 'two']) {
      expect(validateTaAction('RECORD_SESSION', { ...session, hours }, days)).toEqual({
        hours: 'ta.form.hours',
      });
    }
    const training = { ...session, kind: 'TRAINING' as const };
    expect(validateTaAction('RECORD_SESSION', training, days)).toEqual({
      attendance: 'ta.form.trainingNeedsAttendance',
    });
    expect(
      validateTaAction(
        'RECORD_SESSION',
        { ...training, attendance: { COMMUNITY: '600', EDUCATORS: '401' } },
        days,
      ),
    ).toEqual({ attendance: 'ta.form.attendanceTotal' });
    expect(
      validateTaAction('RECORD_SESSION', { ...training, attendance: { COMMUNITY: '-3' } }, days),
    ).toEqual({
      'attendance-COMMUNITY': 'ta.form.count',
      attendance: 'ta.form.trainingNeedsAttendance',
    });
    expect(
      validateTaAction('RECORD_SESSION', { ...session, materials: Array(21).fill('Deck').join('\n') }, days),
    ).toEqual({ materials: 'ta.form.tooManyMaterials' });
  });

  it('sends the version seen, numbers as numbers, attendance only for a training, and leaves blank text out', () => {
    const request = { id: 'ta-1', version: 5 };
    expect(
      taActionInput('RECORD_SESSION', request, {
        ...values,
        heldOn: '2026-03-09',
        modality: 'ON_SITE',
        hours: '3.5',
        kind: 'TRAINING',
        attendance: { LAW_ENFORCEMENT: '18', SERVICE_PROVIDERS: '22', COMMUNITY: '0', EDUCATORS: '' },
        materials: ' Slide deck v2 \n\n https://example.org/checklist ',
      }),
    ).toEqual({
      requestId: 'ta-1',
      expectedVersion: 5,
      heldOn: '2026-03-09',
      modality: 'ON_SITE',
      hours: 3.5,
      attendance: [
        { audience: 'SERVICE_PROVIDERS', attendees: 22 },
        { audience: 'LAW_ENFORCEMENT', attendees: 18 },
      ],
      materials: ['Slide deck v2', 'https://example.org/checklist'],
      notes: undefined,
    });
    expect(
      taActionInput('RECORD_SESSION', request, {
        ...values,
        heldOn: '2026-03-09',
        hours: '1',
        kind: 'CONSULTATION',
        attendance: { COMMUNITY: '12' },
      }),
    ).toMatchObject({ attendance: undefined, modality: 'VIRTUAL' });
    expect(taActionInput('CLOSE', request, { ...values, rating: '4', feedback: '  ' })).toEqual({
      requestId: 'ta-1',
      expectedVersion: 5,
      rating: 4,
      feedback: undefined,
    });
    expect(
      taActionInput('ASSIGN', request, { ...values, agencyId: 'a-ta', assigneeName: ' Priya ' }),
    ).toEqual({
      requestId: 'ta-1',
      expectedVersion: 5,
      agencyId: 'a-ta',
      assigneeName: 'Priya',
      note: undefined,
    });
  });
});

const ME = {
  request: { query: TA_REQUEST_ME },
  result: {
    data: {
      me: {
        __typename: 'Me',
        agency: { __typename: 'Agency', id: 'a-ngo', name: 'Harbor Light Survivor Services' },
        taskForces: [
          {
            __typename: 'CallerTaskForce',
            taskForce: {
              __typename: 'TaskForce',
              id: 'tf-1',
              name: 'Bay County Human Trafficking Task Force',
            },
          },
        ],
      },
    },
  },
};

describe('request form on the screen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * The required fields by keyboard, in the form's order, from wherever the focus is. The topic is a
   * native select, which jsdom gives no keyboard: it is chosen as by pointer (the browser flows
   * choose a select by type-ahead).
   */
  async function fillRequiredFields(user: ReturnType<typeof userEvent.setup>) {
    await user.selectOptions(await screen.findByLabelText(/^Topic/), 'TRAUMA_INFORMED_SERVICES');
    const option = (group: RegExp, label: string) =>
      within(screen.getByRole('group', { name: group })).getByLabelText<HTMLInputElement>(label);
    await chooseByKeyboard(user, option(/^Kind of help/, 'Training'));
    await typeByKeyboard(
      user,
      screen.getByLabelText(/^Problem to solve/),
      'Intake staff re-ask the same questions.',
    );
    await typeByKeyboard(user, screen.getByLabelText(/^Why it matters/), 'Survivors stop engaging.');
    await typeByKeyboard(user, screen.getByLabelText(/^Current practice/), 'Each agency has its own form.');
    await typeByKeyboard(
      user,
      screen.getByLabelText(/^Desired outcome/),
      'One shared trauma-informed intake.',
    );
    await chooseByKeyboard(user, option(/^Audiences/, 'Service providers'));
    await typeByKeyboard(user, screen.getByLabelText(/^Expected attendees/), '40');
    await chooseByKeyboard(user, option(/^Modality/, 'Hybrid'));
    await chooseByKeyboard(user, option(/^Urgency/, 'Time-sensitive'));
  }

  it('says what is missing, then sends once with one idempotency key and opens the request', async () => {
    const keys: string[] = [];
    const user = userEvent.setup();
    renderAt('/technical-assistance/new', [
      capabilitiesMock(['READ_TECHNICAL_ASSISTANCE', 'REQUEST_TECHNICAL_ASSISTANCE']),
      ME,
      {
        request: {
          query: REQUEST_TECHNICAL_ASSISTANCE,
          variables: (variables: { input: Record<string, unknown> }) => {
            keys.push(String(variables.input['idempotencyKey']));
            return variables.input['expectedAttendees'] === 40 && variables.input['taskForceId'] === 'tf-1';
          },
        },
        result: {
          data: {
            requestTechnicalAssistance: {
              __typename: 'TechnicalAssistanceRequestPayload',
              request: {
                __typename: 'TechnicalAssistanceRequest',
                id: 'ta-1',
                status: 'SUBMITTED',
                version: 1,
              },
            },
          },
        },
      },
      taDetail({ availableActions: ['WITHDRAW', 'MESSAGE'] }),
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Request technical assistance' }),
    ).toBeVisible();
    // One task force: named, not asked.
    expect(screen.getByText('Asked of: Bay County Human Trafficking Task Force')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await expectProblemsFocused(user, '10 fields need your attention.', [
      'Topic',
      'Kind of help',
      'Problem to solve',
      'Why it matters',
      'Current practice',
      'Desired outcome',
      'Audiences',
      'Expected attendees',
      'Modality',
      'Urgency',
    ]);
    expect(screen.getByLabelText(/^Problem to solve/)).toHaveAccessibleDescription(
      expect.stringContaining('This is required.'),
    );
    expect(screen.getByRole('group', { name: /^Audiences/ })).toHaveAccessibleDescription(
      'Choose at least one.',
    );

    await fillRequiredFields(user);
    await user.type(screen.getByLabelText(/^Earliest preferred date/), '2026-03-09');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(screen.getByLabelText(/^Earliest preferred date/)).toHaveAccessibleDescription(
      expect.stringContaining('Choose today or a later day.'),
    );
    await user.clear(screen.getByLabelText(/^Earliest preferred date/));
    await user.dblClick(screen.getByRole('button', { name: 'Send request' }));

    expect(await screen.findByRole('heading', { name: 'Request sent to the task force' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent('/technical-assistance/ta-1');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9._:-]{8,100}$/);
  });

  it('shows the API’s BAD_USER_INPUT problems at the fields they name, and lists the others', async () => {
    const user = userEvent.setup();
    renderAt('/technical-assistance/new', [
      capabilitiesMock(['READ_TECHNICAL_ASSISTANCE', 'REQUEST_TECHNICAL_ASSISTANCE']),
      ME,
      {
        request: { query: REQUEST_TECHNICAL_ASSISTANCE, variables: () => true },
        result: {
          errors: [
            {
              message: 'Invalid input',
              extensions: {
                code: 'BAD_USER_INPUT',
                problems: [
                  { field: 'expectedAttendees', message: 'must not be greater than 1000' },
                  { field: 'audiences[0]', message: 'must be one of …' },
                  { field: 'somethingElse', message: 'is wrong' },
                ],
              },
            },
          ] as never,
        },
      },
    ]);
    await fillRequiredFields(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));

    await expectProblemsFocused(user, 'Some of what you entered was not accepted. Check it and try again.', [
      'Audiences',
      'Expected attendees',
    ]);
    expect(screen.getByLabelText(/^Expected attendees/)).toHaveAccessibleDescription(
      expect.stringContaining('Check the expected attendees: 1 to 1,000.'),
    );
    expect(screen.getByRole('group', { name: /^Audiences/ })).toHaveAccessibleDescription(
      'Check the audiences: 1 to 10, each once.',
    );
    const others = screen.getByRole('list', { name: 'What to check' });
    expect(
      within(others)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Check the field “somethingElse”.']);
    expect(screen.getByRole('heading', { name: '2 fields need your attention.' })).toBeVisible();
  });

  it('a reused key (CONFLICT) says the request may exist already, and that takes the focus', async () => {
    const user = userEvent.setup();
    renderAt('/technical-assistance/new', [
      capabilitiesMock(['READ_TECHNICAL_ASSISTANCE', 'REQUEST_TECHNICAL_ASSISTANCE']),
      ME,
      {
        request: { query: REQUEST_TECHNICAL_ASSISTANCE, variables: () => true },
        result: { errors: [{ message: 'Conflict', extensions: { code: 'CONFLICT' } }] as never },
      },
    ]);
    await fillRequiredFields(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await expectProblemsFocused(user, 'This form was already sent with other details');
    expect(screen.queryByText('Someone else changed this request. Review it and try again.')).toBeNull();
    expect(screen.getByTestId('location')).toHaveTextContent('/technical-assistance/new');
  });

  it('is not there for a caller who may not request assistance', async () => {
    renderAt('/technical-assistance/new', [capabilitiesMock(['READ_TECHNICAL_ASSISTANCE'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});

const PROVIDERS = {
  request: { query: TA_PROVIDERS_QUERY },
  result: {
    data: {
      providers: {
        __typename: 'AgencyConnection',
        edges: [
          {
            __typename: 'AgencyEdge',
            node: {
              __typename: 'Agency',
              id: 'a-ta',
              name: 'Regional Training & TA Center',
              type: 'TA_PROVIDER',
              jurisdiction: 'Bay County',
              status: 'ACTIVE',
            },
          },
          {
            __typename: 'AgencyEdge',
            node: {
              __typename: 'Agency',
              id: 'a-gone',
              name: 'Closed TA Institute',
              type: 'TA_PROVIDER',
              jurisdiction: 'Bay County',
              status: 'DEACTIVATED',
            },
          },
        ],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false },
      },
      federalPartners: {
        __typename: 'AgencyConnection',
        edges: [
          {
            __typename: 'AgencyEdge',
            node: {
              __typename: 'Agency',
              id: 'a-fed',
              name: 'Federal Victim Assistance Office',
              type: 'FEDERAL_PARTNER',
              jurisdiction: 'Region 9',
              status: 'ACTIVE',
            },
          },
        ],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false },
      },
    },
  },
};
const moved = (field: string, status: string, version: number, extra: Record<string, unknown> = {}) => ({
  data: {
    [field]: {
      __typename:
        field === 'recordTechnicalAssistanceSession'
          ? 'RecordTechnicalAssistanceSessionPayload'
          : 'TechnicalAssistanceRequestPayload',
      request: { __typename: 'TechnicalAssistanceRequest', id: 'ta-1', status, version },
      ...extra,
    },
  },
});

describe('action forms on the request screen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('assign: offers the active TA providers and federal partners, needs one, and sends it with the version seen', async () => {
    const user = userEvent.setup();
    renderAt('/technical-assistance/ta-1', [
      taDetail({
        status: 'TRIAGED',
        version: 2,
        priority: 'HIGH',
        availableActions: ['ASSIGN', 'DECLINE', 'MESSAGE'],
      }),
      PROVIDERS,
      {
        request: {
          query: ASSIGN_TA,
          variables: {
            input: { requestId: 'ta-1', expectedVersion: 2, agencyId: 'a-ta', assigneeName: 'Priya Raman' },
          },
        },
        result: moved('assignTechnicalAssistance', 'ASSIGNED', 3),
      },
      taDetail({
        status: 'ASSIGNED',
        version: 3,
        priority: 'HIGH',
        assignedAgency: { __typename: 'Agency', id: 'a-ta', name: 'Regional Training & TA Center' },
        assigneeName: 'Priya Raman',
        availableActions: ['WITHDRAW', 'MESSAGE'],
      }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Assign a provider' }));
    const providers = await screen.findByRole('group', { name: /^Provider/ });
    expect(
      within(providers)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['a-ta', 'a-fed']);
    await user.click(screen.getByRole('button', { name: 'Assign request' }));
    expect(providers).toHaveAccessibleDescription('Choose the agency that will deliver.');

    await user.click(within(providers).getByLabelText(/Regional Training & TA Center/));
    await user.type(screen.getByLabelText(/^Who will lead the work/), 'Priya Raman');
    await user.click(screen.getByRole('button', { name: 'Assign request' }));
    const done = await screen.findByRole('heading', { name: 'Request assigned' });
    await waitFor(() => expect(done.closest('[tabindex="-1"]')).toHaveFocus());
    expect(screen.getByText('Regional Training & TA Center (led by Priya Raman)')).toBeVisible();
  });

  it('record a session: a training with attendance by audience; a future date is refused before sending', async () => {
    const user = userEvent.setup();
    renderAt('/technical-assistance/ta-1', [
      taDetail({ status: 'IN_PROGRESS', version: 4, availableActions: ['RECORD_SESSION', 'MESSAGE'] }),
      {
        request: {
          query: RECORD_TA_SESSION,
          variables: {
            input: {
              requestId: 'ta-1',
              expectedVersion: 4,
              heldOn: '2026-03-09',
              modality: 'ON_SITE',
              hours: 3.5,
              attendance: [
                { audience: 'SERVICE_PROVIDERS', attendees: 22 },
                { audience: 'LAW_ENFORCEMENT', attendees: 18 },
              ],
              materials: ['Slide deck v2'],
            },
          },
        },
        result: moved('recordTechnicalAssistanceSession', 'IN_PROGRESS', 5, {
          session: { __typename: 'TechnicalAssistanceSession', id: 's-1' },
        }),
      },
      taDetail({
        status: 'IN_PROGRESS',
        version: 5,
        availableActions: ['DELIVER', 'RECORD_SESSION', 'MESSAGE'],
        sessions: [
          {
            __typename: 'TechnicalAssistanceSession',
            id: 's-1',
            kind: 'TRAINING',
            heldOn: '2026-03-09',
            modality: 'ON_SITE',
            hours: 3.5,
            totalAttendees: 40,
            attendance: [
              { __typename: 'TechnicalAssistanceAttendance', audience: 'SERVICE_PROVIDERS', attendees: 22 },
              { __typename: 'TechnicalAssistanceAttendance', audience: 'LAW_ENFORCEMENT', attendees: 18 },
            ],
            materials: ['Slide deck v2'],
            notes: null,
          },
        ],
      }),
    ]);
    expect(await screen.findByText('No session recorded yet.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Record a session' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 3, name: 'Record a session' })).toHaveFocus(),
    );
    // The request's modality to start with.
    expect(within(screen.getByRole('group', { name: /^Modality/ })).getByLabelText('Hybrid')).toBeChecked();

    await user.type(screen.getByLabelText(/^Held on/), '2026-03-11');
    await user.type(screen.getByLabelText(/^Hours/), '3.5');
    await user.click(
      within(screen.getByRole('group', { name: /^Kind of session/ })).getByLabelText(/^Training/),
    );
    await user.click(screen.getByRole('button', { name: 'Record session' }));
    expect(screen.getByLabelText(/^Held on/)).toHaveAccessibleDescription(
      expect.stringContaining('A session cannot be in the future.'),
    );
    const attendance = screen.getByRole('group', { name: /^Attendance by audience/ });
    expect(attendance).toHaveAccessibleDescription(expect.stringContaining('A training has attendees'));
    // The request's audiences come first.
    expect(
      within(attendance)
        .getAllByRole('textbox')
        .slice(0, 2)
        .map((box) => box.id),
    ).toEqual(['attendance-SERVICE_PROVIDERS', 'attendance-LAW_ENFORCEMENT']);

    await user.clear(screen.getByLabelText(/^Held on/));
    await user.type(screen.getByLabelText(/^Held on/), '2026-03-09');
    await user.click(within(screen.getByRole('group', { name: /^Modality/ })).getByLabelText('On site'));
    await user.type(within(attendance).getByLabelText('Service providers'), '22');
    await user.type(within(attendance).getByLabelText('Law enforcement'), '18');
    await user.type(screen.getByLabelText(/^Materials/), 'Slide deck v2');
    await user.click(screen.getByRole('button', { name: 'Record session' }));

    expect(await screen.findByRole('heading', { name: 'Session recorded' })).toBeVisible();
    const sessions = screen.getByRole('table', { name: 'Sessions delivered' });
    expect(within(sessions).getByText('40 attendees')).toBeVisible();
    expect(within(sessions).getByText('Law enforcement: 18')).toBeVisible();
    // Now there is something to deliver.
    expect(screen.getByRole('button', { name: 'Deliver' })).toBeVisible();
  });

  it('close with a rating, by keyboard only: the rating is required, then sent as a number with the feedback', async () => {
    const user = userEvent.setup();
    renderAt('/technical-assistance/ta-1', [
      taDetail({ status: 'DELIVERED', version: 6, availableActions: ['CLOSE', 'MESSAGE'] }),
      {
        request: {
          query: CLOSE_TA,
          variables: {
            input: {
              requestId: 'ta-1',
              expectedVersion: 6,
              rating: 5,
              feedback: 'Intake now uses one script.',
            },
          },
        },
        result: moved('closeTechnicalAssistance', 'CLOSED', 7),
      },
      taDetail({
        status: 'CLOSED',
        version: 7,
        rating: 5,
        feedback: 'Intake now uses one script.',
        availableActions: ['MESSAGE'],
      }),
    ]);
    await pressByKeyboard(user, await screen.findByRole('button', { name: 'Close with a rating' }));
    expect(screen.getByText('Closing ends the request for good. It cannot be undone.')).toBeVisible();
    await pressByKeyboard(user, screen.getByRole('button', { name: 'Close request' }));
    const rating = screen.getByRole('group', { name: /^Did it help/ });
    expect(rating).toHaveAccessibleDescription(expect.stringContaining('Choose a rating.'));

    // The problems take the focus; the form is walked forward from there.
    await chooseByKeyboard(user, within(rating).getByLabelText<HTMLInputElement>('5 — Very much'));
    await typeByKeyboard(
      user,
      screen.getByLabelText(/^Feedback for the provider/),
      'Intake now uses one script.',
    );
    await pressByKeyboard(user, screen.getByRole('button', { name: 'Close request' }));

    expect(await screen.findByRole('heading', { name: 'Request closed' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'What you can do' })).toBeNull();
    expect(screen.getByText('5 — Very much', { selector: 'dd' })).toBeVisible();
  });

  /** Closing with `rating` (its label), refused by the API with `code`. */
  async function closeRefused(
    code: string,
    rating: number,
    label: string,
    reloaded: MockLink.MockedResponse[] = [],
  ) {
    const user = userEvent.setup();
    renderAt('/technical-assistance/ta-1', [
      taDetail({ status: 'DELIVERED', version: 6, availableActions: ['CLOSE', 'MESSAGE'] }),
      {
        request: { query: CLOSE_TA, variables: { input: { requestId: 'ta-1', expectedVersion: 6, rating } } },
        result: { errors: [{ message: 'refused', extensions: { code } }] as never },
      },
      ...reloaded,
    ]);
    await user.click(await screen.findByRole('button', { name: 'Close with a rating' }));
    await user.click(within(screen.getByRole('group', { name: /^Did it help/ })).getByLabelText(label));
    await user.click(screen.getByRole('button', { name: 'Close request' }));
  }

  it('a CONFLICT says someone else changed the request and reloads it for review', async () => {
    await closeRefused('CONFLICT', 2, '2 — A little', [
      taDetail({ status: 'CLOSED', version: 7, rating: 4, availableActions: ['MESSAGE'] }),
    ]);
    const warning = await screen.findByRole('heading', { name: 'Someone else changed this request' });
    await waitFor(() => expect(warning.closest('[tabindex="-1"]')).toHaveFocus());
    expect(await screen.findByText('Closed', { selector: 'dd' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Close with a rating' })).toBeNull();
  });

  it('an ILLEGAL_TRANSITION is told in the request’s words, and the form stays', async () => {
    await closeRefused('ILLEGAL_TRANSITION', 3, '3 — Somewhat');
    expect(
      await screen.findByText("This step is no longer possible from the request's current status."),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Close request' })).toBeVisible();
  });
});
