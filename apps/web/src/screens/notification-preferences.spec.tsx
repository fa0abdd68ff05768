import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Capability } from '../gql/graphql';
import { NOTIFICATION_PREFERENCE_QUERY, SET_NOTIFICATION_PREFERENCE } from './notification-preferences';
import { capabilitiesMock, renderAt } from './testing';

const MEMBER: Capability[] = ['READ_NOTIFICATIONS', 'CHOOSE_NOTIFICATION_DELIVERY'];

function current(delivery: string, email: string | null, accountEmail: string | null) {
  return {
    request: { query: NOTIFICATION_PREFERENCE_QUERY },
    result: {
      data: {
        notificationPreference: {
          __typename: 'NotificationPreference',
          delivery,
          email,
          updatedAt: delivery === 'IN_APP_ONLY' ? null : '2026-01-05T10:00:00.000Z',
        },
        me: { __typename: 'Me', userId: 'u-1', email: accountEmail },
      },
    },
  };
}

const group = () => screen.findByRole('group', { name: "How you hear of your agency's notifications" });

describe('notification preferences', () => {
  it('shows the current choice and where e-mail goes, then saves another and says what it means', async () => {
    renderAt('/notifications/preferences', [
      capabilitiesMock(MEMBER),
      current('IN_APP_ONLY', null, 'legal.caseworker@demo.taskforce.example'),
      {
        request: { query: SET_NOTIFICATION_PREFERENCE, variables: { input: { delivery: 'DAILY_DIGEST' } } },
        result: {
          data: {
            setNotificationPreference: {
              __typename: 'SetNotificationPreferencePayload',
              preference: {
                __typename: 'NotificationPreference',
                delivery: 'DAILY_DIGEST',
                email: 'legal.caseworker@demo.taskforce.example',
                updatedAt: '2026-01-06T09:00:00.000Z',
              },
            },
          },
        },
      },
    ]);
    const choices = await group();
    expect(
      within(choices)
        .getAllByRole('radio')
        .map((radio) => [radio.getAttribute('value'), (radio as HTMLInputElement).checked]),
    ).toEqual([
      ['IN_APP_ONLY', true],
      ['EMAIL_IMMEDIATE', false],
      ['DAILY_DIGEST', false],
    ]);
    expect(choices).toHaveAccessibleDescription(
      'E-mail goes to legal.caseworker@demo.taskforce.example, the address of your account.',
    );
    expect(document.title).toBe('Notification settings · Task Force Hub');

    const user = userEvent.setup();
    await user.click(within(choices).getByLabelText(/^A daily e-mail digest/));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = await screen.findByRole('heading', { name: 'Your choice was saved' });
    expect(
      screen.getByText('A daily digest will be e-mailed to legal.caseworker@demo.taskforce.example.'),
    ).toBeVisible();
    await waitFor(() => expect(saved.closest('[tabindex="-1"]')).toHaveFocus());
    expect(within(await group()).getByRole('radio', { checked: true })).toHaveAttribute(
      'value',
      'DAILY_DIGEST',
    );
  });

  it('offers only "in the hub" to an account without an e-mail address, and says why', async () => {
    renderAt('/notifications/preferences', [capabilitiesMock(MEMBER), current('IN_APP_ONLY', null, null)]);
    const choices = await group();
    expect(
      within(choices)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['IN_APP_ONLY']);
    expect(choices).toHaveAccessibleDescription(
      'Your account has no e-mail address, so notifications can only be shown in the hub. Your agency administrator can add one.',
    );
  });

  it("ties the API's NO_EMAIL_ADDRESS refusal to the choice (the account lost its address since)", async () => {
    renderAt('/notifications/preferences', [
      capabilitiesMock(MEMBER),
      current('IN_APP_ONLY', null, 'someone@example.org'),
      {
        request: {
          query: SET_NOTIFICATION_PREFERENCE,
          variables: { input: { delivery: 'EMAIL_IMMEDIATE' } },
        },
        result: {
          errors: [
            {
              message: 'Invalid input',
              extensions: {
                code: 'BAD_USER_INPUT',
                problems: [{ field: 'delivery', message: 'needs an address', reason: 'NO_EMAIL_ADDRESS' }],
              },
            },
          ],
        },
      },
    ]);
    const user = userEvent.setup();
    await user.click(within(await group()).getByLabelText(/^By e-mail, as they happen/));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const choices = await group();
    await waitFor(() =>
      expect(choices).toHaveAccessibleDescription(
        'E-mail goes to someone@example.org, the address of your account. ' +
          'E-mail needs an address in your account. Ask your agency administrator to add one, or choose “In the hub only”.',
      ),
    );
    expect(screen.queryByRole('heading', { name: 'Your choice was saved' })).toBeNull();
  });

  it('shows any other refusal in the reader’s language', async () => {
    renderAt('/notifications/preferences', [
      capabilitiesMock(MEMBER),
      current('EMAIL_IMMEDIATE', 'someone@example.org', 'someone@example.org'),
      {
        request: { query: SET_NOTIFICATION_PREFERENCE, variables: { input: { delivery: 'IN_APP_ONLY' } } },
        result: { errors: [{ message: 'Not permitted', extensions: { code: 'FORBIDDEN' } }] },
      },
    ]);
    const user = userEvent.setup();
    await user.click(within(await group()).getByLabelText(/^In the hub only/));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { name: 'You are not permitted to do this.' })).toBeVisible();
  });

  it('is "page not found" to a caller the policy does not let choose', async () => {
    renderAt('/notifications/preferences', [capabilitiesMock(['READ_NOTIFICATIONS'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});
