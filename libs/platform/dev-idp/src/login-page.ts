import { randomBytes } from 'node:crypto';
import type { LoginLocale } from './browser-flow';

const TEXT = {
  en: {
    title: 'Sign in · Task Force Hub (development)',
    heading: 'Sign in to Task Force Hub',
    intro: 'This is dev-idp, the sign-in used in development and demos. It knows only the demo users below.',
    username: 'Username or e-mail',
    password: 'Password',
    signIn: 'Sign in',
    invalid: 'Invalid username or password.',
    demoUsers: 'Demo users',
    errorTitle: 'Sign-in error · Task Force Hub (development)',
    errorHeading: 'We could not start signing you in',
    expired:
      'This sign-in form has expired or was opened in another browser. Go back to the application and sign in again.',
    signedOutTitle: 'Signed out · Task Force Hub (development)',
    signedOut: 'You are signed out.',
  },
  es: {
    title: 'Iniciar sesión · Task Force Hub (desarrollo)',
    heading: 'Iniciar sesión en Task Force Hub',
    intro:
      'Este es dev-idp, el inicio de sesión de desarrollo y demostración. Solo conoce a los usuarios de demostración que aparecen abajo.',
    username: 'Usuario o correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    invalid: 'Usuario o contraseña no válidos.',
    demoUsers: 'Usuarios de demostración',
    errorTitle: 'Error al iniciar sesión · Task Force Hub (desarrollo)',
    errorHeading: 'No pudimos iniciar su sesión',
    expired:
      'Este formulario ha caducado o se abrió en otro navegador. Vuelva a la aplicación e inicie sesión de nuevo.',
    signedOutTitle: 'Sesión cerrada · Task Force Hub (desarrollo)',
    signedOut: 'Ha cerrado la sesión.',
  },
} satisfies Record<LoginLocale, Record<string, string>>;

export type PageText = keyof (typeof TEXT)['en'];

export interface Page {
  html: string;
  /** The page's Content-Security-Policy: its one style block by nonce, forms only to `formTargets`. */
  csp: string;
}

/** Every value written into a page goes through this (text and attribute values alike). */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"'`]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c] ?? c,
  );
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f0f0f0;color:#1b1b1b;line-height:1.5}
main{max-width:28rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:.25rem;box-shadow:0 1px 4px #0003}
h1{font-size:1.5rem;margin-top:0}h2{font-size:1.1rem}
label{display:block;font-weight:600;margin-top:1rem}
input{display:block;width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #565c65}
input:focus,button:focus{outline:.25rem solid #2491ff;outline-offset:0}
button{margin-top:1.5rem;padding:.75rem 1.25rem;font-size:1rem;font-weight:700;background:#005ea2;color:#fff;border:0;border-radius:.25rem;cursor:pointer}
.error{border-left:.5rem solid #b50909;background:#f4e3db;padding:.75rem;margin-top:1rem}
code{background:#f0f0f0;padding:0 .25rem}`;

function page(locale: LoginLocale, title: string, body: string, formTargets: string[] = []): Page {
  const nonce = randomBytes(16).toString('base64');
  return {
    html: `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`,
    // form-action also bounds the redirect that follows the post (browsers check it), so the
    // client's redirect origin is listed beside 'self'.
    csp: [
      "default-src 'none'",
      `style-src 'nonce-${nonce}'`,
      `form-action ${["'self'", ...formTargets].join(' ')}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
  };
}

export interface LoginForm {
  locale: LoginLocale;
  action: string;
  loginId: string;
  /** The client's redirect origin (the browser follows the post's redirect there). */
  redirectOrigin: string;
  username?: string;
  failed?: boolean;
  demoUsers: readonly { username: string; name: string }[];
}

/** The login form: labelled fields, the error announced and tied to the field it concerns. */
export function loginPage(form: LoginForm): Page {
  const t = TEXT[form.locale];
  const error = form.failed
    ? `<div class="error" role="alert" id="login-error">${escapeHtml(t.invalid)}</div>`
    : '';
  const invalid = form.failed ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const users = form.demoUsers
    .map((user) => `<li><code>${escapeHtml(user.username)}</code> — ${escapeHtml(user.name)}</li>`)
    .join('\n');
  return page(
    form.locale,
    t.title,
    `<h1>${escapeHtml(t.heading)}</h1>
<p>${escapeHtml(t.intro)}</p>
${error}
<form method="post" action="${escapeHtml(form.action)}">
<input type="hidden" name="login" value="${escapeHtml(form.loginId)}">
<label for="username">${escapeHtml(t.username)}</label>
<input id="username" name="username" autocomplete="username" required autofocus value="${escapeHtml(form.username ?? '')}"${invalid}>
<label for="password">${escapeHtml(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
<button type="submit">${escapeHtml(t.signIn)}</button>
</form>
${users ? `<h2>${escapeHtml(t.demoUsers)}</h2>\n<ul>\n${users}\n</ul>` : ''}`,
    [form.redirectOrigin],
  );
}

/** A problem that may not be sent back to the client (unknown client, foreign redirect URI, CSRF). */
export function errorPage(locale: LoginLocale, description: string): Page {
  const t = TEXT[locale];
  return page(
    locale,
    t.errorTitle,
    `<h1>${escapeHtml(t.errorHeading)}</h1>\n<p class="error" role="alert">${escapeHtml(description)}</p>`,
  );
}

export function expiredPage(locale: LoginLocale): Page {
  return errorPage(locale, TEXT[locale].expired);
}

export function signedOutPage(locale: LoginLocale): Page {
  const t = TEXT[locale];
  return page(locale, t.signedOutTitle, `<h1>${escapeHtml(t.signedOut)}</h1>`);
}
