import '@uswds/uswds/css/uswds.min.css';
import { UserManager } from 'oidc-client-ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from 'react-oidc-context';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { oidcSettings } from './auth/oidc';
import { webConfig } from './config';
import { initialLanguage, setupI18n } from './i18n';
import './styles.css';

const config = webConfig();
const userManager = new UserManager(oidcSettings(config, window.location.origin, window.sessionStorage));

// The code and state leave the address bar (and the history) as soon as they are used.
const onSigninCallback = () => window.history.replaceState({}, document.title, '/signed-in');

void setupI18n(initialLanguage(window.sessionStorage, navigator.languages)).then((i18n) => {
  document.documentElement.lang = i18n.language;
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <AuthProvider userManager={userManager} onSigninCallback={onSigninCallback}>
        <BrowserRouter>
          <App graphqlUrl={config.graphqlUrl} idleMinutes={config.idleMinutes} />
        </BrowserRouter>
      </AuthProvider>
    </StrictMode>,
  );
});
