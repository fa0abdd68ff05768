import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  CREATE_REFERRAL,
  DIRECTORY_QUERY,
  ME_QUERY,
  newReferralInput,
  validateNewReferral,
} from './new-referral';
import { REFERRAL_QUERY } from './referral';
import { SEND_REFERRAL } from './referral-actions';
import { capabilitiesMock, expectProblemsFocused, FROM, REFERRAL_DETAIL, renderAt, TO } from './testing';

const agency = (base: { id: string; name: string }, accepting = true) => ({
  __typename: 'Agency',
  ...base,
  type: 'NGO',
  services: ['LEGAL', 'IMMIGRATION_LEGAL'],
  languages: ['en', 'es'],
  serviceAreas: ['Bay County'],
  acceptingReferrals: accepting,
});
const ME = {
  request: { query: ME_QUERY },
  result: { data: { me: { __typename: 'Me', agency: { __typename: 'Agency', id: FROM.id } } } },
};
const DIRECTORY = {
  request: { query: DIRECTORY_QUERY, variables: { need: 'LEGAL', acceptingOnly: true } },
  result: {
    data: {
      directory: {
        __typename: 'AgencyConnection',
        // The caller's own agency is listed by the public directory; the form leaves it out.
        edges: [agency(FROM), agency(TO)].map((node) => ({ __typename: 'AgencyEdge', node })),
      },
    },
  },
};
const referralPayload = (status: string, version: number) => ({
  __typename: 'ReferralPayload',
  referral: { __typename: 'Referral', id: 'ref-1', status, version },
});

describe('new referral: validation', () => {
  const empty = {
    toAgencyId: '',
    needs: [],
    urgency: '',
    language: '',
    ageBand: '',
    callback: '',
    notes: '',
  } as const;

  it('needs a recipient, a need, an urgency and a callback route; language is a two-letter code', () => {
    expect(validateNewReferral({ ...empty, needs: [] })).toEqual({
      toAgencyId: 'newReferral.chooseRecipient',
      needs: 'form.chooseAtLeastOne',
      urgency: 'form.chooseOne',
      callback: 'form.required',
    });
    const ok = {
      ...empty,
      toAgencyId: 'a',
      needs: ['LEGAL' as const],
      urgency: 'ROUTINE' as const,
      callback: 'Desk 3',
    };
    expect(validateNewReferral(ok)).toEqual({});
    expect(validateNewReferral({ ...ok, language: 'Spanish' })).toEqual({ language: 'form.languageCode' });
    expect(validateNewReferral({ ...ok, callback: 'x'.repeat(501), notes: 'x'.repeat(4001) })).toEqual({
      callback: 'form.tooLong',
      notes: 'form.tooLong',
    });
  });

  it('the input carries the form’s idempotency key and leaves blank optional fields out', () => {
    expect(
      newReferralInput(
        {
          toAgencyId: 'a',
          needs: ['LEGAL'],
          urgency: 'URGENT',
          language: ' es ',
          ageBand: '',
          callback: ' Desk 3 ',
          notes: ' ',
        },
        'key-1234',
      ),
    ).toEqual({
      toAgencyId: 'a',
      needs: ['LEGAL'],
      urgency: 'URGENT',
      language: 'es',
      ageBand: undefined,
      callback: 'Desk 3',
      notes: undefined,
      idempotencyKey: 'key-1234',
    });
  });
});

describe('new referral screen', () => {
  it('finds the recipient in the directory, then creates and sends once with one idempotency key', async () => {
    const keys: string[] = [];
    const user = userEvent.setup();
    renderAt('/referrals/new', [
      capabilitiesMock([]),
      ME,
      DIRECTORY,
      {
        request: {
          query: CREATE_REFERRAL,
          variables: (variables: { input: Record<string, unknown> }) => {
            keys.push(String(variables.input['idempotencyKey']));
            const rest = { ...variables.input };
            delete rest['idempotencyKey'];
            return (
              JSON.stringify(rest) ===
              JSON.stringify({
                toAgencyId: TO.id,
                needs: ['LEGAL'],
                urgency: 'ROUTINE',
                callback: 'Case desk 3',
              })
            );
          },
        },
        result: { data: { createReferral: referralPayload('DRAFT', 1) } },
      },
      {
        request: { query: SEND_REFERRAL, variables: { input: { referralId: 'ref-1', expectedVersion: 1 } } },
        result: { data: { sendReferral: referralPayload('SENT', 2) } },
      },
      {
        request: { query: REFERRAL_QUERY, variables: { id: 'ref-1' } },
        result: { data: { referral: { ...REFERRAL_DETAIL, availableActions: ['WITHDRAW', 'MESSAGE'] } } },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'New referral' })).toBeVisible();

    // Submitting before choosing says what is missing, in a summary that takes the focus.
    await user.click(screen.getByRole('button', { name: 'Create and send' }));
    // No agency found yet: the recipient's message stands in its place, above the directory's results.
    await expectProblemsFocused(user, '4 fields need your attention.', [
      'Needs',
      'Urgency',
      'How to reach back',
    ]);

    await user.selectOptions(screen.getByLabelText('Service needed'), 'LEGAL');
    await user.click(screen.getByRole('button', { name: 'Find agencies' }));
    expect(await screen.findByText('1 agency found.')).toBeVisible();
    const recipients = screen.getByRole('group', { name: /Receiving agency/ });
    expect(within(recipients).queryByLabelText(new RegExp(FROM.name))).toBeNull();
    await user.click(within(recipients).getByLabelText(new RegExp(TO.name)));

    await user.click(within(screen.getByRole('group', { name: /^Needs/ })).getByLabelText('Legal help'));
    await user.click(within(screen.getByRole('group', { name: /^Urgency/ })).getByLabelText('Routine'));
    await user.type(screen.getByLabelText(/How to reach back/), 'Case desk 3');
    // A double click: one create, one send (the button is disabled while it runs; the key covers the rest).
    await user.dblClick(screen.getByRole('button', { name: 'Create and send' }));

    expect(await screen.findByRole('heading', { name: 'Referral sent' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent('/referrals/ref-1');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9._:-]{8,100}$/);
  });
});
