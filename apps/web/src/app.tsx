import { ApolloProvider } from '@apollo/client/react';
import { Button, GridContainer, Label, Select } from '@trussworks/react-uswds';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { IdleTimeout } from './auth/idle-timeout';
import { returnPath } from './auth/oidc';
import { createApolloClient } from './graphql/client';
import { createLiveConnection, websocketUrl } from './graphql/live';
import { type Language, LANGUAGES, rememberLanguage } from './i18n';
import { LiveUpdates } from './live-updates';
import { usePageTitle } from './page-title';
import { NotificationsLink } from './screens/notifications';
import { NAV_LINKS, SCREEN_ROUTES } from './screens/routes';
import { NotFoundScreen, useCapabilities } from './capabilities';
import { useFocusMainOnNavigation } from './focus';
import { Notice } from './notice';

/** Set before the sign-out redirect, read when the app comes back: why the person was signed out. */
const SIGNED_OUT_IDLE = 'hub.signedOutIdle';

/**
 * Signs people in (code + PKCE against the realm), keeps the session while its token can be
 * renewed and ends it cleanly when it cannot: the cache is cleared and the sign-in screen says why.
 * After `idleMinutes` without activity it signs out as the button does.
 */
export function App({ graphqlUrl, idleMinutes }: { graphqlUrl: string; idleMinutes: number }) {
  const auth = useAuth();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const [ended, setEnded] = useState(false);
  const [idleSignedOut, setIdleSignedOut] = useState<number | undefined>(() => {
    const minutes = Number(window.sessionStorage.getItem(SIGNED_OUT_IDLE));
    return minutes > 0 ? minutes : undefined;
  });
  // Said once: the next sign-out of this tab starts without it.
  useEffect(() => window.sessionStorage.removeItem(SIGNED_OUT_IDLE), []);

  // The links read the newest token and end the session through refs, so the client is made once.
  const token = useRef<string | undefined>(undefined);
  token.current = auth.user?.access_token;
  const endSession = useRef(() => undefined as void);
  endSession.current = () => {
    setEnded(true);
    void auth.removeUser();
  };
  // One WebSocket for every subscription, lazy: open only while the signed-in screens subscribe.
  const live = useMemo(
    () =>
      createLiveConnection({
        url: websocketUrl(graphqlUrl, window.location),
        accessToken: () => token.current,
      }),
    [graphqlUrl],
  );
  const client = useMemo(
    () =>
      createApolloClient({
        graphqlUrl,
        accessToken: () => token.current,
        onUnauthenticated: () => endSession.current(),
        live,
      }),
    [graphqlUrl, live],
  );

  // The API closes a live connection when its token expires: re-open it with each renewed token.
  useEffect(
    () =>
      auth.events.addUserLoaded((user) => {
        token.current = user.access_token;
        live.restart();
      }),
    [auth.events, live],
  );
  useEffect(() => auth.events.addSilentRenewError(() => endSession.current()), [auth.events]);
  useEffect(() => auth.events.addAccessTokenExpired(() => endSession.current()), [auth.events]);
  useEffect(() => {
    // Whatever a signed-out tab still holds is dropped (the screens keep survivor fields out of it).
    if (!auth.isLoading && !auth.isAuthenticated) void client.clearStore();
  }, [auth.isLoading, auth.isAuthenticated, client]);

  if (auth.isLoading) return <Status text={t('app.loading')} />;
  if (!auth.isAuthenticated) {
    const returnTo = location.pathname === '/signed-in' ? '/' : `${location.pathname}${location.search}`;
    return (
      <SignInScreen
        ended={ended}
        idleMinutes={idleSignedOut}
        failed={auth.error !== undefined}
        onSignIn={() => void auth.signinRedirect({ state: { returnTo }, ui_locales: i18n.language })}
      />
    );
  }
  const signOut = async () => {
    await client.clearStore();
    await auth.signoutRedirect({ extraQueryParams: { ui_locales: i18n.language } });
  };
  // As the button does; the sign-in screen then says why (after the realm's redirect back, or here
  // if the realm cannot be reached: the session is ended in this tab all the same).
  const signOutIdle = async () => {
    window.sessionStorage.setItem(SIGNED_OUT_IDLE, String(idleMinutes));
    setIdleSignedOut(idleMinutes);
    await signOut().catch(() => auth.removeUser());
  };
  return (
    <ApolloProvider client={client}>
      <LiveUpdates connection={live} />
      <IdleTimeout minutes={idleMinutes} onTimeout={() => void signOutIdle()} />
      <Layout
        userName={auth.user?.profile.name ?? auth.user?.profile.preferred_username ?? ''}
        onSignOut={signOut}
      >
        <Routes>
          {SCREEN_ROUTES.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
          <Route path="/signed-in" element={<Navigate to={returnPath(auth.user?.state)} replace />} />
          <Route path="*" element={<NotFoundScreen />} />
        </Routes>
      </Layout>
    </ApolloProvider>
  );
}

export function Layout(props: {
  userName: string;
  onSignOut: () => Promise<void>;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { has } = useCapabilities();
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(main);
  const navClass = ({ isActive }: { isActive: boolean }) => `usa-link${isActive ? ' text-bold' : ''}`;
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        {t('nav.skip')}
      </a>
      <header className="usa-header usa-header--basic border-bottom-1px border-base-lighter">
        <GridContainer className="padding-y-2 hub-header-user">
          <span className="font-heading-lg text-bold">{t('app.name')}</span>
          <nav aria-label={t('nav.label')}>
            <ul className="usa-list usa-list--unstyled display-flex flex-wrap">
              {NAV_LINKS.filter((link) => !link.requires || has(link.requires)).map((link) => (
                <li key={link.to} className="margin-right-2">
                  <NavLink to={link.to} end={link.end} className={navClass}>
                    {t(link.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <NotificationsLink />
          <LanguagePicker />
          <span>{t('nav.signedInAs', { name: props.userName })}</span>
          <Button type="button" outline onClick={() => void props.onSignOut()}>
            {t('nav.signOut')}
          </Button>
        </GridContainer>
      </header>
      <main id="main-content" tabIndex={-1} ref={main}>
        <GridContainer className="padding-y-4">{props.children}</GridContainer>
      </main>
    </>
  );
}

/** The person picks English or Spanish; the choice lasts for this tab. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const change = (language: Language) => {
    rememberLanguage(window.sessionStorage, language);
    // The page says its language once its strings are there (another language's are fetched first).
    void i18n.changeLanguage(language).then(() => {
      document.documentElement.lang = language;
    });
  };
  return (
    <div className="display-flex flex-align-center">
      {/* Not "language": the forms' own language fields use that id, and a label's `for` takes the
          first element with it, so their labels would name this picker. */}
      <Label htmlFor="ui-language" className="margin-top-0 margin-right-1">
        {t('nav.language')}
      </Label>
      <Select
        id="ui-language"
        name="ui-language"
        className="margin-top-0 width-auto"
        value={i18n.language}
        onChange={(event) => change(event.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}

export function SignInScreen(props: {
  ended: boolean;
  /** Signed out after this many minutes without activity. */
  idleMinutes?: number;
  failed: boolean;
  onSignIn: () => void;
}) {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  return (
    <main id="main-content">
      <GridContainer className="padding-y-6">
        <h1>{t('app.name')}</h1>
        {props.ended && <Notice type="warning" heading={t('signIn.endedHeading')} text={t('signIn.ended')} />}
        {props.idleMinutes !== undefined && (
          <Notice
            type="warning"
            heading={t('idle.signedOutHeading')}
            text={t('idle.signedOut', { count: props.idleMinutes })}
          />
        )}
        {props.failed && (
          <Notice type="error" heading={t('signIn.failedHeading')} text={t('signIn.failed')} />
        )}
        <p className="usa-intro">{t('signIn.intro')}</p>
        <Button type="button" onClick={props.onSignIn}>
          {t('signIn.button')}
        </Button>
        <div className="margin-top-4">
          <LanguagePicker />
        </div>
      </GridContainer>
    </main>
  );
}

function Status({ text }: { text: string }) {
  return (
    <p role="status" className="padding-4">
      {text}
    </p>
  );
}
