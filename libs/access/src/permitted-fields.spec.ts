import { Actor } from '@hub/authz';
import { permittedFields } from './permitted-fields';
import { defineAbilityFor } from './policy';
import { subject } from './subjects';
import { SURVIVOR_PERSONAL_FIELDS } from './survivor-data';

const HARBOR = 'agency-harbor';
const caseworker: Actor = {
  userId: 'u1',
  agencyId: HARBOR,
  agencyType: 'NGO',
  roles: ['caseworker'],
  taskForceIds: [],
};
const grant = (classes: string[]) => ({
  agencyId: HARBOR,
  purposes: ['SERVICE'],
  classes,
  basis: 'CONSENT' as const,
  userId: null,
});

describe('permittedFields: what ability.can answers field by field, judged once per kind of record', () => {
  const records = [
    { id: 's1', ownerAgencyId: HARBOR, minor: false, liveGrants: [] },
    { id: 's2', ownerAgencyId: 'other', minor: false, liveGrants: [grant(['IDENTITY', 'NEEDS'])] },
    { id: 's3', ownerAgencyId: 'other', minor: false, liveGrants: [grant(['IDENTITY', 'NEEDS'])] },
    {
      id: 's4',
      ownerAgencyId: 'other',
      minor: false,
      liveGrants: [grant(['IDENTITY', 'NEEDS'])],
      sharedClasses: ['NEEDS'],
    },
    { id: 's5', ownerAgencyId: 'other', minor: false, liveGrants: [grant(['IDENTITY'])], sharedClasses: [] },
    { id: 's6', ownerAgencyId: 'other', minor: true, liveGrants: [] },
  ];

  it('agrees with ability.can on every field of every record, asked in any order and again', () => {
    const ability = defineAbilityFor(caseworker);
    for (const record of [...records, ...[...records].reverse()]) {
      const expected = SURVIVOR_PERSONAL_FIELDS.filter((field) =>
        ability.can('read', subject('Survivor', record), field),
      );
      expect(permittedFields(ability, 'read', 'Survivor', record, SURVIVOR_PERSONAL_FIELDS)).toEqual(
        expected,
      );
    }
  });

  it('tells a record read through a referral (sharedClasses) from one read directly', () => {
    const ability = defineAbilityFor(caseworker);
    const direct = permittedFields(ability, 'read', 'Survivor', records[1], SURVIVOR_PERSONAL_FIELDS);
    const shared = permittedFields(ability, 'read', 'Survivor', records[3], SURVIVOR_PERSONAL_FIELDS);
    expect(direct).toContain('givenName');
    expect(shared).not.toContain('givenName');
    expect(shared).toContain('needs');
  });
});
