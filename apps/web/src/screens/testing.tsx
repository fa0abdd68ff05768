import { ApolloClient, ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { createCache } from '../graphql/client';
import { redactionsLink } from '../graphql/redactions';
import { SCREEN_ROUTES } from './routes';
import { CAPABILITIES_QUERY } from '../capabilities';
import type { Capability } from '../gql/graphql';

/** Shared by the screens' component tests (never imported by the app). */

export const FROM = { __typename: 'Agency', id: 'a-ngo', name: 'Harbor Light Survivor Services' };
export const TO = { __typename: 'Agency', id: 'a-legal', name: 'Safe Passage Legal Aid' };

export function Where() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** The screens with a client whose network answers from `mocks`, through the app's redactions link. */
export function renderAt(path: string, mocks: MockLink.MockedResponse[]) {
  const client = new ApolloClient({
    link: ApolloLink.from([redactionsLink, new MockLink(mocks)]),
    cache: createCache(),
  });
  return render(
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

/** The answer to `useCapabilities` for a caller holding `capabilities`. */
export function capabilitiesMock(capabilities: Capability[]): MockLink.MockedResponse {
  return {
    request: { query: CAPABILITIES_QUERY },
    result: { data: { me: { __typename: 'Me', userId: 'u-1', capabilities } } },
  };
}
