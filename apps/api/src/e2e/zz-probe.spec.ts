import { TestHub } from '@hub/testing';
import { startHub } from './hub';

describe('probe', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub({ env: { GRAPHQL_MAX_DEPTH: '5', GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_COST: '60' } });
  });
  afterAll(async () => {
    await hub.close();
  });
  it('probes', async () => {
    const qs = [
      '{ taskForces { edges { node { members { agency { name } } } } } }',
      '{ taskForces { edges { node { members { role } } } } }',
      '{ a: directory(need: LEGAL) { edges { node { name } } } b: directory { edges { node { name } } } c: directory { edges { node { name } } } d: directory { edges { node { name } } } }',
      '{ directory { edges { node { id name type jurisdiction description services languages serviceAreas hours intakePhone intakeEmail website acceptingReferrals confidentialLocation version updatedAt } } } }',
    ];
    for (const q of qs) {
      const r = await hub.gql(q, {}, { user: 'tf.coordinator' });
      console.log(q, r.status, JSON.stringify(r.body).slice(0, 600));
    }
  });
});
