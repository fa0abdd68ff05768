import { createMongoAbility } from '@casl/ability';
import { AccessScopeOf } from '@hub/authz';
import { assertDeclared } from './record-workflow';

const actor = { userId: 'u', agencyId: 'a', agencyType: 'NGO', roles: [], taskForceIds: [] };
const scope = (requirement?: { action: string; subjectType: string }): AccessScopeOf => ({
  actor,
  ability: createMongoAbility(),
  ...(requirement ? { requirement } : {}),
});

describe('the declared requirement is what the runner judges', () => {
  it('accepts the declared action on the declared subject type, and a scope without a declaration', () => {
    expect(() =>
      assertDeclared(scope({ action: 'accept', subjectType: 'Referral' }), 'accept', 'Referral'),
    ).not.toThrow();
    expect(() => assertDeclared(scope(), 'accept', 'Referral')).not.toThrow();
  });

  it.each([
    ['another action', { action: 'read', subjectType: 'Referral' }],
    ['another subject type', { action: 'accept', subjectType: 'TechnicalAssistanceRequest' }],
  ])('refuses %s as a programming error', (_name, requirement) => {
    expect(() => assertDeclared(scope(requirement), 'accept', 'Referral')).toThrow(Error);
  });
});
