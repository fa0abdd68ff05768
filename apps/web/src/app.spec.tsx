import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LanguagePicker, SignInScreen } from './app';
import { oidcSettings, returnPath } from './auth/oidc';
import { webConfig } from './config';
import { initialLanguage } from './i18n';

describe('sign-in', () => {
  it('keeps tokens and sign-in state in the storage it is given (sessionStorage), never localStorage', async () => {
    const settings = oidcSettings(webConfig({}), 'http://127.0.0.1:4200', window.sessionStorage);
    expect(settings).toMatchObject({
      authority: 'http://127.0.0.1:8080/realms/taskforce',
      client_id: 'hub-web',
      redirect_uri: 'http://127.0.0.1:4200/signed-in',
      post_logout_redirect_uri: 'http://127.0.0.1:4200/',
      response_type: 'code',
      automaticSilentRenew: true,
    });
    await settings.userStore?.set('user:x', 'token');
    await settings.stateStore?.set('state:y', 'pkce');
    expect(Object.keys(window.sessionStorage).sort()).toEqual(['oidc.state:y', 'oidc.user:x']);
    expect(window.localStorage.length).toBe(0);
  });

  it('goes back only to a path of this app after signing in', () => {
    expect(returnPath({ returnTo: '/referrals?box=SENT' })).toBe('/referrals?box=SENT');
    expect(returnPath({ returnTo: '//evil.example/x' })).toBe('/');
    expect(returnPath({ returnTo: 'https://evil.example/' })).toBe('/');
    expect(returnPath(undefined)).toBe('/');
  });

  it('says why the session ended and signs in again on request', async () => {
    const onSignIn = vi.fn();
    render(<SignInScreen ended failed={false} onSignIn={onSignIn} />);
    expect(screen.getByRole('status')).toHaveTextContent('Your session ended');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
    expect(document.title).toBe('Sign in · Task Force Hub');
  });
});

describe('language', () => {
  it('starts in the tab’s choice, else the browser’s language, else English', () => {
    expect(initialLanguage(window.sessionStorage, ['es-MX', 'en'])).toBe('es');
    expect(initialLanguage(window.sessionStorage, ['fr-FR'])).toBe('en');
    window.sessionStorage.setItem('hub.language', 'en');
    expect(initialLanguage(window.sessionStorage, ['es'])).toBe('en');
  });

  it('switches the whole screen to Spanish from the labelled picker and remembers it for the tab', async () => {
    render(<SignInScreen ended={false} failed onSignIn={() => undefined} />);
    await userEvent.setup().selectOptions(screen.getAllByLabelText('Language')[0], 'es');
    expect(await screen.findByRole('button', { name: 'Iniciar sesión' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('No se completó el inicio de sesión');
    expect(document.documentElement.lang).toBe('es');
    expect(window.sessionStorage.getItem('hub.language')).toBe('es');
  });

  it('renders the picker with each language named in itself', () => {
    render(<LanguagePicker />);
    expect(screen.getByRole('option', { name: 'Español' })).toHaveAttribute('lang', 'es');
  });
});
