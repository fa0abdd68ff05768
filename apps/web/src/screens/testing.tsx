import { ApolloClient, ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { createCache } from '../graphql/client';
import { redactionsLink } from '../graphql/redactions';
import { SCREEN_ROUTES } from './routes';
import { CAPABILITIES_QUERY } from '../capabilities';
import { UNREAD_COUNT_QUERY } from '../live-updates';
import { AGENCIES_QUERY } from './consent-form';
import type { Capability } from '../gql/graphql';

/** Shared by the screens' component tests (never imported by the app). */

export const FROM = { __typename: 'Agency', id: 'a-ngo', name: 'Harbor Light Survivor Services' };
export const TO = { __typename: 'Agency', id: 'a-legal', name: 'Safe Passage Legal Aid' };

export function Where() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/**
 * The screens with a client whose network answers from `mocks`, through the app's redactions link
 * and into the app's cache (its type policies); the client comes back too, to read its cache.
 */
export function renderAt(path: string, mocks: MockLink.MockedResponse[]) {
  const client = new ApolloClient({
    link: ApolloLink.from([redactionsLink, new MockLink(mocks)]),
    cache: createCache(),
  });
  const rendered = render(
    <ApolloProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          {SCREEN_ROUTES.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
        </Routes>
        <Where />
      </MemoryRouter>
    </ApolloProvider>,
  );
  return { ...rendered, client };
}

export const SURVIVOR = {
  __typename: 'Survivor',
  reference: 'HL-0042',
  minor: false,
  ageBand: 'AGE_25_34',
  givenName: null,
  familyName: null,
  aliases: null,
  dateOfBirth: null,
  gender: null,
  phone: '+1 555 0100',
  email: null,
  address: null,
  preferredLanguage: 'es',
  interpreterNeeded: true,
  situationSummary: null,
  immigrationStatus: null,
  medicalNotes: null,
};
export const REFERRAL_DETAIL = {
  __typename: 'Referral',
  id: 'ref-1',
  kind: 'STANDARD',
  status: 'SENT',
  urgency: 'URGENT',
  needs: ['LEGAL', 'IMMIGRATION_LEGAL'],
  notes: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  responseDueAt: null,
  ageBand: null,
  language: null,
  callback: null,
  sharedClasses: ['CONTACT', 'NEEDS'],
  survivorId: 's-1',
  survivorActions: [] as string[],
  parent: null as null | {
    __typename: string;
    id: string;
    sentAt: string | null;
    createdAt: string;
    fromAgency: typeof FROM;
  },
  fromAgency: FROM,
  toAgency: TO,
  outcome: null,
  decline: null,
  failureReason: null,
  version: 3,
  availableActions: [] as string[],
  messages: [] as {
    __typename: string;
    id: string;
    authorAgencyId: string;
    body: string;
    createdAt: string;
  }[],
  survivor: SURVIVOR,
  events: [
    {
      __typename: 'ReferralEvent',
      id: 'e1',
      occurredAt: '2026-01-05T10:00:00.000Z',
      fromStatus: null,
      toStatus: 'DRAFT',
      reason: null,
      actorAgencyId: FROM.id,
    },
    {
      __typename: 'ReferralEvent',
      id: 'e2',
      occurredAt: '2026-01-05T10:05:00.000Z',
      fromStatus: 'DRAFT',
      toStatus: 'SENT',
      reason: 'Needs a lawyer this week',
      actorAgencyId: FROM.id,
    },
  ],
};

/** A survivor record as the record screen reads it (every field), owned by FROM. */
export const SURVIVOR_RECORD = {
  __typename: 'Survivor',
  id: 's-1',
  reference: 'S-0A1B2C3D4E',
  minor: false,
  ageBand: 'AGE_25_34',
  version: 4,
  ownerAgencyId: FROM.id,
  ownerAgency: FROM,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
  givenName: 'Ana',
  familyName: null,
  aliases: null,
  dateOfBirth: null,
  gender: null,
  phone: '+1 555 0100',
  email: null,
  address: null,
  safeContact: { __typename: 'SafeContact', doNotContact: true, safeMethod: null, safeTimes: 'Mornings' },
  needs: [{ __typename: 'AssessedNeed', need: 'LEGAL', priority: 'HIGH' }],
  preferredLanguage: 'es',
  interpreterNeeded: true,
  situationSummary: null,
  caseNotes: null,
  immigrationStatus: null,
  immigrationDocuments: null,
  medicalNotes: null,
  mentalHealthNotes: null,
  substanceUseNotes: null,
  availableActions: [] as string[],
};
/** The answer to `useCapabilities` for a caller holding `capabilities`. */
export function capabilitiesMock(capabilities: Capability[]): MockLink.MockedResponse {
  return {
    request: { query: CAPABILITIES_QUERY },
    result: { data: { me: { __typename: 'Me', userId: 'u-1', capabilities } } },
  };
}

/** The answer to the header's unread count (`NotificationsLink`). */
export function unreadCountMock(unreadNotificationCount: number): MockLink.MockedResponse {
  return { request: { query: UNREAD_COUNT_QUERY }, result: { data: { unreadNotificationCount } } };
}

/** The member agencies (AGENCIES_QUERY) for a caller of `ownAgencyId`; each answers once unless `maxUsageCount`. */
export function agenciesMock(
  agencies: readonly { id: string; name: string; type: string; deactivatedAt?: string | null }[],
  options: { ownAgencyId?: string; maxUsageCount?: number } = {},
): MockLink.MockedResponse {
  return {
    request: { query: AGENCIES_QUERY },
    result: {
      data: {
        agencies: {
          __typename: 'AgencyConnection',
          edges: agencies.map((agency) => ({
            __typename: 'AgencyEdge',
            node: { __typename: 'Agency', deactivatedAt: null, ...agency },
          })),
        },
        me: { __typename: 'Me', agency: { __typename: 'Agency', id: options.ownAgencyId ?? FROM.id } },
      },
    },
    ...(options.maxUsageCount ? { maxUsageCount: options.maxUsageCount } : {}),
  };
}

/**
 * A long form's problems after a failed attempt (`useFormSubmission`): the region holding `heading`
 * (the summary's count or the refusal's message) takes the focus, and its summary links to the
 * fields in error by their labels (`links`, in the form's order); following the first link puts the
 * focus on that field. Returns the region.
 */
export async function expectProblemsFocused(
  user: { click: (element: Element) => Promise<void> },
  heading: string | RegExp,
  links: readonly string[] = [],
): Promise<HTMLElement> {
  const region = (await screen.findByRole('heading', { name: heading })).closest<HTMLElement>(
    '[tabindex="-1"]',
  );
  if (!region) throw new Error(`no focusable region around “${String(heading)}”`);
  await waitFor(() => expect(region).toHaveFocus());
  const found = within(region).queryAllByRole('link');
  expect(found.map((link) => link.textContent)).toEqual(links);
  if (found.length) {
    await user.click(found[0]);
    const target = document.getElementById((found[0].getAttribute('href') ?? '').slice(1));
    expect(target).not.toBeNull();
    expect(target).toHaveFocus();
  }
  return region;
}

/**
 * Variables that match `expected` and count the requests they match: a form that sends once is
 * asked once however often its button is pressed.
 */
export function countedVariables(expected: Record<string, unknown>) {
  let calls = 0;
  return {
    variables: (variables: Record<string, unknown>) => {
      // toEqual's equality (properties left undefined do not count), as a yes or no.
      let matches = true;
      try {
        expect(variables).toEqual(expected);
      } catch {
        matches = false;
      }
      if (matches) calls += 1;
      return matches;
    },
    calls: () => calls,
  };
}

type Keyboard = Pick<UserEvent, 'tab' | 'keyboard'>;

/** The focused element, short, for a failure message: `button "Acknowledge…"`, `<body>`. */
function focusedElement(): string {
  const element = document.activeElement;
  if (!element || element === document.body) return '<body>';
  const label = (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
  return `${element.tagName.toLowerCase()} "${label.replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
}

/**
 * Tab (Shift+Tab when `backward`) until `target` (or one of several) has the focus, as a keyboard
 * user moves through a screen; fails after `max` presses, naming where the focus went. The browser
 * flows do the same in Chromium (apps/web-e2e/src/support/keyboard.ts); here it proves a screen's
 * controls are reachable in order, with nothing acted on by a pointer.
 */
export async function tabTo(
  user: Keyboard,
  target: Element | readonly Element[],
  options: { backward?: boolean; max?: number } = {},
): Promise<void> {
  const { backward = false, max = 60 } = options;
  const targets: readonly Element[] = Array.isArray(target) ? target : [target as Element];
  const path: string[] = [];
  for (let press = 0; press < max; press++) {
    await user.tab({ shift: backward });
    if (targets.some((element) => element === document.activeElement)) return;
    path.push(focusedElement());
  }
  throw new Error(`${max} × Tab never reached ${targets[0]?.tagName.toLowerCase()}: ${path.join(' → ')}`);
}

/** Tab to a button or link and press Enter: a keyboard user's click. */
export async function pressByKeyboard(user: Keyboard, target: Element): Promise<void> {
  await tabTo(user, target);
  await user.keyboard('{Enter}');
}

/** Tab to a field and type into it. */
export async function typeByKeyboard(user: Keyboard, field: Element, text: string): Promise<void> {
  await tabTo(user, field);
  await user.keyboard(text);
}

/**
 * An option chosen by keyboard: a checkbox is Tabbed to and ticked with Space; a radio group is one
 * Tab stop (its checked radio, or the first), then the arrow keys move and choose, and Space chooses
 * the first.
 */
export async function chooseByKeyboard(user: Keyboard, option: HTMLInputElement): Promise<void> {
  if (option.type !== 'radio') {
    await tabTo(user, option);
    await user.keyboard(' ');
  } else {
    const group = [...document.querySelectorAll(`input[type="radio"][name="${option.name}"]`)];
    await tabTo(user, group);
    for (let press = 0; document.activeElement !== option; press++) {
      if (press >= group.length) throw new Error(`the arrow keys never reached ${option.id} in its group`);
      await user.keyboard('{ArrowDown}');
    }
    if (!option.checked) await user.keyboard(' ');
  }
  expect(option).toBeChecked();
}
