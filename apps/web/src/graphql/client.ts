import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
  ServerError,
} from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import type { LiveConnection } from './live';
import { redactionsLink } from './redactions';

export interface ApolloOptions {
  graphqlUrl: string;
  /** The current access token (oidc-client-ts keeps it in sessionStorage, renews it). */
  accessToken: () => string | undefined;
  /** The API refused the token (expired, revoked, unknown agency): end the session. */
  onUnauthenticated: () => void;
  /** Where subscriptions go (the API's graphql-ws endpoint); without it the app polls. */
  live?: LiveConnection;
}

/**
 * The cache, for the app and its component tests alike. The caller's referral box counts are one
 * fact whatever page of whichever box asked for them (`referrals { counts }`, the `inboxCounts`
 * subscription): one entity, so every screen that shows them shows the same numbers, live.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      ReferralBoxCounts: { keyFields: [] },
      // The caller is one; screens ask for different parts of them (capabilities, agency, e-mail).
      Me: { merge: true },
    },
  });
}

/**
 * The one Apollo Client of the app. Screens showing survivor fields query with
 * `fetchPolicy: 'no-cache'`, so personal data never sits in the normalized cache; sign-out clears
 * the cache of everything else.
 */
export function createApolloClient(options: ApolloOptions): ApolloClient {
  const auth = new SetContextLink((prev) => {
    const token = options.accessToken();
    return token ? { headers: { ...prev['headers'], authorization: `Bearer ${token}` } } : {};
  });
  const unauthenticated = new ErrorLink(({ error }) => {
    const refused =
      (ServerError.is(error) && error.statusCode === 401) ||
      (CombinedGraphQLErrors.is(error) &&
        error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED'));
    if (refused) options.onUnauthenticated();
  });
  const http = ApolloLink.from([auth, redactionsLink, new HttpLink({ uri: options.graphqlUrl })]);
  // Subscriptions over the one WebSocket (authenticated in its connection_init); the rest over HTTP.
  const transport = options.live
    ? ApolloLink.split(
        (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
        new GraphQLWsLink(options.live.client),
        http,
      )
    : http;
  return new ApolloClient({ link: ApolloLink.from([unauthenticated, transport]), cache: createCache() });
}
