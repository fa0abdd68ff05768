import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from './gql';
import type { Capability } from './gql/graphql';
import { usePageTitle } from './page-title';

export const CAPABILITIES_QUERY = graphql(`
  query Capabilities {
    me {
      userId
      capabilities
    }
  }
`);

/**
 * What the policy lets the caller do (`me.capabilities`, from the API's one policy): screens show a
 * link, a screen or a "new …" button only for a capability held, never from a role check of their
 * own. Until the answer arrives nothing is offered; the API checks every operation regardless.
 */
export function useCapabilities(): { has: (capability: Capability) => boolean; loading: boolean } {
  const { data, loading } = useQuery(CAPABILITIES_QUERY, { fetchPolicy: 'cache-first' });
  const held = new Set(data?.me.capabilities ?? []);
  return { has: (capability) => held.has(capability), loading };
}

/** A screen for callers holding `capability`; anyone else gets the "page not found" answer. */
export function Requires(props: { capability: Capability; children: ReactNode }) {
  const { has, loading } = useCapabilities();
  if (loading) return null;
  return has(props.capability) ? props.children : <NotFoundScreen />;
}

export function NotFoundScreen() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return <h1>{t('notFound.title')}</h1>;
}
