import { randomUUID } from 'node:crypto';
import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { TestHub } from '@hub/testing';
import { codeOf, must, rows } from './e2e-support';
import { startHub } from './hub';

const UPDATE = `mutation Update($input: UpdateAgencyProfileInput!) {
  updateAgencyProfile(input: $input) {
    agency { id name services languages serviceAreas hours intakeEmail website acceptingReferrals version address { street } }
  }
}`;
const DIRECTORY = `query Directory($need: ServiceNeed, $language: String, $area: String) {
  directory(need: $need, language: $language, area: $area) { edges { node { id name hours } } }
}`;

const HARBOR = DEMO_AGENCY_IDS.harborLight;
const ADMIN = 'ngo.lead';

interface UpdatedAgency {
  id: string;
  name: string;
  services: string[];
  languages: string[];
  serviceAreas: string[];
  hours: string | null;
  version: number;
  address: { street: string } | null;
}

describe('updateAgencyProfile (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const agencyRow = async (id: string = HARBOR) =>
    (await rows(hub, 'SELECT * FROM agency WHERE id = $1', [id]))[0];
  const currentVersion = async (id: string = HARBOR) => (await agencyRow(id)).version as number;
  /** As `ngo.lead` unless told otherwise; `anonymous` sends no token. */
  const update = (input: Record<string, unknown>, as: { user: string } | 'anonymous' = { user: ADMIN }) =>
    hub.gql<{ updateAgencyProfile: { agency: UpdatedAgency } }>(
      UPDATE,
      { input },
      as === 'anonymous' ? undefined : as,
    );
  const directoryIds = async (variables: Record<string, unknown>) => {
    const { body } = await hub.gql<{
      directory: { edges: { node: { id: string; hours: string | null } }[] };
    }>(DIRECTORY, variables);
    expect(body.errors).toBeUndefined();
    return must(body.data).directory.edges.map((edge) => edge.node);
  };

  it('lets the agency admin update services, languages, service areas and hours; version +1; the directory follows', async () => {
    const before = await agencyRow();
    expect(await directoryIds({ language: 'ar' })).toEqual([]);
    const input = {
      agencyId: HARBOR,
      expectedVersion: before.version,
      services: ['CASE_MANAGEMENT', 'HOUSING_AND_SHELTER', 'LEGAL'],
      languages: ['en', 'ar'],
      serviceAreas: ['Bay County', '  Lakeside   North ', 'Port Harbor'],
      hours: '  24/7 crisis line  ',
    };
    const { status, body } = await update(input);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data?.updateAgencyProfile.agency).toEqual({
      id: HARBOR,
      name: 'Harbor Light Survivor Services',
      services: ['CASE_MANAGEMENT', 'HOUSING_AND_SHELTER', 'LEGAL'],
      languages: ['en', 'ar'],
      serviceAreas: ['Bay County', 'Lakeside North', 'Port Harbor'],
      hours: '24/7 crisis line',
      intakeEmail: 'intake@harborlight.example.org',
      website: 'https://harborlight.example.org',
      acceptingReferrals: true,
      version: (before.version as number) + 1,
      // The admin is Harbor Light staff, so its confidential address is theirs to see.
      address: { street: '100 Lantern Way' },
    });

    const after = await agencyRow();
    expect(after).toMatchObject({
      version: (before.version as number) + 1,
      services: ['CASE_MANAGEMENT', 'HOUSING_AND_SHELTER', 'LEGAL'],
      languages: ['en', 'ar'],
      service_areas: ['Bay County', 'Lakeside North', 'Port Harbor'],
      service_area_keys: ['bay county', 'lakeside north', 'port harbor'],
      hours: '24/7 crisis line',
      // Untouched fields stay.
      description: before.description,
      address_street: before.address_street,
      confidential_location: true,
    });

    expect(await directoryIds({ language: 'ar' })).toEqual([
      { id: HARBOR, name: 'Harbor Light Survivor Services', hours: '24/7 crisis line' },
    ]);
    expect((await directoryIds({ need: 'LEGAL' })).map((n) => n.id)).toEqual([
      HARBOR,
      DEMO_AGENCY_IDS.safePassage,
    ]);
    expect((await directoryIds({ area: 'LAKESIDE NORTH' })).map((n) => n.id)).toEqual([HARBOR]);
    // Bayview was dropped from the service areas, vi from the languages, VICTIM_ADVOCACY from the services.
    expect((await directoryIds({ area: 'bayview' })).map((n) => n.id)).not.toContain(HARBOR);
    expect(await directoryIds({ language: 'vi' })).toEqual([]);
    expect((await directoryIds({ need: 'VICTIM_ADVOCACY' })).map((n) => n.id)).not.toContain(HARBOR);
  });

  it('increments the version on every change, and the new version is the one to pass next', async () => {
    const version = await currentVersion();
    const first = await update({ agencyId: HARBOR, expectedVersion: version, hours: 'Mon–Fri 09:00–17:00' });
    expect(first.body.data?.updateAgencyProfile.agency.version).toBe(version + 1);
    const second = await update({ agencyId: HARBOR, expectedVersion: version + 1, hours: null });
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data?.updateAgencyProfile.agency).toMatchObject({ version: version + 2, hours: null });
    expect(await currentVersion()).toBe(version + 2);
  });

  it('availableActions offers UPDATE_PROFILE to the agency’s own admins only', async () => {
    const ACTIONS = `query($id: ID!) { agency(id: $id) { availableActions } }`;
    const actions = async (id: string, user: string) => {
      const { body } = await hub.gql<{ agency: { availableActions: string[] } }>(ACTIONS, { id }, { user });
      expect(body.errors).toBeUndefined();
      return must(body.data).agency.availableActions;
    };
    expect(await actions(HARBOR, ADMIN)).toEqual(['UPDATE_PROFILE']);
    expect(await actions(DEMO_AGENCY_IDS.safePassage, ADMIN)).toEqual([]);
    expect(await actions(HARBOR, 'ngo.caseworker')).toEqual([]);
    expect(await actions(HARBOR, 'tf.coordinator')).toEqual([]);
    expect(await actions(DEMO_AGENCY_IDS.taskForceOffice, 'tf.coordinator')).toEqual(['UPDATE_PROFILE']);
  });

  describe('refusals leave the row unchanged', () => {
    const validChange = async () => ({
      agencyId: HARBOR,
      expectedVersion: await currentVersion(),
      hours: 'changed by a refused call',
    });

    it.each([
      ['legal.lead (agency admin of another agency)', 'legal.lead'],
      ['pd.supervisor (agency admin of another agency)', 'pd.supervisor'],
      ['tf.coordinator (coordinator and agency admin of the task-force office)', 'tf.coordinator'],
      ['ngo.caseworker (own agency, not an admin)', 'ngo.caseworker'],
    ])('%s is FORBIDDEN', async (_name, user) => {
      const before = await agencyRow();
      const response = await update(await validChange(), { user });
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.body.data ?? null).toBeNull();
      expect(await agencyRow()).toEqual(before);
    });

    it('an agency admin can update their own agency (legal.lead on Safe Passage; control for the FORBIDDEN cases)', async () => {
      const safeBefore = await agencyRow(DEMO_AGENCY_IDS.safePassage);
      const own = await update(
        {
          agencyId: DEMO_AGENCY_IDS.safePassage,
          expectedVersion: safeBefore.version,
          hours: 'Mon–Fri 08:00–18:00',
        },
        { user: 'legal.lead' },
      );
      expect(own.body.errors).toBeUndefined();
      expect(own.body.data?.updateAgencyProfile.agency.version).toBe((safeBefore.version as number) + 1);
    });

    it('a stale expectedVersion is CONFLICT', async () => {
      const before = await agencyRow();
      const response = await update({
        ...(await validChange()),
        expectedVersion: (before.version as number) - 1,
      });
      expect(codeOf(response)).toBe('CONFLICT');
      expect(response.body.data ?? null).toBeNull();
      expect(await agencyRow()).toEqual(before);
    });

    it('a version from the future is CONFLICT too', async () => {
      const before = await agencyRow();
      const response = await update({
        ...(await validChange()),
        expectedVersion: (before.version as number) + 1,
      });
      expect(codeOf(response)).toBe('CONFLICT');
      expect(await agencyRow()).toEqual(before);
    });

    it('no token is 401 UNAUTHENTICATED', async () => {
      const before = await agencyRow();
      const response = await update(await validChange(), 'anonymous');
      expect(response.status).toBe(401);
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
      expect(response.body.data ?? null).toBeNull();
      expect(await agencyRow()).toEqual(before);
    });

    it('an unknown agency is NOT_FOUND', async () => {
      const response = await update({ agencyId: randomUUID(), expectedVersion: 1, hours: 'x' });
      expect(codeOf(response)).toBe('NOT_FOUND');
    });

    it.each([
      ['an unknown service (via variables)', { services: ['CASE_MANAGEMENT', 'TELEPORTATION'] }],
      ['a language name instead of an ISO 639-1 code', { languages: ['en', 'english'] }],
      ['an unknown language code', { languages: ['xx'] }],
      ['a duplicate service', { services: ['LEGAL', 'LEGAL'] }],
      ['a description of 2001 characters', { description: 'd'.repeat(2001) }],
      ['a service area of 101 characters', { serviceAreas: ['Bay County', 'a'.repeat(101)] }],
      ['an empty service area', { serviceAreas: [''] }],
      ['a blank service area', { serviceAreas: ['Bay County', '   '] }],
      ['an invalid intake email', { intakeEmail: 'not-an-email' }],
      ['a website without http(s)', { website: 'harborlight.example.org' }],
      ['a website with another scheme', { website: 'ftp://harborlight.example.org' }],
      ['a javascript: website', { website: 'javascript:alert(1)' }],
      ['an intake phone that is not a phone number', { intakePhone: 'call us!' }],
      ['an empty name', { name: '' }],
      [
        'an address with an empty street',
        { address: { street: '', city: 'Port Harbor', region: 'CA', postalCode: '94000' } },
      ],
      ['an expectedVersion of 0', { expectedVersion: 0 }],
      ['a non-uuid agencyId', { agencyId: 'harbor-light' }],
      ['no field to change', {}],
    ])('%s is BAD_USER_INPUT', async (_name, change) => {
      const before = await agencyRow();
      const response = await update({ agencyId: HARBOR, expectedVersion: before.version, ...change });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.body.data ?? null).toBeNull();
      expect(await agencyRow()).toEqual(before);
    });

    it.each([
      ['name', { name: null }],
      ['description', { description: null }],
      ['services', { services: null }],
      ['languages', { languages: null }],
      ['serviceAreas', { serviceAreas: null }],
      ['acceptingReferrals', { acceptingReferrals: null }],
      ['confidentialLocation', { confidentialLocation: null }],
    ])(
      'an explicit null for the required field %s is BAD_USER_INPUT (not a server error)',
      async (_name, change) => {
        const before = await agencyRow();
        const response = await update({ agencyId: HARBOR, expectedVersion: before.version, ...change });
        expect(codeOf(response)).toBe('BAD_USER_INPUT');
        expect(response.body.data ?? null).toBeNull();
        expect(await agencyRow()).toEqual(before);
      },
    );
  });
});
