import { describe, expect, it } from 'vitest';
import { CAPABILITIES_QUERY } from '../capabilities';
import { MY_TASK_FORCES } from '../screens/protocols';
import { createCache } from './client';

/** The generated types leave __typename out; the cache keys its policies on it. */
const withTypenames = (data: unknown) => data as never;

describe('the cache', () => {
  it('keeps what it knows of the caller when another query reads other fields of them', () => {
    const cache = createCache();
    cache.writeQuery({
      query: CAPABILITIES_QUERY,
      data: withTypenames({
        me: { __typename: 'Me', userId: 'u-1', capabilities: ['READ_PROTOCOLS', 'MANAGE_PROTOCOLS'] },
      }),
    });
    cache.writeQuery({
      query: MY_TASK_FORCES,
      data: withTypenames({
        me: {
          __typename: 'Me',
          userId: 'u-1',
          agency: { __typename: 'Agency', id: 'a-tf', name: 'Bay County Task Force Office' },
          taskForces: [],
        },
      }),
    });
    // Replaced, the capabilities would be gone: every screen guarded by them would unmount and refetch.
    expect(cache.readQuery({ query: CAPABILITIES_QUERY })?.me.capabilities).toEqual([
      'READ_PROTOCOLS',
      'MANAGE_PROTOCOLS',
    ]);
  });
});
