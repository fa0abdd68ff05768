import { HSDS_3_0, HSDS_OBJECTS, HsdsObject } from './hsds-3.0.schema';
import { hsdsProblems, hsdsTable, nestedObject } from './hsds-schema';

type Json = Record<string, unknown>;

const ID = '2f0c6a52-8d1e-4c3b-9a7f-5e4d3c2b1a09';
const OTHER_ID = '7b1e9c40-3a2d-4f6e-8b5c-0d9e8f7a6b51';

/** The least each object may be: its required fields only. */
const MINIMAL: Record<HsdsObject, Json> = {
  service: { id: ID, name: 'Legal clinic', status: 'active' },
  organization: { id: ID, name: 'Safe Passage', description: 'Legal aid' },
  service_at_location: { id: ID },
  location: { id: ID, location_type: 'physical' },
  address: {
    id: ID,
    address_1: '1 Main St',
    city: 'Springfield',
    state_province: 'IL',
    postal_code: '62701',
    country: 'US',
    address_type: 'physical',
  },
  phone: { id: ID, number: '+1 555 0100' },
  schedule: { id: ID },
  service_area: { id: ID },
  language: { id: ID },
  contact: { id: ID },
  attribute: { id: ID },
  taxonomy: { id: ID, name: 'Needs', description: 'Service needs' },
  taxonomy_term: { id: ID, name: 'Legal services', description: 'Legal help' },
};

const minimal = (object: HsdsObject, extra: Json = {}): Json => ({ ...MINIMAL[object], ...extra });
const ENUM = 'must be equal to one of the allowed values';

describe('the HSDS 3.0 schema (the hub’s own statement of the field rules)', () => {
  it.each(HSDS_OBJECTS)('a minimal %s (its required fields only) is valid', (object) => {
    expect(hsdsProblems(object, MINIMAL[object], 'x')).toEqual([]);
  });

  const requiredFields = HSDS_OBJECTS.flatMap((object) =>
    HSDS_3_0[object].required.map((field) => [object, field] as const),
  );
  it.each(requiredFields)('a %s without %s is refused at the object', (object, field) => {
    const { [field]: _dropped, ...rest } = MINIMAL[object];
    expect(hsdsProblems(object, rest, 'rows[3]')).toEqual([
      { path: 'rows[3]', reason: `must have required property '${field}'` },
    ]);
  });

  it('states the required fields the specification states', () => {
    expect(HSDS_3_0.service.required).toEqual(['id', 'name', 'status']);
    expect(HSDS_3_0.organization.required).toEqual(['id', 'name', 'description']);
    expect(HSDS_3_0.location.required).toEqual(['id', 'location_type']);
    expect(HSDS_3_0.phone.required).toEqual(['id', 'number']);
  });

  it.each([
    ['service', { name: 42 }, '.name', 'must be string'],
    ['service', { minimum_age: '18' }, '.minimum_age', 'must be number'],
    ['phone', { extension: 'x12' }, '.extension', 'must be number'],
    ['location', { latitude: '41.8' }, '.latitude', 'must be number'],
    ['service', { phones: { id: ID, number: '1' } }, '.phones', 'must be array'],
    ['service', { phones: [{ id: ID, number: 5550100 }] }, '.phones[0].number', 'must be string'],
    ['service', { organization: 'Safe Passage' }, '.organization', 'must be object'],
    ['service', { funding: ['state grant'] }, '.funding[0]', 'must be object'],
    ['organization', { year_incorporated: '1999' }, '.year_incorporated', 'must be number'],
  ] as const)('a %s with %j is refused at %s (%s)', (object, extra, path, reason) => {
    expect(hsdsProblems(object, minimal(object, extra), 'x')).toEqual([{ path: `x${path}`, reason }]);
  });

  it.each([
    ['service', 'status', 'open'],
    ['service', 'status', 'Active'],
    ['location', 'location_type', 'mobile'],
    ['address', 'address_type', 'mailing'],
    ['schedule', 'freq', 'DAILY'],
    ['schedule', 'wkst', 'MON'],
  ] as const)('a %s whose %s is %j (not one of HSDS’s values) is refused', (object, field, value) => {
    expect(hsdsProblems(object, minimal(object, { [field]: value }), 'x')).toEqual([
      { path: `x.${field}`, reason: ENUM },
    ]);
  });

  it('accepts every value HSDS lists', () => {
    for (const status of ['active', 'inactive', 'defunct', 'temporarily closed'])
      expect(hsdsProblems('service', minimal('service', { status }), 'x')).toEqual([]);
    for (const type of ['physical', 'postal', 'virtual']) {
      expect(hsdsProblems('location', minimal('location', { location_type: type }), 'x')).toEqual([]);
      expect(hsdsProblems('address', minimal('address', { address_type: type }), 'x')).toEqual([]);
    }
    for (const wkst of ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])
      for (const freq of ['WEEKLY', 'MONTHLY'])
        expect(hsdsProblems('schedule', minimal('schedule', { wkst, freq }), 'x')).toEqual([]);
  });

  it.each([
    ['service', { id: 'harbor-1' }, '.id', 'uuid'],
    ['service', { organization_id: '12345' }, '.organization_id', 'uuid'],
    ['phone', { service_id: `${ID}x` }, '.service_id', 'uuid'],
    [
      'service',
      { attributes: [{ id: OTHER_ID, taxonomy_term: { ...MINIMAL.taxonomy_term, id: 'need-1' } }] },
      '.attributes[0].taxonomy_term.id',
      'uuid',
    ],
    ['service', { email: 'intake at example.org' }, '.email', 'email'],
    ['service', { url: 'not a url' }, '.url', 'uri'],
    ['service', { last_modified: '2026-12-02' }, '.last_modified', 'date-time'],
    ['taxonomy_term', { term_uri: 'no scheme' }, '.term_uri', 'uri'],
  ] as const)('a %s with %j is refused at %s (not a %s)', (object, extra, path, format) => {
    expect(hsdsProblems(object, minimal(object, extra), 'x')).toEqual([
      { path: `x${path}`, reason: `must match format "${format}"` },
    ]);
  });

  it('checks nested objects as the objects they are, and reports every problem', () => {
    const service = minimal('service', {
      status: 'closed',
      service_at_locations: [
        { id: ID, location: { id: ID, location_type: 'physical', addresses: [{ id: ID, city: 'X' }] } },
      ],
    });
    expect(hsdsProblems('service', service, 'services[0]')).toEqual(
      expect.arrayContaining([
        { path: 'services[0].status', reason: ENUM },
        {
          path: 'services[0].service_at_locations[0].location.addresses[0]',
          reason: "must have required property 'address_1'",
        },
      ]),
    );
  });

  it('ignores fields HSDS does not define (an import may carry them)', () => {
    expect(hsdsProblems('service', minimal('service', { x_local_code: 7 }), 'x')).toEqual([]);
  });

  it('refuses what is not an object at all', () => {
    expect(hsdsProblems('organization', 'Safe Passage', 'organizations[0]')).toEqual([
      { path: 'organizations[0]', reason: 'must be object' },
    ]);
  });
});

describe('the tabular form, from the same rules', () => {
  it('has the scalar fields in HSDS order as columns, typed for the data package; nesting is left out', () => {
    const organization = hsdsTable('organization');
    expect(organization.path).toBe('organizations.csv');
    expect(organization.columns.slice(0, 3).map((c) => c.name)).toEqual(['id', 'name', 'alternate_name']);
    expect(organization.columns.map((c) => c.name)).not.toContain('phones');
    const type = (object: HsdsObject, name: string) =>
      hsdsTable(object).columns.find((c) => c.name === name)?.type;
    expect(type('service', 'last_modified')).toBe('datetime');
    expect(type('service', 'assured_date')).toBe('date');
    expect(type('schedule', 'opens_at')).toBe('time');
    expect(type('location', 'latitude')).toBe('number');
    expect(type('service', 'status')).toBe('string');
    expect(type('taxonomy_term', 'taxonomy_detail')).toBeUndefined();
  });

  it('knows which object a nested field holds', () => {
    expect(nestedObject('service', 'phones')).toBe('phone');
    expect(nestedObject('service_at_location', 'location')).toBe('location');
    expect(nestedObject('attribute', 'taxonomy_term')).toBe('taxonomy_term');
    expect(nestedObject('service', 'funding')).toBeNull();
    expect(nestedObject('service', 'name')).toBeNull();
    expect(nestedObject('service', 'no_such_field')).toBeNull();
  });
});
