import { ApolloClient, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Layout } from './app';
import { Requires } from './capabilities';
import type { Capability } from './gql/graphql';
import { capabilitiesMock, unreadCountMock } from './screens/testing';

function renderWith(capabilities: Capability[], children: React.ReactNode) {
  const client = new ApolloClient({
    // The header's notifications link asks for the unread count of those who may read them.
    link: new MockLink([capabilitiesMock(capabilities), unreadCountMock(0)]),
    cache: new InMemoryCache(),
  });
  return render(
    <ApolloProvider client={client}>
      <MemoryRouter>
        <Layout userName="Someone" onSignOut={() => Promise.resolve()}>
          {children}
        </Layout>
      </MemoryRouter>
    </ApolloProvider>,
  );
}

const links = async () => {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  await within(nav).findByRole('link', { name: 'Home' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
};

describe('what the caller is offered follows the policy (me.capabilities)', () => {
  it('shows a caseworker the referral and survivor links', async () => {
    renderWith(['READ_REFERRALS', 'CREATE_REFERRAL', 'READ_SURVIVORS'], null);
    await screen.findByRole('link', { name: 'Survivors' });
    // Every signed-in caller may see their task force's members.
    expect(await links()).toEqual(['Home', 'Referrals', 'New referral', 'Survivors', 'Task force']);
  });

  it('shows a caller without those capabilities none of those links', async () => {
    renderWith(['READ_NOTIFICATIONS'], null);
    expect(await links()).toEqual(['Home', 'Task force']);
  });

  it('shows protocols to their readers, and the agency profile to those who edit it', async () => {
    renderWith(['READ_PROTOCOLS', 'UPDATE_AGENCY_PROFILE'], null);
    await screen.findByRole('link', { name: 'Protocols' });
    expect(await links()).toEqual(['Home', 'Protocols', 'Task force', 'Agency profile']);
  });

  it('answers "page not found" on a screen the caller may not use, and shows it to one who may', async () => {
    const { unmount } = renderWith(
      ['READ_NOTIFICATIONS'],
      <Requires capability="READ_AUDIT">secret</Requires>,
    );
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(screen.queryByText('secret')).toBeNull();
    unmount();
    renderWith(['READ_AUDIT'], <Requires capability="READ_AUDIT">the audit screen</Requires>);
    expect(await screen.findByText('the audit screen')).toBeVisible();
  });
});
