import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { REFERRAL_QUERY } from './referral';
import { actionInput, emptyValues, REFERRAL_MUTATIONS, validateAction } from './referral-actions';
import { validateMessage } from './record-thread';
import { ADD_MESSAGE } from './referral-thread';
import { capabilitiesMock, REFERRAL_DETAIL, renderAt, TO } from './testing';

const { DECLINE, ACKNOWLEDGE, COMPLETE } = REFERRAL_MUTATIONS;

const detail = (overrides: Record<string, unknown>) => ({
  request: { query: REFERRAL_QUERY, variables: { id: 'ref-1' } },
  result: { data: { referral: { ...REFERRAL_DETAIL, ...overrides } } },
});
const moved = (field: string, status: string, version: number) => ({
  data: {
    [field]: {
      __typename: 'ReferralPayload',
      referral: { __typename: 'Referral', id: 'ref-1', status, version },
    },
  },
});

describe('referral action forms: validation', () => {
  const values = emptyValues(['LEGAL']);

  it('decline needs a reason code and who declined; OTHER needs the explanation', () => {
    expect(validateAction('DECLINE', values)).toEqual({
      reasonCode: 'form.chooseOne',
      declinedBy: 'form.chooseOne',
    });
    expect(
      validateAction('DECLINE', { ...values, reasonCode: 'OTHER', declinedBy: 'PROVIDER', reason: '  ' }),
    ).toEqual({
      reason: 'form.required',
    });
    expect(
      validateAction('DECLINE', { ...values, reasonCode: 'NO_CAPACITY', declinedBy: 'SURVIVOR' }),
    ).toEqual({});
  });

  it('complete needs a service delivered; fail needs a reason; every text within the API’s limits', () => {
    expect(validateAction('COMPLETE', { ...values, servicesDelivered: [] })).toEqual({
      servicesDelivered: 'form.chooseAtLeastOne',
    });
    expect(validateAction('COMPLETE', { ...values, outcomeText: 'x'.repeat(4001) })).toEqual({
      outcomeText: 'form.tooLong',
    });
    expect(validateAction('FAIL', values)).toEqual({ failureReason: 'form.required' });
    expect(validateAction('FAIL', { ...values, failureReason: 'x'.repeat(1001) })).toEqual({
      failureReason: 'form.tooLong',
    });
    expect(validateAction('ACCEPT', { ...values, reason: 'x'.repeat(1001) })).toEqual({
      reason: 'form.tooLong',
    });
    expect(validateAction('ACCEPT', values)).toEqual({});
    expect(validateMessage(' ')).toBe('form.required');
    expect(validateMessage('x'.repeat(4001))).toBe('form.tooLong');
    expect(validateMessage('Call us')).toBeNull();
  });

  it('sends the version the person saw, and leaves blank optional text out', () => {
    const referral = { id: 'ref-1', version: 7 };
    expect(actionInput('ACCEPT', referral, values)).toEqual({
      referralId: 'ref-1',
      expectedVersion: 7,
      reason: undefined,
    });
    expect(
      actionInput('COMPLETE', referral, {
        ...values,
        servicesDelivered: ['LEGAL'],
        outcomeText: ' T-visa filed ',
      }),
    ).toEqual({
      referralId: 'ref-1',
      expectedVersion: 7,
      reason: undefined,
      outcome: { servicesDelivered: ['LEGAL'], text: 'T-visa filed' },
    });
  });
});

describe('referral actions on the screen', () => {
  it('shows a button for each action the API lists, and none other', async () => {
    renderAt('/referrals/ref-1', [
      capabilitiesMock([]),
      detail({ availableActions: ['ACKNOWLEDGE', 'DECLINE', 'MESSAGE'] }),
    ]);
    const actions = await screen.findByRole('region', { name: 'What you can do' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Acknowledge', 'Decline']);
    // The thread can be written in.
    expect(screen.getByRole('textbox', { name: /New message/ })).toBeVisible();
  });

  it('without MESSAGE the thread is read-only', async () => {
    renderAt('/referrals/ref-1', [
      capabilitiesMock([]),
      detail({
        availableActions: [],
        messages: [
          {
            __typename: 'ReferralMessage',
            id: 'm1',
            authorAgencyId: TO.id,
            body: 'We can see her Monday',
            createdAt: '2026-01-05T11:00:00.000Z',
          },
        ],
      }),
    ]);
    expect(await screen.findByText('We can see her Monday')).toBeVisible();
    expect(screen.queryByRole('textbox', { name: /New message/ })).toBeNull();
  });

  it('decline: the form takes the focus, says what is wrong, then declines with the version seen and announces it', async () => {
    const user = userEvent.setup();
    renderAt('/referrals/ref-1', [
      capabilitiesMock([]),
      detail({ availableActions: ['ACKNOWLEDGE', 'DECLINE', 'MESSAGE'] }),
      {
        request: {
          query: DECLINE,
          variables: {
            input: {
              referralId: 'ref-1',
              expectedVersion: 3,
              reasonCode: 'OTHER',
              declinedBy: 'SURVIVOR',
              reason: 'Moved away',
            },
          },
        },
        result: moved('declineReferral', 'DECLINED', 4),
      },
      detail({ status: 'DECLINED', version: 4, availableActions: ['MESSAGE'] }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 3, name: 'Decline' })).toHaveFocus());
    expect(screen.getByText('Declining closes the referral for good. It cannot be undone.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Decline referral' }));
    expect(screen.getByLabelText(/^Reason/)).toHaveAccessibleDescription('Choose one.');
    expect(screen.getByRole('group', { name: /Who declined/ })).toHaveAccessibleDescription('Choose one.');

    await user.selectOptions(screen.getByLabelText(/^Reason/), 'OTHER');
    await user.click(screen.getByLabelText('The survivor'));
    await user.click(screen.getByRole('button', { name: 'Decline referral' }));
    expect(screen.getByLabelText(/^Explanation/)).toHaveAccessibleDescription(
      expect.stringContaining('This is required.'),
    );
    await user.type(screen.getByLabelText(/^Explanation/), 'Moved away');
    await user.click(screen.getByRole('button', { name: 'Decline referral' }));

    const done = await screen.findByRole('heading', { name: 'Referral declined' });
    await waitFor(() => expect(done.closest('[tabindex="-1"]')).toHaveFocus());
    expect(screen.queryByRole('region', { name: 'What you can do' })).toBeNull();
  });

  it('a CONFLICT says someone else changed it and reloads the referral for review', async () => {
    const user = userEvent.setup();
    renderAt('/referrals/ref-1', [
      capabilitiesMock([]),
      detail({ availableActions: ['ACKNOWLEDGE', 'DECLINE', 'MESSAGE'] }),
      {
        request: { query: ACKNOWLEDGE, variables: { input: { referralId: 'ref-1', expectedVersion: 3 } } },
        result: { errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] as never },
      },
      detail({ status: 'ACKNOWLEDGED', version: 4, availableActions: ['ACCEPT', 'DECLINE', 'MESSAGE'] }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    await user.click(screen.getByRole('button', { name: 'Acknowledge referral' }));
    const warning = await screen.findByRole('heading', { name: 'Someone else changed this referral' });
    await waitFor(() => expect(warning.closest('[tabindex="-1"]')).toHaveFocus());
    // The reloaded referral offers what is possible now.
    expect(await screen.findByRole('button', { name: 'Accept' })).toBeVisible();
    expect(screen.getByText('Acknowledged', { selector: 'dd' })).toBeVisible();
  });

  it('another refusal is shown with its code’s message in the reader’s language, and the form stays', async () => {
    const user = userEvent.setup();
    renderAt('/referrals/ref-1', [
      capabilitiesMock([]),
      detail({ status: 'IN_PROGRESS', availableActions: ['HOLD', 'COMPLETE', 'FAIL', 'MESSAGE'] }),
      {
        request: {
          query: COMPLETE,
          variables: {
            input: {
              referralId: 'ref-1',
              expectedVersion: 3,
              outcome: { servicesDelivered: ['LEGAL', 'IMMIGRATION_LEGAL'] },
            },
          },
        },
        result: { errors: [{ message: 'no', extensions: { code: 'ILLEGAL_TRANSITION' } }] as never },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Complete' }));
    // The referral's needs are offered as delivered; the person unticks what was not.
    expect(screen.getByLabelText('Legal help')).toBeChecked();
    expect(screen.getByLabelText('Medical care')).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Complete referral' }));
    expect(
      await screen.findByText("This step is no longer possible from the referral's current status."),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Complete referral' })).toBeVisible();
  });

  it('cancel closes the form and gives the focus back to its button', async () => {
    const user = userEvent.setup();
    renderAt('/referrals/ref-1', [
      capabilitiesMock([]),
      detail({ availableActions: ['WITHDRAW', 'MESSAGE'] }),
    ]);
    const withdraw = await screen.findByRole('button', { name: 'Withdraw' });
    await user.click(withdraw);
    expect(withdraw).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(withdraw).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Withdraw referral' })).toBeNull();
  });

  it('posts a message (not blank) and shows the thread reloaded', async () => {
    const user = userEvent.setup();
    renderAt('/referrals/ref-1', [
      capabilitiesMock([]),
      detail({ availableActions: ['MESSAGE'] }),
      {
        request: {
          query: ADD_MESSAGE,
          variables: { input: { referralId: 'ref-1', body: 'Is Monday good?' } },
        },
        result: {
          data: {
            addReferralMessage: {
              __typename: 'ReferralMessagePayload',
              message: { __typename: 'ReferralMessage', id: 'm1' },
            },
          },
        },
      },
      detail({
        availableActions: ['MESSAGE'],
        messages: [
          {
            __typename: 'ReferralMessage',
            id: 'm1',
            authorAgencyId: 'a-ngo',
            body: 'Is Monday good?',
            createdAt: '2026-01-05T11:00:00.000Z',
          },
        ],
      }),
    ]);
    const box = await screen.findByRole('textbox', { name: /New message/ });
    await user.click(screen.getByRole('button', { name: 'Send message' }));
    expect(box).toHaveAccessibleDescription(expect.stringContaining('This is required.'));
    await user.type(box, '  Is Monday good?  ');
    await user.click(screen.getByRole('button', { name: 'Send message' }));
    const thread = await screen.findByRole('list', { name: 'Messages' });
    expect(within(thread).getByText('Is Monday good?')).toBeVisible();
    expect(within(thread).getByText(/Harbor Light Survivor Services/)).toBeVisible();
    expect(box).toHaveValue('');
  });
});
