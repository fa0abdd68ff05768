import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
  ServerError,
} from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { redactionsLink } from './redactions';

export interface ApolloOptions {
  graphqlUrl: string;
  /** The current access token (oidc-client-ts keeps it in sessionStorage, renews it). */
  accessToken: () => string | undefined;
  /** The API refused the token (expired, revoked, unknown agency): end the session. */
  onUnauthenticated: () => void;
}

/**
 * The client's cache. `me` has no id, so each query of it would replace the one object another
 * query filled (the capabilities the navigation reads, then a screen's agency and task forces),
 * losing fields and refetching: its fields are merged instead (one caller per session; sign-out
 * clears the cache).
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({ typePolicies: { Me: { merge: true } } });
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
  return new ApolloClient({
    link: ApolloLink.from([unauthenticated, auth, redactionsLink, new HttpLink({ uri: options.graphqlUrl })]),
    cache: createCache(),
  });
}
