import { DEMO_AGENCIES, DEMO_TASK_FORCE, DEMO_USERS } from '@hub/demo-data';
import { TestHub } from '@hub/testing';
import { capabilitiesOf, defineAbilityFor } from '@hub/access';
import { startHub } from './hub';

const ME = `query { me { userId username name email roles agencyType agency { id name type } taskForces { role taskForce { id name } } capabilities } }`;

describe('me (e2e, real tokens from dev-idp)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it.each(DEMO_USERS.map((user) => [user.username, user] as const))(
    'returns %s as the token and agency describe them',
    async (_name, user) => {
      const agency = DEMO_AGENCIES.find((a) => a.id === user.agencyId);
      const { status, body } = await hub.gql<{ me: Record<string, unknown> }>(
        ME,
        {},
        { user: user.username },
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.me).toEqual({
        userId: user.sub,
        username: user.username,
        name: user.name,
        email: user.email,
        roles: [...user.roles].sort(),
        agencyType: agency?.type,
        agency: { id: agency?.id, name: agency?.name, type: agency?.type },
        taskForces: [
          { role: agency?.taskForceRole, taskForce: { id: DEMO_TASK_FORCE.id, name: DEMO_TASK_FORCE.name } },
        ],
        // The policy's own answer for the token's roles and agency (capabilities.spec.ts tables it).
        capabilities: capabilitiesOf(
          defineAbilityFor({
            userId: user.sub,
            agencyId: user.agencyId,
            agencyType: agency?.type ?? null,
            roles: [...user.roles],
            taskForceIds: [DEMO_TASK_FORCE.id],
          }),
        ),
      });
    },
  );

  it('is refused without a token, with UNAUTHENTICATED and no data', async () => {
    const { status, body } = await hub.gql(ME);
    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
