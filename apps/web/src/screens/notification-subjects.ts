import type { Capability } from '../gql/graphql';

/**
 * The screen of each kind of record a notification can be about (`subjectType`), for callers who
 * may read that kind. Ids only in the path (opaque record ids, never survivor data). Kinds without
 * a screen of their own (a consent, a break-glass session) have none: the notification is the news.
 */
const SUBJECT_SCREENS: Readonly<Record<string, { path: (id: string) => string; requires: Capability }>> = {
  Referral: { path: (id) => `/referrals/${id}`, requires: 'READ_REFERRALS' },
  Protocol: { path: (id) => `/protocols/${id}`, requires: 'READ_PROTOCOLS' },
  TechnicalAssistanceRequest: {
    path: (id) => `/technical-assistance/${id}`,
    requires: 'READ_TECHNICAL_ASSISTANCE',
  },
  Survivor: { path: (id) => `/survivors/${id}`, requires: 'READ_SURVIVORS' },
};

/** Where the notification's record is shown to this caller, if anywhere. */
export function subjectPath(
  notification: { subjectType: string; subjectId: string },
  has: (capability: Capability) => boolean,
): string | undefined {
  const screen = SUBJECT_SCREENS[notification.subjectType];
  return screen && has(screen.requires) ? screen.path(encodeURIComponent(notification.subjectId)) : undefined;
}

/**
 * The translated headline of a kind of notification (`notifications.event.<eventType>`); a kind the
 * app does not know yet gets the generic one (the API's message still says what happened).
 */
export function headlineKey(eventType: string, exists: (key: string) => boolean): string {
  const key = `notifications.event.${eventType}`;
  return /^[A-Z][A-Z0-9_]*$/.test(eventType) && exists(key) ? key : 'notifications.event.OTHER';
}
