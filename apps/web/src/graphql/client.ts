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
 * The app's cache. The caller (`me`) has no id field, so each query reading other fields of it
 * would replace the one stored (the capabilities dropped, refetched, and every screen guarded by
 * them unmounted, losing what was typed): there is one caller per session, so its fields merge.
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
