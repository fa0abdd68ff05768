import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AGENCY_QUERY } from './agency';
import {
  profileChanges,
  profileField,
  profileValuesOf,
  UPDATE_AGENCY_PROFILE,
  validateAgencyProfile,
} from './agency-profile-form';
import {
  ADD_MEMBER,
  MEMBER_CANDIDATES,
  REMOVE_MEMBER,
  TASK_FORCE_QUERY,
  UPDATE_MEMBER,
  validateMember,
} from './task-force';
import { countedVariables, expectProblemsFocused, FROM, renderAt, TO } from './testing';

const OFFICE = { __typename: 'Agency', id: 'a-tf', name: 'Bay County Task Force Office' };
const POLICE = { __typename: 'Agency', id: 'a-pd', name: 'Bayview Police Department' };

const member = (
  agency: { id: string; name: string },
  type: string,
  role: string,
  availableActions: string[],
  version = 1,
) => ({
  __typename: 'TaskForceMember',
  taskForceId: 'tf-1',
  agencyId: agency.id,
  role,
  version,
  joinedAt: '2025-11-01T09:00:00.000Z',
  availableActions,
  agency: { __typename: 'Agency', id: agency.id, name: agency.name, type, status: 'ACTIVE' },
});
const taskForce = (options: { coordinator: boolean; members?: unknown[] }) => ({
  request: { query: TASK_FORCE_QUERY },
  result: {
    data: {
      me: {
        __typename: 'Me',
        userId: 'u-1',
        taskForces: [
          {
            __typename: 'CallerTaskForce',
            role: 'MEMBER',
            taskForce: {
              __typename: 'TaskForce',
              id: 'tf-1',
              name: 'Bay County Human Trafficking Task Force',
              jurisdiction: 'Bay County',
              description: 'Counter-trafficking partners of Bay County',
              availableActions: options.coordinator ? ['ADD_MEMBER'] : [],
              members: options.members ?? [
                member(OFFICE, 'COORDINATOR', 'MEMBER', options.coordinator ? ['UPDATE'] : []),
                member(
                  FROM,
                  'NGO',
                  'CO_LEAD_VICTIM_SERVICES',
                  options.coordinator ? ['UPDATE', 'REMOVE'] : [],
                ),
                member(
                  POLICE,
                  'LAW_ENFORCEMENT',
                  'CO_LEAD_LAW_ENFORCEMENT',
                  options.coordinator ? ['UPDATE', 'REMOVE'] : [],
                ),
              ],
            },
          },
        ],
      },
    },
  },
});
const CANDIDATES = {
  request: { query: MEMBER_CANDIDATES, variables: {} },
  result: {
    data: {
      agencies: {
        __typename: 'AgencyConnection',
        edges: [
          { ...FROM, type: 'NGO', status: 'ACTIVE' },
          { ...TO, type: 'NGO', status: 'ACTIVE' },
          { __typename: 'Agency', id: 'a-old', name: 'Closed Clinic', type: 'HEALTH', status: 'DEACTIVATED' },
        ].map((node) => ({ __typename: 'AgencyEdge', node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false },
      },
    },
  },
};
const badInput = (problems: { field: string; message: string; reason?: string }[]) => ({
  errors: [{ message: 'Invalid', extensions: { code: 'BAD_USER_INPUT', problems } }] as never,
});

describe('member form: validation', () => {
  it('needs an agency and a role; a role change needs a different role', () => {
    expect(validateMember({ agencyId: '', role: '' })).toEqual({
      agencyId: 'form.chooseOne',
      role: 'form.chooseOne',
    });
    expect(validateMember({ agencyId: 'a-1', role: 'MEMBER' })).toEqual({});
    expect(validateMember({ agencyId: 'a-1', role: 'MEMBER' }, 'MEMBER')).toEqual({
      role: 'taskForce.sameRole',
    });
  });
});

describe('the task force screen', () => {
  it('a member sees the member agencies, kinds and roles, and nothing to manage', async () => {
    renderAt('/task-force', [taskForce({ coordinator: false })]);
    const table = await screen.findByRole('table', {
      name: 'Member agencies of Bay County Human Trafficking Task Force',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => Array.from(row.children).map((cell) => cell.textContent)),
    ).toEqual([
      ['Bay County Task Force Office', 'Coordinator', 'Member', expect.any(String)],
      ['Bayview Police Department', 'Law enforcement', 'Law-enforcement co-lead', expect.any(String)],
      ['Harbor Light Survivor Services', 'Victim services', 'Victim-services co-lead', expect.any(String)],
    ]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('the coordinator is offered what the API lists per member: never removing their own agency', async () => {
    renderAt('/task-force', [taskForce({ coordinator: true })]);
    await screen.findByRole('table');
    expect(screen.getByRole('button', { name: 'Change role of Bay County Task Force Office' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Remove Bay County Task Force Office' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove Harbor Light Survivor Services' })).toBeVisible();
  });

  it('adding: says what is missing at each field; the API’s refusal of the role is shown at the role, in words', async () => {
    const user = userEvent.setup();
    renderAt('/task-force', [
      taskForce({ coordinator: true }),
      CANDIDATES,
      {
        request: {
          query: ADD_MEMBER,
          variables: { input: { taskForceId: 'tf-1', agencyId: TO.id, role: 'CO_LEAD_VICTIM_SERVICES' } },
        },
        result: badInput([{ field: 'role', message: 'taken', reason: 'CO_LEAD_ALREADY_TAKEN' }]),
      },
      {
        request: {
          query: ADD_MEMBER,
          variables: { input: { taskForceId: 'tf-1', agencyId: TO.id, role: 'MEMBER' } },
        },
        result: {
          data: {
            addTaskForceMember: {
              __typename: 'TaskForceMemberPayload',
              member: {
                __typename: 'TaskForceMember',
                taskForceId: 'tf-1',
                agencyId: TO.id,
                role: 'MEMBER',
                version: 1,
              },
            },
          },
        },
      },
      taskForce({ coordinator: true }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Add a member' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 3, name: 'Add a member' })).toHaveFocus(),
    );
    // Members already in and agencies taken off the hub are not offered.
    const agency = screen.getByLabelText(/^Agency/);
    await waitFor(() =>
      expect(
        within(agency)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['- Select -', 'Safe Passage Legal Aid (Victim services)']),
    );
    await user.click(screen.getByRole('button', { name: 'Add the agency' }));
    expect(agency).toHaveAccessibleDescription('Choose one.');
    expect(screen.getByLabelText(/^Role in the task force/)).toHaveAccessibleDescription(
      expect.stringContaining('Choose one.'),
    );

    await user.selectOptions(agency, TO.id);
    await user.selectOptions(screen.getByLabelText(/^Role in the task force/), 'CO_LEAD_VICTIM_SERVICES');
    await user.click(screen.getByRole('button', { name: 'Add the agency' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/^Role in the task force/)).toHaveAccessibleDescription(
        expect.stringContaining(
          "Another member already holds this co-lead role. Change that member's role first.",
        ),
      ),
    );
    await user.selectOptions(screen.getByLabelText(/^Role in the task force/), 'MEMBER');
    await user.click(screen.getByRole('button', { name: 'Add the agency' }));
    const done = await screen.findByRole('heading', { name: 'Safe Passage Legal Aid added as Member' });
    await waitFor(() => expect(done.closest('[tabindex="-1"]')).toHaveFocus());
  });

  it('adding an agency someone made a member meanwhile (CONFLICT) says so at the agency, the form still open', async () => {
    const user = userEvent.setup();
    renderAt('/task-force', [
      taskForce({ coordinator: true }),
      CANDIDATES,
      {
        request: {
          query: ADD_MEMBER,
          variables: { input: { taskForceId: 'tf-1', agencyId: TO.id, role: 'MEMBER' } },
        },
        result: { errors: [{ message: 'already a member', extensions: { code: 'CONFLICT' } }] as never },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Add a member' }));
    const agency = screen.getByLabelText(/^Agency/);
    await waitFor(() => expect(within(agency).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(agency, TO.id);
    await user.selectOptions(screen.getByLabelText(/^Role in the task force/), 'MEMBER');
    await user.click(screen.getByRole('button', { name: 'Add the agency' }));
    await waitFor(() => expect(agency).toHaveAccessibleDescription('This agency is already a member.'));
    await waitFor(() => expect(agency).toHaveFocus());
    // Not a change to review: no announcement, and the form stays for another choice.
    expect(screen.queryByRole('heading', { name: 'Someone else changed this membership' })).toBeNull();
    expect(screen.getByRole('form', { name: 'Add a member' })).toBeVisible();
  });

  it('removing asks first and says what it means; a role change someone else made first is a conflict to review', async () => {
    const user = userEvent.setup();
    renderAt('/task-force', [
      taskForce({ coordinator: true }),
      {
        request: { query: REMOVE_MEMBER, variables: { input: { taskForceId: 'tf-1', agencyId: POLICE.id } } },
        result: {
          data: {
            removeTaskForceMember: {
              __typename: 'RemoveTaskForceMemberPayload',
              taskForceId: 'tf-1',
              agencyId: POLICE.id,
            },
          },
        },
      },
      taskForce({
        coordinator: true,
        members: [
          member(OFFICE, 'COORDINATOR', 'MEMBER', ['UPDATE']),
          member(FROM, 'NGO', 'CO_LEAD_VICTIM_SERVICES', ['UPDATE', 'REMOVE']),
        ],
      }),
      {
        request: {
          query: UPDATE_MEMBER,
          variables: {
            input: { taskForceId: 'tf-1', agencyId: FROM.id, role: 'MEMBER', expectedVersion: 1 },
          },
        },
        result: { errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] as never },
      },
      taskForce({
        coordinator: true,
        members: [
          member(OFFICE, 'COORDINATOR', 'MEMBER', ['UPDATE']),
          member(FROM, 'NGO', 'OBSERVER', ['UPDATE', 'REMOVE'], 2),
        ],
      }),
    ]);
    const remove = await screen.findByRole('button', { name: 'Remove Bayview Police Department' });
    await user.click(remove);
    // The row's button is pressed while its form is open, and names it (ActionToggle).
    expect([remove.getAttribute('aria-expanded'), remove.getAttribute('aria-controls')]).toEqual([
      'true',
      'member-form-tf-1',
    ]);
    expect(
      screen.getByText(/^Bayview Police Department leaves Bay County Human Trafficking Task Force/),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Remove from the task force' }));
    expect(
      await screen.findByRole('heading', { name: 'Bayview Police Department removed from the task force' }),
    ).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Bayview Police Department' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Change role of Harbor Light Survivor Services' }));
    await user.selectOptions(screen.getByLabelText(/^Role in the task force/), 'MEMBER');
    await user.click(screen.getByRole('button', { name: 'Save the role' }));
    const warning = await screen.findByRole('heading', { name: 'Someone else changed this membership' });
    await waitFor(() => expect(warning.closest('[tabindex="-1"]')).toHaveFocus());
    expect(await screen.findByText('Observer')).toBeVisible();
  });
});

const HARBOR_PROFILE = {
  __typename: 'Agency',
  id: FROM.id,
  name: FROM.name,
  type: 'NGO',
  jurisdiction: 'Bay County',
  status: 'ACTIVE',
  description: 'Case management and shelter.',
  services: ['CASE_MANAGEMENT', 'HOUSING_AND_SHELTER'],
  languages: ['en', 'es'],
  serviceAreas: ['Bay County'],
  hours: '24/7',
  intakePhone: '+1-555-0100',
  intakeEmail: 'intake@harborlight.example.org',
  website: 'https://harborlight.example.org',
  acceptingReferrals: true,
  notificationLanguage: 'en',
  confidentialLocation: true,
  version: 5,
  address: null,
  availableActions: ['UPDATE_PROFILE'],
};
const profile = (overrides: Record<string, unknown> = {}) => ({
  request: { query: AGENCY_QUERY, variables: { id: FROM.id } },
  result: { data: { agency: { ...HARBOR_PROFILE, ...overrides } } },
});

describe('agency profile form: validation and what is sent', () => {
  const base = profileValuesOf(HARBOR_PROFILE as never);

  it('checks the directory’s rules before sending', () => {
    expect(validateAgencyProfile(base)).toEqual({});
    expect(
      validateAgencyProfile({
        ...base,
        name: ' ',
        languages: 'en, Spanish',
        serviceAreas: 'x'.repeat(101),
        intakePhone: 'call us',
        intakeEmail: 'intake',
        website: 'harborlight.example.org',
        street: '1 Harbor Way',
      }),
    ).toEqual({
      name: 'form.required',
      languages: 'agencyProfile.languageCodes',
      serviceAreas: 'agencyProfile.areaTooLong',
      intakePhone: 'agencyProfile.phoneFormat',
      intakeEmail: 'agencyProfile.emailFormat',
      website: 'agencyProfile.websiteFormat',
      city: 'agencyProfile.addressIncomplete',
      region: 'agencyProfile.addressIncomplete',
      postalCode: 'agencyProfile.addressIncomplete',
    });
    expect(validateAgencyProfile({ ...base, hours: 'x'.repeat(201) })).toEqual({ hours: 'form.tooLong' });
  });

  it('sends only what changed: lists cleaned up, a blanked field as null, the address whole', () => {
    expect(
      profileChanges(base, {
        ...base,
        languages: 'EN, es ,vi, es',
        serviceAreas: ' Bay  County \n\nHarbor City',
        hours: '',
        street: '1 Harbor Way',
        city: 'Bayview',
        region: 'CA',
        postalCode: '94000',
      }),
    ).toEqual({
      languages: ['en', 'es', 'vi'],
      serviceAreas: ['Bay County', 'Harbor City'],
      hours: null,
      address: { street: '1 Harbor Way', city: 'Bayview', region: 'CA', postalCode: '94000' },
    });
    expect(profileChanges(base, { ...base, languages: 'en,es' })).toEqual({});
  });

  it('names the form field of each problem the API reports', () => {
    expect(profileField('languages[1]')).toBe('languages');
    expect(profileField('address.postalCode')).toBe('postalCode');
    expect(profileField('intakeEmail')).toBe('intakeEmail');
    expect(profileField('agencyId')).toBeNull();
  });
});

describe('the agency profile screens', () => {
  it('shows the profile; "Edit the profile" only where the API offers it', async () => {
    renderAt(`/agencies/${FROM.id}`, [profile({ availableActions: [] })]);
    expect(await screen.findByRole('heading', { level: 1, name: FROM.name })).toBeVisible();
    expect(screen.getByText('Case management, Housing and shelter')).toBeVisible();
    expect(screen.getByText('English, Spanish')).toBeVisible();
    // The API withheld the address of a confidential location.
    expect(screen.getAllByText('Confidential location').length).toBeGreaterThan(0);
    expect(screen.queryByRole('link', { name: 'Edit the profile' })).toBeNull();
  });

  it('edits: the form’s checks at their fields, the API’s refusal at its field, then only the changes with the version read, once', async () => {
    const user = userEvent.setup();
    const saved = countedVariables({
      input: {
        agencyId: FROM.id,
        expectedVersion: 5,
        acceptingReferrals: false,
        intakePhone: '+1 555 0198',
      },
    });
    renderAt(`/agencies/${FROM.id}/edit`, [
      profile(),
      {
        request: {
          query: UPDATE_AGENCY_PROFILE,
          variables: {
            input: {
              agencyId: FROM.id,
              expectedVersion: 5,
              acceptingReferrals: false,
              intakePhone: '+1 555 0199',
            },
          },
        },
        result: badInput([{ field: 'intakePhone', message: 'intakePhone must be a phone number' }]),
      },
      {
        request: {
          query: UPDATE_AGENCY_PROFILE,
          variables: saved.variables,
        },
        maxUsageCount: 2,
        result: {
          data: {
            updateAgencyProfile: {
              __typename: 'UpdateAgencyProfilePayload',
              agency: {
                ...HARBOR_PROFILE,
                acceptingReferrals: false,
                intakePhone: '+1 555 0198',
                version: 6,
              },
            },
          },
        },
      },
      profile({ acceptingReferrals: false, intakePhone: '+1 555 0198', version: 6 }),
    ]);
    const email = await screen.findByLabelText('Intake e-mail');
    await user.clear(email);
    await user.type(email, 'intake');
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));
    await expectProblemsFocused(user, '1 field needs your attention.', ['Intake e-mail']);
    expect(email).toHaveAccessibleDescription('Enter an e-mail address, such as intake@example.org.');
    await user.clear(email);
    await user.type(email, 'intake@harborlight.example.org');

    await user.click(screen.getByLabelText(/^Accepting referrals/));
    const phone = screen.getByLabelText(/^Intake phone/);
    await user.clear(phone);
    await user.type(phone, '+1 555 0199');
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));
    await waitFor(() =>
      expect(phone).toHaveAccessibleDescription(
        expect.stringContaining('Enter a phone number: digits, spaces and + ( ) - . /'),
      ),
    );
    await expectProblemsFocused(user, 'Some of what you entered was not accepted. Check it and try again.', [
      'Intake phone',
    ]);
    await user.clear(phone);
    await user.type(phone, '+1 555 0198');
    await user.dblClick(screen.getByRole('button', { name: 'Save the profile' }));
    expect(await screen.findByRole('heading', { name: 'Profile saved' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent(`/agencies/${FROM.id}`);
    expect(saved.calls()).toBe(1);
  });

  it('a save after someone else’s shows their version; keeping theirs starts again from it', async () => {
    const user = userEvent.setup();
    renderAt(`/agencies/${FROM.id}/edit`, [
      profile(),
      {
        request: {
          query: UPDATE_AGENCY_PROFILE,
          variables: { input: { agencyId: FROM.id, expectedVersion: 5, hours: 'Mon–Fri 9–5' } },
        },
        result: { errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] as never },
      },
      profile({ hours: 'Closed for renovation', version: 6 }),
    ]);
    const hours = await screen.findByLabelText(/^Hours/);
    await user.clear(hours);
    await user.type(hours, 'Mon–Fri 9–5');
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));
    const warning = await screen.findByRole('heading', { name: 'Someone else changed this profile' });
    await waitFor(() => expect(warning.closest('[tabindex="-1"]')).toHaveFocus());
    expect(screen.getByText('Closed for renovation')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Keep their version' }));
    expect(screen.getByLabelText(/^Hours/)).toHaveValue('Closed for renovation');
  });
});
