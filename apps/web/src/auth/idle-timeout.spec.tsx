import { act, fireEvent, render, screen } from '@testing-library/react';
import type { User } from 'oidc-client-ts';
import { AuthContext, type AuthContextProps } from 'react-oidc-context';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import { webConfig } from '../config';
import { IdleTimeout } from './idle-timeout';
import { IdleTimer } from './idle-timer';

const MINUTE = 60_000;

/** The page's clock and timers, Vitest's fake ones (installed per test). */
const fakeClock = {
  now: () => Date.now(),
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-05T10:00:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('IdleTimer (the clock decides, not the count of timer ticks)', () => {
  const timer = () => {
    const onWarn = vi.fn();
    const onTimeout = vi.fn();
    const idle = new IdleTimer({ idleMs: 15 * MINUTE, warnMs: MINUTE, clock: fakeClock, onWarn, onTimeout });
    idle.start();
    return { idle, onWarn, onTimeout };
  };

  it('warns a minute before the end and ends after the full time without activity', () => {
    const { onWarn, onTimeout } = timer();
    vi.advanceTimersByTime(14 * MINUTE - 1);
    expect([onWarn.mock.calls.length, onTimeout.mock.calls.length]).toEqual([0, 0]);
    vi.advanceTimersByTime(1);
    expect([onWarn.mock.calls.length, onTimeout.mock.calls.length]).toEqual([1, 0]);
    vi.advanceTimersByTime(MINUTE);
    expect([onWarn.mock.calls.length, onTimeout.mock.calls.length]).toEqual([1, 1]);
    // Ended: nothing fires again.
    vi.advanceTimersByTime(60 * MINUTE);
    expect([onWarn.mock.calls.length, onTimeout.mock.calls.length]).toEqual([1, 1]);
  });

  it('starts the period again from the last activity', () => {
    const { idle, onWarn } = timer();
    vi.advanceTimersByTime(10 * MINUTE);
    idle.activity();
    vi.advanceTimersByTime(13 * MINUTE);
    expect(onWarn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(onWarn).toHaveBeenCalledTimes(1);
  });

  it('once warned, only the answer ("Stay signed in") keeps the session, not a stray movement', () => {
    const { idle, onTimeout } = timer();
    vi.advanceTimersByTime(14 * MINUTE);
    idle.activity();
    vi.advanceTimersByTime(MINUTE);
    expect(onTimeout).toHaveBeenCalledTimes(1);

    const other = timer();
    vi.advanceTimersByTime(14 * MINUTE + 30_000);
    other.idle.stayActive();
    vi.advanceTimersByTime(14 * MINUTE);
    expect(other.onTimeout).not.toHaveBeenCalled();
    expect(other.onWarn).toHaveBeenCalledTimes(2);
  });

  it('ends at once when a tab comes back after its timers were held back (the clock moved on)', () => {
    const { idle, onTimeout } = timer();
    // A sleeping laptop: the clock moves, no timer runs.
    vi.setSystemTime(Date.now() + 3 * 60 * MINUTE);
    idle.check();
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped (signed out another way)', () => {
    const { idle, onWarn, onTimeout } = timer();
    idle.stop();
    vi.advanceTimersByTime(60 * MINUTE);
    idle.check();
    expect([onWarn.mock.calls.length, onTimeout.mock.calls.length]).toEqual([0, 0]);
  });
});

describe('IdleTimeout (the warning)', () => {
  it('warns with the focus on "Stay signed in"; staying gives a full period again, and the focus back', () => {
    const onTimeout = vi.fn();
    render(
      <>
        <button type="button">Where I was</button>
        <IdleTimeout minutes={15} onTimeout={onTimeout} clock={fakeClock} />
      </>,
    );
    screen.getByRole('button', { name: 'Where I was' }).focus();
    act(() => {
      vi.advanceTimersByTime(14 * MINUTE);
    });
    const dialog = screen.getByRole('alertdialog', { name: 'You will be signed out in one minute' });
    expect(dialog).toHaveAccessibleDescription(
      'You have not used the hub for 14 minutes. To protect the people you serve, it signs you out after a time without activity.',
    );
    expect(screen.getByRole('button', { name: 'Stay signed in' })).toHaveFocus();

    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Where I was' })).toHaveFocus();
    act(() => {
      vi.advanceTimersByTime(14 * MINUTE - 1);
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('counts keys and pointer use on the page as activity', () => {
    const onTimeout = vi.fn();
    render(<IdleTimeout minutes={2} onTimeout={onTimeout} clock={fakeClock} />);
    act(() => {
      vi.advanceTimersByTime(50_000);
    });
    fireEvent.keyDown(document.body, { key: 'Tab' });
    act(() => {
      vi.advanceTimersByTime(50_000);
    });
    fireEvent.pointerDown(document.body);
    act(() => {
      vi.advanceTimersByTime(59_000);
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(screen.getByRole('alertdialog')).toBeVisible();
  });

  it('signs out when nobody answers, or at once on "Sign out now"', () => {
    const onTimeout = vi.fn();
    const { unmount } = render(<IdleTimeout minutes={15} onTimeout={onTimeout} clock={fakeClock} />);
    act(() => {
      vi.advanceTimersByTime(15 * MINUTE);
    });
    expect(onTimeout).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    unmount();

    const now = vi.fn();
    render(<IdleTimeout minutes={15} onTimeout={now} clock={fakeClock} />);
    act(() => {
      vi.advanceTimersByTime(14 * MINUTE);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out now' }));
    expect(now).toHaveBeenCalledTimes(1);
    act(() => {
      vi.advanceTimersByTime(MINUTE);
    });
    expect(now).toHaveBeenCalledTimes(1);
  });
});

describe('the app signs out after VITE_HUB_IDLE_MINUTES without activity', () => {
  it('reads the minutes from the build, 15 by default, and refuses a value that is not whole minutes from 2 to 1440', () => {
    expect(webConfig({}).idleMinutes).toBe(15);
    expect(webConfig({ VITE_HUB_IDLE_MINUTES: '30' }).idleMinutes).toBe(30);
    for (const bad of ['1', '0', '-5', '2.5', 'fifteen', '1441']) {
      expect(() => webConfig({ VITE_HUB_IDLE_MINUTES: bad })).toThrow(/^VITE_HUB_IDLE_MINUTES must be/);
    }
  });

  function signedIn(overrides: Partial<AuthContextProps> = {}) {
    const unsubscribe = () => undefined;
    const auth = {
      isLoading: false,
      isAuthenticated: true,
      user: {
        access_token: 'token',
        profile: { name: 'Lee Caseworker' },
        state: undefined,
      } as unknown as User,
      error: undefined,
      events: {
        addUserLoaded: () => unsubscribe,
        addSilentRenewError: () => unsubscribe,
        addAccessTokenExpired: () => unsubscribe,
      },
      signoutRedirect: vi.fn(() => Promise.resolve()),
      removeUser: vi.fn(() => Promise.resolve()),
      signinRedirect: vi.fn(() => Promise.resolve()),
      ...overrides,
    } as unknown as AuthContextProps;
    return auth;
  }

  it('signs out like the sign-out button (RP-initiated logout) and remembers why for the screen after', async () => {
    // No API here: every request fails at once (the screens show their errors; the timer does not care).
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    const auth = signedIn();
    render(
      <AuthContext.Provider value={auth}>
        <MemoryRouter>
          <App graphqlUrl="http://127.0.0.1:4200/graphql" idleMinutes={15} />
        </MemoryRouter>
      </AuthContext.Provider>,
    );
    await act(() => vi.advanceTimersByTimeAsync(14 * MINUTE));
    expect(screen.getByRole('alertdialog')).toBeVisible();
    await act(() => vi.advanceTimersByTimeAsync(MINUTE));
    expect(auth.signoutRedirect).toHaveBeenCalledWith({ extraQueryParams: { ui_locales: 'en' } });
    expect(window.sessionStorage.getItem('hub.signedOutIdle')).toBe('15');
  });

  it('says why on the sign-in screen when the realm sends the person back, once', () => {
    window.sessionStorage.setItem('hub.signedOutIdle', '15');
    render(
      <AuthContext.Provider value={signedIn({ isAuthenticated: false, user: null })}>
        <MemoryRouter>
          <App graphqlUrl="http://127.0.0.1:4200/graphql" idleMinutes={15} />
        </MemoryRouter>
      </AuthContext.Provider>,
    );
    expect(screen.getByRole('heading', { name: 'You were signed out' })).toBeVisible();
    expect(
      screen.getByText('You were signed out after 15 minutes without activity. Sign in again to continue.'),
    ).toBeVisible();
    expect(window.sessionStorage.getItem('hub.signedOutIdle')).toBeNull();
  });
});
