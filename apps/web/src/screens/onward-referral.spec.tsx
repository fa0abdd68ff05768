import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES_QUERY } from '../capabilities';
import {
  CREATE_REFERRAL,
  DIRECTORY_QUERY,
  ME_QUERY,
  newReferralInput,
  ONWARD_PARENT_QUERY,
  onwardValues,
  REFERRAL_CONSENTS,
} from './new-referral';
import { REFERRAL_QUERY } from './referral';
import { SEND_REFERRAL } from './referral-actions';
import { capabilitiesMock, expectProblemsFocused, FROM, REFERRAL_DETAIL, renderAt, TO } from './testing';

/** The caller is Safe Passage (TO), which received ref-1 from Harbor Light (FROM). */
const CLINIC = { __typename: 'Agency', id: 'a-clinic', name: 'Bay Community Clinic' };
const me = (agencyId: string) => ({
  request: { query: ME_QUERY },
  result: { data: { me: { __typename: 'Me', agency: { __typename: 'Agency', id: agencyId } } } },
});
const SURVIVOR_REF = { __typename: 'Survivor', id: 's-1', reference: 'S-0A1B2C3D4E', ageBand: 'AGE_25_34' };
const parentReferral = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Referral',
  id: 'ref-1',
  sentAt: '2026-01-05T10:05:00.000Z',
  createdAt: '2026-01-05T10:00:00.000Z',
  language: null,
  ageBand: null,
  fromAgency: FROM,
  toAgency: { __typename: 'Agency', id: TO.id },
  survivor: null,
  ...overrides,
});
const parentMock = (overrides: Record<string, unknown> = {}) => ({
  request: { query: ONWARD_PARENT_QUERY, variables: { id: 'ref-1' } },
  result: { data: { referral: parentReferral(overrides) } },
});
const directoryEntry = (base: { id: string; name: string }, type = 'NGO') => ({
  __typename: 'Agency',
  ...base,
  type,
  services: ['MEDICAL'],
  languages: ['en', 'es'],
  serviceAreas: ['Bay County'],
  acceptingReferrals: true,
});
const DIRECTORY = {
  request: { query: DIRECTORY_QUERY, variables: { need: 'MEDICAL', acceptingOnly: true } },
  result: {
    data: {
      directory: {
        __typename: 'AgencyConnection',
        edges: [directoryEntry(TO), directoryEntry(CLINIC, 'HEALTH'), directoryEntry(FROM)].map((node) => ({
          __typename: 'AgencyEdge',
          node,
        })),
      },
    },
  },
};
/** createReferral answering `ref-2` when its input (the key aside) is `expected`. */
const createMock = (expected: Record<string, unknown>, result: Record<string, unknown>) => ({
  request: {
    query: CREATE_REFERRAL,
    variables: (variables: { input: Record<string, unknown> }) => {
      const rest = { ...variables.input };
      delete rest['idempotencyKey'];
      return JSON.stringify(rest) === JSON.stringify(expected);
    },
  },
  result,
});
const created = (status: string, version: number) => ({
  data: {
    createReferral: {
      __typename: 'ReferralPayload',
      referral: { __typename: 'Referral', id: 'ref-2', status, version },
    },
  },
});
const SENT_ONWARD = [
  {
    request: { query: SEND_REFERRAL, variables: { input: { referralId: 'ref-2', expectedVersion: 1 } } },
    result: {
      data: {
        sendReferral: {
          __typename: 'ReferralPayload',
          referral: { __typename: 'Referral', id: 'ref-2', status: 'SENT', version: 2 },
        },
      },
    },
  },
  {
    request: { query: REFERRAL_QUERY, variables: { id: 'ref-2' } },
    result: {
      data: {
        referral: {
          ...REFERRAL_DETAIL,
          id: 'ref-2',
          fromAgency: TO,
          toAgency: CLINIC,
          parent: {
            __typename: 'Referral',
            id: 'ref-1',
            sentAt: '2026-01-05T10:05:00.000Z',
            createdAt: '2026-01-05T10:00:00.000Z',
            fromAgency: FROM,
          },
        },
      },
    },
  },
];

async function chooseClinicFor(user: ReturnType<typeof userEvent.setup>, need = 'Medical care') {
  await user.selectOptions(screen.getByLabelText('Service needed'), 'MEDICAL');
  await user.click(screen.getByRole('button', { name: 'Find agencies' }));
  expect(await screen.findByText('2 agencies found.')).toBeVisible();
  const recipients = screen.getByRole('group', { name: /Receiving agency/ });
  // Never the caller's own agency; the parent's sender may be referred to like any other.
  expect(within(recipients).queryByLabelText(new RegExp(TO.name))).toBeNull();
  await user.click(within(recipients).getByLabelText(new RegExp(CLINIC.name)));
  await user.click(within(screen.getByRole('group', { name: /^Needs/ })).getByLabelText(need));
  await user.click(within(screen.getByRole('group', { name: /^Urgency/ })).getByLabelText('Urgent'));
}

describe('onward referral: what is sent', () => {
  const values = {
    toAgencyId: 'a',
    needs: ['MEDICAL' as const],
    urgency: 'URGENT' as const,
    language: '',
    ageBand: '' as const,
    callback: 'Desk 3',
    notes: '',
  };

  it('names the parent in either kind of referral, and only when there is one', () => {
    expect(newReferralInput({ ...values, parentReferralId: 'ref-1' }, 'key-1234')).toMatchObject({
      parentReferralId: 'ref-1',
      callback: 'Desk 3',
    });
    expect(
      newReferralInput(
        {
          ...values,
          withSurvivor: true,
          survivorId: 's-1',
          consentId: 'c-1',
          sharedClasses: ['NEEDS'],
          parentReferralId: 'ref-1',
        },
        'key-1234',
      ),
    ).toMatchObject({ parentReferralId: 'ref-1', survivorId: 's-1' });
    expect('parentReferralId' in newReferralInput(values, 'key-1234')).toBe(false);
  });

  it('starts from what the parent shared: the survivor record, else a de-identified language and age band', () => {
    expect(onwardValues(parentReferral({ survivor: SURVIVOR_REF, language: null }))).toEqual({
      parentReferralId: 'ref-1',
      withSurvivor: true,
      survivorId: 's-1',
    });
    expect(onwardValues(parentReferral({ language: 'es', ageBand: 'AGE_25_34' }))).toEqual({
      parentReferralId: 'ref-1',
      language: 'es',
      ageBand: 'AGE_25_34',
    });
    // A survivor record no longer shared: nothing of it, and the form starts de-identified.
    expect(onwardValues(parentReferral())).toEqual({ parentReferralId: 'ref-1', language: '', ageBand: '' });
  });
});

describe('"Refer onward" on the referral screen', () => {
  const detail = (overrides: Record<string, unknown> = {}) => ({
    request: { query: REFERRAL_QUERY, variables: { id: 'ref-1' } },
    result: { data: { referral: { ...REFERRAL_DETAIL, status: 'DECLINED', ...overrides } } },
  });

  it('is offered to a caller who may refer, on a referral their agency received (in any status)', async () => {
    renderAt('/referrals/ref-1', [capabilitiesMock(['CREATE_REFERRAL']), me(TO.id), detail()]);
    const link = await screen.findByRole('link', { name: 'Refer onward' });
    expect(link).toHaveAttribute('href', '/referrals/ref-1/refer-onward');
    expect(link).toHaveAccessibleDescription(/does not see this referral/);
  });

  it('is absent for the sending agency', async () => {
    const { client } = renderAt('/referrals/ref-1', [
      capabilitiesMock(['CREATE_REFERRAL']),
      me(FROM.id),
      detail(),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral' })).toBeVisible();
    // Judged once the caller's agency is known, not merely before it is.
    await waitFor(() => expect(client.readQuery({ query: ME_QUERY })?.me.agency?.id).toBe(FROM.id));
    expect(screen.queryByRole('link', { name: 'Refer onward' })).toBeNull();
  });

  it('is absent for a caller who may not create referrals (their agency is not even asked)', async () => {
    const { client } = renderAt('/referrals/ref-1', [capabilitiesMock(['READ_REFERRALS']), detail()]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral' })).toBeVisible();
    await waitFor(() =>
      expect(client.readQuery({ query: CAPABILITIES_QUERY })?.me.capabilities).toEqual(['READ_REFERRALS']),
    );
    expect(screen.queryByRole('link', { name: 'Refer onward' })).toBeNull();
  });

  it('a sub-referral links to the referral it continues when the API gives it, and says nothing otherwise', async () => {
    const view = renderAt('/referrals/ref-2', [
      capabilitiesMock([]),
      {
        request: { query: REFERRAL_QUERY, variables: { id: 'ref-2' } },
        result: {
          data: {
            referral: {
              ...REFERRAL_DETAIL,
              id: 'ref-2',
              parent: {
                __typename: 'Referral',
                id: 'ref-1',
                sentAt: '2026-01-05T10:05:00.000Z',
                createdAt: '2026-01-05T10:00:00.000Z',
                fromAgency: FROM,
              },
            },
          },
        },
      },
    ]);
    const link = await screen.findByRole('link', {
      name: new RegExp(`^the referral ${FROM.name} sent your agency on .*2026`),
    });
    expect(link).toHaveAttribute('href', '/referrals/ref-1');
    expect(screen.getByText('Onward referral from', { selector: 'dt' })).toBeVisible();
    view.unmount();

    // The onward recipient: the API answers no parent, so the screen has nothing to say.
    renderAt('/referrals/ref-2', [
      capabilitiesMock([]),
      {
        request: { query: REFERRAL_QUERY, variables: { id: 'ref-2' } },
        result: { data: { referral: { ...REFERRAL_DETAIL, id: 'ref-2', parent: null } } },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral' })).toBeVisible();
    expect(screen.queryByText('Onward referral from')).toBeNull();
  });
});

describe('onward referral screen', () => {
  it('from a de-identified referral: says what it continues, starts from its language and age band, and sends the parent', async () => {
    const user = userEvent.setup();
    renderAt('/referrals/ref-1/refer-onward', [
      capabilitiesMock(['CREATE_REFERRAL']),
      parentMock({ language: 'es', ageBand: 'AGE_25_34' }),
      me(TO.id),
      DIRECTORY,
      createMock(
        {
          toAgencyId: CLINIC.id,
          needs: ['MEDICAL'],
          urgency: 'URGENT',
          language: 'es',
          ageBand: 'AGE_25_34',
          callback: 'Safe Passage intake, desk 2',
          parentReferralId: 'ref-1',
        },
        created('DRAFT', 1),
      ),
      ...SENT_ONWARD,
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Onward referral' })).toBeVisible();
    expect(document.title).toMatch(/^Onward referral/);
    const parentLink = screen.getByRole('link', {
      name: new RegExp(`^the referral ${FROM.name} sent your agency on`),
    });
    expect(parentLink).toHaveAttribute('href', '/referrals/ref-1');
    expect(
      screen.getByText(/What that referral shared about the survivor is filled in below\./),
    ).toHaveTextContent('The agency you refer to will not see the referral your agency received.');
    expect(screen.getByLabelText(/Preferred language/)).toHaveValue('es');
    expect(screen.getByLabelText('Age band')).toHaveValue('AGE_25_34');
    // The callback route is the caller's own, never the parent's.
    expect(screen.getByLabelText(/How to reach back/)).toHaveValue('');

    await chooseClinicFor(user);
    await user.type(screen.getByLabelText(/How to reach back/), 'Safe Passage intake, desk 2');
    await user.click(screen.getByRole('button', { name: 'Create and send' }));

    expect(await screen.findByRole('heading', { name: 'Referral sent' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/referrals\/ref-2$/);
    expect(screen.getByRole('link', { name: /^the referral .* sent your agency on/ })).toHaveAttribute(
      'href',
      '/referrals/ref-1',
    );
  });

  it('from a referral with a survivor record: that record, a consent covering the new recipient, the parent sent', async () => {
    const user = userEvent.setup();
    renderAt('/referrals/ref-1/refer-onward', [
      capabilitiesMock(['CREATE_REFERRAL']),
      parentMock({ survivor: SURVIVOR_REF }),
      me(TO.id),
      DIRECTORY,
      {
        request: { query: REFERRAL_CONSENTS, variables: { survivorId: 's-1' } },
        result: {
          data: {
            consents: [
              {
                __typename: 'Consent',
                id: 'c-1',
                status: 'ACTIVE',
                purposes: ['SERVICE'],
                recipientAgencyIds: [TO.id, CLINIC.id],
                dataClasses: ['CONTACT', 'NEEDS', 'HEALTH'],
                validUntil: '2026-04-01T00:00:00.000Z',
              },
            ],
          },
        },
      },
      createMock(
        {
          toAgencyId: CLINIC.id,
          needs: ['MEDICAL'],
          urgency: 'URGENT',
          survivorId: 's-1',
          consentId: 'c-1',
          sharedClasses: ['HEALTH'],
          parentReferralId: 'ref-1',
        },
        created('DRAFT', 1),
      ),
      ...SENT_ONWARD,
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Onward referral' })).toBeVisible();
    const who = screen.getByRole('group', { name: 'Who is referred' });
    expect(within(who).getByLabelText(/A survivor record/)).toBeChecked();
    // The record is the parent's: shown by its pseudonymous reference, not searched for.
    expect(
      screen.getByText('Survivor record S-0A1B2C3D4E (25–34), from the referral your agency received.'),
    ).toBeVisible();
    expect(screen.queryByLabelText(/Survivor reference/)).toBeNull();
    expect(screen.getByText(/Choose the receiving agency first/)).toBeVisible();

    await chooseClinicFor(user);
    const consent = await screen.findByRole('group', { name: /^Consent/ });
    await user.click(within(consent).getByLabelText(/In force until/));
    const shared = screen.getByRole('group', { name: /Information to share/ });
    expect(
      within(shared)
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('value')),
    ).toEqual(['CONTACT', 'NEEDS', 'HEALTH']);
    await user.click(within(shared).getByLabelText('Health'));
    await user.click(screen.getByRole('button', { name: 'Create and send' }));

    expect(await screen.findByRole('heading', { name: 'Referral sent' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/referrals\/ref-2$/);
  });

  it('with no consent naming the new recipient, says only the owner can record one (no link to a form it would refuse)', async () => {
    const user = userEvent.setup();
    renderAt('/referrals/ref-1/refer-onward', [
      capabilitiesMock(['CREATE_REFERRAL']),
      parentMock({ survivor: SURVIVOR_REF }),
      me(TO.id),
      DIRECTORY,
      {
        request: { query: REFERRAL_CONSENTS, variables: { survivorId: 's-1' } },
        result: {
          data: {
            consents: [
              {
                __typename: 'Consent',
                id: 'c-1',
                status: 'ACTIVE',
                purposes: ['SERVICE'],
                recipientAgencyIds: [TO.id],
                dataClasses: ['NEEDS'],
                validUntil: '2026-04-01T00:00:00.000Z',
              },
            ],
          },
        },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Onward referral' })).toBeVisible();
    await chooseClinicFor(user);
    expect(await screen.findByText(/Only the agency that owns the record can record one/)).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Record consent' })).toBeNull();
    expect(screen.queryByRole('group', { name: /^Consent/ })).toBeNull();
    // Submitting says the consent is missing: nothing is sent.
    await user.click(screen.getByRole('button', { name: 'Create and send' }));
    expect(screen.getByRole('heading', { name: '1 field needs your attention.' })).toBeVisible();
    expect(screen.getByText('Choose the consent that covers the receiving agency.')).toBeVisible();
  });

  it('the API’s refusal of the parent is said in the reader’s words, and the form stays', async () => {
    const user = userEvent.setup();
    renderAt('/referrals/ref-1/refer-onward', [
      capabilitiesMock(['CREATE_REFERRAL']),
      parentMock(),
      me(TO.id),
      DIRECTORY,
      createMock(
        {
          toAgencyId: CLINIC.id,
          needs: ['MEDICAL'],
          urgency: 'URGENT',
          callback: 'Desk 2',
          parentReferralId: 'ref-1',
        },
        {
          errors: [
            {
              message: 'Invalid referral',
              extensions: {
                code: 'BAD_USER_INPUT',
                problems: [{ field: 'parentReferralId', message: 'is not a referral your agency received' }],
              },
            },
          ] as never,
        },
      ),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Onward referral' })).toBeVisible();
    // Nothing was shared about the survivor: no "filled in" claim.
    expect(screen.queryByText(/filled in below/)).toBeNull();
    await chooseClinicFor(user);
    await user.type(screen.getByLabelText(/How to reach back/), 'Desk 2');
    await user.click(screen.getByRole('button', { name: 'Create and send' }));
    await expectProblemsFocused(user, 'Some of what you entered was not accepted. Check it and try again.');
    expect(screen.getByText('You can refer onward only from a referral your agency received.')).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent('/referrals/ref-1/refer-onward');
  });

  it('from a referral the caller’s agency sent: refused before the form, with the way back', async () => {
    renderAt('/referrals/ref-1/refer-onward', [
      capabilitiesMock(['CREATE_REFERRAL']),
      parentMock(),
      me(FROM.id),
    ]);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'You can refer onward only from a referral your agency received.',
      }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to the referral' })).toHaveAttribute(
      'href',
      '/referrals/ref-1',
    );
    expect(screen.queryByRole('button', { name: 'Create and send' })).toBeNull();
  });

  it('from a referral the caller may not see: not found, and no form', async () => {
    renderAt('/referrals/ref-1/refer-onward', [
      capabilitiesMock(['CREATE_REFERRAL']),
      {
        request: { query: ONWARD_PARENT_QUERY, variables: { id: 'ref-1' } },
        result: { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] as never },
      },
      me(TO.id),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral not found' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Create and send' })).toBeNull();
  });

  it('for a caller who may not create referrals: page not found', async () => {
    renderAt('/referrals/ref-1/refer-onward', [capabilitiesMock(['READ_REFERRALS'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Create and send' })).toBeNull();
  });

  it('in Spanish', async () => {
    const { default: i18next } = await import('i18next');
    await i18next.changeLanguage('es');
    renderAt('/referrals/ref-1/refer-onward', [
      capabilitiesMock(['CREATE_REFERRAL']),
      parentMock({ survivor: SURVIVOR_REF }),
      me(TO.id),
      {
        request: { query: REFERRAL_CONSENTS, variables: { survivorId: 's-1' } },
        result: { data: { consents: [] } },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Derivación a otra agencia' })).toBeVisible();
    expect(
      screen.getByRole('link', { name: new RegExp(`^la derivación que ${FROM.name} envió a su agencia el`) }),
    ).toHaveAttribute('href', '/referrals/ref-1');
    expect(
      screen.getByText(
        'Expediente de sobreviviente S-0A1B2C3D4E (25–34), de la derivación que recibió su agencia.',
      ),
    ).toBeVisible();
  });
});
