import { type ComponentType, lazy, Suspense, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Requires } from '../capabilities';
import type { Capability } from '../gql/graphql';
import { HomeScreen } from './home';
import { InboxScreen } from './inbox';
// Home lists what is pending: in the first load either way.
import { PendingAcknowledgementsScreen } from './pending-acknowledgements';
// The header's unread badge comes from the notifications screen's module: in the first load too.
import { NotificationScreen, NotificationsScreen } from './notifications';

/**
 * A screen whose code is fetched when it is first visited: a chunk of its own (with the components only
 * it uses), so the first load carries the shell, home (with its pending acknowledgements) and the inbox only. Its place says "Loading…"
 * meanwhile, as a status a screen reader announces.
 */
function lazyScreen<M extends Record<K, ComponentType>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): ComponentType {
  const Screen = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return function LazyScreen() {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <Screen />
      </Suspense>
    );
  };
}

function ScreenLoading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loading')}</p>;
}

const AuditScreen = lazyScreen(() => import('./audit'), 'AuditScreen');
const BreakGlassSessionsScreen = lazyScreen(
  () => import('./break-glass-sessions'),
  'BreakGlassSessionsScreen',
);
const ChildSafetyFormScreen = lazyScreen(() => import('./child-safety-form'), 'ChildSafetyFormScreen');
const ConsentFormScreen = lazyScreen(() => import('./consent-form'), 'ConsentFormScreen');
const NewReferralScreen = lazyScreen(() => import('./new-referral'), 'NewReferralScreen');
const OnwardReferralScreen = lazyScreen(() => import('./new-referral'), 'OnwardReferralScreen');
const AgencyScreen = lazyScreen(() => import('./agency'), 'AgencyScreen');
const MyAgencyScreen = lazyScreen(() => import('./agency'), 'MyAgencyScreen');
const AgencyProfileEditScreen = lazyScreen(() => import('./agency-profile-form'), 'AgencyProfileEditScreen');
const ProtocolScreen = lazyScreen(() => import('./protocol'), 'ProtocolScreen');
const ProtocolCreateScreen = lazyScreen(() => import('./protocol-editor'), 'ProtocolCreateScreen');
const ProtocolEditScreen = lazyScreen(() => import('./protocol-editor'), 'ProtocolEditScreen');
const ProtocolsScreen = lazyScreen(() => import('./protocols'), 'ProtocolsScreen');
const TaskForceScreen = lazyScreen(() => import('./task-force'), 'TaskForceScreen');
const NotificationPreferencesScreen = lazyScreen(
  () => import('./notification-preferences'),
  'NotificationPreferencesScreen',
);
const ReferralScreen = lazyScreen(() => import('./referral'), 'ReferralScreen');
const SurvivorScreen = lazyScreen(() => import('./survivor'), 'SurvivorScreen');
const SurvivorCreateScreen = lazyScreen(() => import('./survivor-form'), 'SurvivorCreateScreen');
const SurvivorEditScreen = lazyScreen(() => import('./survivor-form'), 'SurvivorEditScreen');
const SurvivorsScreen = lazyScreen(() => import('./survivors'), 'SurvivorsScreen');
const TechnicalAssistanceListScreen = lazyScreen(
  () => import('./technical-assistance-list'),
  'TechnicalAssistanceListScreen',
);
const TechnicalAssistanceRequestScreen = lazyScreen(
  () => import('./technical-assistance-request'),
  'TechnicalAssistanceRequestScreen',
);
const NewTechnicalAssistanceScreen = lazyScreen(
  () => import('./technical-assistance-request-form'),
  'NewTechnicalAssistanceScreen',
);

/**
 * Every screen and its path: the app's router and the screens' component tests (testing.tsx) read
 * this one table, so a new screen is routed in one place. Ids in paths are opaque record ids, never
 * survivor data (docs/web.md, "Survivor data on screen").
 */
export const SCREEN_ROUTES: readonly { path: string; element: ReactElement }[] = [
  { path: '/', element: <HomeScreen /> },
  { path: '/referrals', element: <InboxScreen /> },
  { path: '/referrals/new', element: <NewReferralScreen /> },
  { path: '/referrals/:id', element: <ReferralScreen /> },
  {
    path: '/referrals/:id/refer-onward',
    element: (
      <Requires capability="CREATE_REFERRAL">
        <OnwardReferralScreen />
      </Requires>
    ),
  },
  { path: '/survivors', element: <SurvivorsScreen /> },
  { path: '/survivors/new', element: <SurvivorCreateScreen /> },
  { path: '/survivors/:id', element: <SurvivorScreen /> },
  { path: '/survivors/:id/edit', element: <SurvivorEditScreen /> },
  { path: '/survivors/:id/consents/new', element: <ConsentFormScreen /> },
  {
    path: '/notifications',
    element: (
      <Requires capability="READ_NOTIFICATIONS">
        <NotificationsScreen />
      </Requires>
    ),
  },
  {
    path: '/notifications/preferences',
    element: (
      <Requires capability="CHOOSE_NOTIFICATION_DELIVERY">
        <NotificationPreferencesScreen />
      </Requires>
    ),
  },
  {
    path: '/notifications/:id',
    element: (
      <Requires capability="READ_NOTIFICATIONS">
        <NotificationScreen />
      </Requires>
    ),
  },
  { path: '/survivors/:id/child-safety', element: <ChildSafetyFormScreen /> },
  { path: '/break-glass', element: <BreakGlassSessionsScreen /> },
  { path: '/audit', element: <AuditScreen /> },
  { path: '/technical-assistance', element: <TechnicalAssistanceListScreen /> },
  { path: '/technical-assistance/new', element: <NewTechnicalAssistanceScreen /> },
  { path: '/technical-assistance/:id', element: <TechnicalAssistanceRequestScreen /> },
  {
    path: '/protocols',
    element: (
      <Requires capability="READ_PROTOCOLS">
        <ProtocolsScreen />
      </Requires>
    ),
  },
  {
    path: '/protocols/pending',
    element: (
      <Requires capability="READ_PROTOCOLS">
        <PendingAcknowledgementsScreen />
      </Requires>
    ),
  },
  {
    path: '/protocols/new',
    element: (
      <Requires capability="MANAGE_PROTOCOLS">
        <ProtocolCreateScreen />
      </Requires>
    ),
  },
  { path: '/protocols/:id', element: <ProtocolScreen /> },
  { path: '/protocols/:id/edit', element: <ProtocolEditScreen /> },
  { path: '/task-force', element: <TaskForceScreen /> },
  { path: '/agency', element: <MyAgencyScreen /> },
  { path: '/agencies/:id', element: <AgencyScreen /> },
  { path: '/agencies/:id/edit', element: <AgencyProfileEditScreen /> },
];

/**
 * The main navigation: each link shows only to callers holding its capability (`useCapabilities`);
 * `end`: active only on that exact path.
 */
export const NAV_LINKS: readonly { to: string; label: string; requires?: Capability; end?: boolean }[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/referrals', label: 'nav.referrals', requires: 'READ_REFERRALS', end: true },
  { to: '/referrals/new', label: 'nav.newReferral', requires: 'CREATE_REFERRAL' },
  { to: '/survivors', label: 'nav.survivors', requires: 'READ_SURVIVORS' },
  { to: '/protocols', label: 'protocols.nav', requires: 'READ_PROTOCOLS' },
  {
    to: '/technical-assistance',
    label: 'ta.nav.list',
    requires: 'READ_TECHNICAL_ASSISTANCE',
    end: true,
  },
  { to: '/technical-assistance/new', label: 'ta.nav.new', requires: 'REQUEST_TECHNICAL_ASSISTANCE' },
  { to: '/task-force', label: 'taskForce.nav' },
  { to: '/agency', label: 'agencyProfile.nav', requires: 'UPDATE_AGENCY_PROFILE' },
  { to: '/break-glass', label: 'safety.sessions.nav', requires: 'REVIEW_BREAK_GLASS' },
  { to: '/audit', label: 'audit.nav', requires: 'READ_AUDIT' },
];
