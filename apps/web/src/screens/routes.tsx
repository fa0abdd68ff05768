import type { ReactElement } from 'react';
import { Requires } from '../capabilities';
import type { Capability } from '../gql/graphql';
import { AuditScreen } from './audit';
import { BreakGlassSessionsScreen } from './break-glass-sessions';
import { ChildSafetyFormScreen } from './child-safety-form';
import { ConsentFormScreen } from './consent-form';
import { HomeScreen } from './home';
import { InboxScreen } from './inbox';
import { NewReferralScreen, OnwardReferralScreen } from './new-referral';
import { AgencyScreen, MyAgencyScreen } from './agency';
import { AgencyProfileEditScreen } from './agency-profile-form';
import { PendingAcknowledgementsScreen } from './pending-acknowledgements';
import { ProtocolScreen } from './protocol';
import { ProtocolCreateScreen, ProtocolEditScreen } from './protocol-editor';
import { ProtocolsScreen } from './protocols';
import { TaskForceScreen } from './task-force';
import { NotificationPreferencesScreen } from './notification-preferences';
import { NotificationScreen, NotificationsScreen } from './notifications';
import { ReferralScreen } from './referral';
import { SurvivorScreen } from './survivor';
import { SurvivorCreateScreen, SurvivorEditScreen } from './survivor-form';
import { SurvivorsScreen } from './survivors';
import { TechnicalAssistanceListScreen } from './technical-assistance-list';
import { TechnicalAssistanceRequestScreen } from './technical-assistance-request';
import { NewTechnicalAssistanceScreen } from './technical-assistance-request-form';

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
