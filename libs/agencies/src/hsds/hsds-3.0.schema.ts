import type { SchemaObject } from 'ajv';

/**
 * The field rules of Open Referral HSDS 3.0 (https://docs.openreferral.org) for the objects the hub
 * exchanges, written by the hub from the specification — the published schema files are not
 * fetched or copied here (docs/hsds.md says how to check an export against them).
 *
 * One table states each object once: its fields in the specification's order (the tabular
 * package's column order), their JSON types and formats, the closed lists of values, which
 * fields are required and which objects nest in which. The JSON Schema ajv validates with and the
 * CSV tables of the tabular package are both derived from it.
 */
export const HSDS_VERSION = '3.0';

/** The HSDS objects the hub exchanges. */
export const HSDS_OBJECTS = [
  'service',
  'organization',
  'service_at_location',
  'location',
  'address',
  'phone',
  'schedule',
  'service_area',
  'language',
  'contact',
  'attribute',
  'taxonomy',
  'taxonomy_term',
] as const;
export type HsdsObject = (typeof HSDS_OBJECTS)[number];

/** The string formats HSDS 3.0 states in its JSON form (checked by ajv-formats). */
type StringFormat = 'uuid' | 'uri' | 'email' | 'date-time';

/** A Frictionless table-schema type: how a column of the tabular package is typed. */
export type ColumnType = 'string' | 'number' | 'date' | 'time' | 'datetime';

/**
 * One field. Scalars are columns of the object's CSV table; `date` and `time` fields are plain
 * strings in HSDS 3.0's JSON form (it states no format for them) and typed only as columns.
 * Nested objects are `one`/`many` of an object the hub describes, or `unchecked`: HSDS objects the
 * hub neither fills nor reads (funding, programs, metadata…), accepted as any object.
 */
export type HsdsField =
  | { kind: 'string'; format?: StringFormat; values?: readonly string[]; column?: 'date' | 'time' }
  | { kind: 'number' }
  | { kind: 'one' | 'many'; object: HsdsObject }
  | { kind: 'unchecked'; many: boolean };

export interface HsdsObjectRules {
  /** The object's CSV file in the tabular package. */
  file: string;
  required: readonly string[];
  fields: Readonly<Record<string, HsdsField>>;
}

const text: HsdsField = { kind: 'string' };
const uuid: HsdsField = { kind: 'string', format: 'uuid' };
const uri: HsdsField = { kind: 'string', format: 'uri' };
const email: HsdsField = { kind: 'string', format: 'email' };
const dateTime: HsdsField = { kind: 'string', format: 'date-time' };
const date: HsdsField = { kind: 'string', column: 'date' };
const time: HsdsField = { kind: 'string', column: 'time' };
const number: HsdsField = { kind: 'number' };
const oneOf = (...values: string[]): HsdsField => ({ kind: 'string', values });
const one = (object: HsdsObject): HsdsField => ({ kind: 'one', object });
const many = (object: HsdsObject): HsdsField => ({ kind: 'many', object });
const someObjects: HsdsField = { kind: 'unchecked', many: true };
const someObject: HsdsField = { kind: 'unchecked', many: false };

/** physical, postal or virtual: both a location's and an address's kind. */
const PLACE_TYPES = ['physical', 'postal', 'virtual'];

export const HSDS_3_0: Readonly<Record<HsdsObject, HsdsObjectRules>> = {
  service: {
    file: 'services.csv',
    required: ['id', 'name', 'status'],
    fields: {
      id: uuid,
      organization_id: uuid,
      program_id: uuid,
      name: text,
      alternate_name: text,
      description: text,
      url: uri,
      email,
      status: oneOf('active', 'inactive', 'defunct', 'temporarily closed'),
      interpretation_services: text,
      application_process: text,
      fees_description: text,
      wait_time: text,
      fees: text,
      accreditations: text,
      eligibility_description: text,
      minimum_age: number,
      maximum_age: number,
      assured_date: date,
      assurer_email: email,
      licenses: text,
      alert: text,
      last_modified: dateTime,
      phones: many('phone'),
      schedules: many('schedule'),
      service_areas: many('service_area'),
      service_at_locations: many('service_at_location'),
      languages: many('language'),
      organization: one('organization'),
      funding: someObjects,
      cost_options: someObjects,
      program: someObject,
      required_documents: someObjects,
      contacts: many('contact'),
      attributes: many('attribute'),
      metadata: someObjects,
    },
  },
  organization: {
    file: 'organizations.csv',
    required: ['id', 'name', 'description'],
    fields: {
      id: uuid,
      name: text,
      alternate_name: text,
      description: text,
      email,
      website: uri,
      tax_status: text,
      tax_id: text,
      year_incorporated: number,
      legal_status: text,
      logo: text,
      uri,
      parent_organization_id: uuid,
      funding: someObjects,
      contacts: many('contact'),
      phones: many('phone'),
      locations: many('location'),
      programs: someObjects,
      organization_identifiers: someObjects,
      attributes: many('attribute'),
      metadata: someObjects,
    },
  },
  service_at_location: {
    file: 'service_at_location.csv',
    required: ['id'],
    fields: {
      id: uuid,
      service_id: uuid,
      location_id: uuid,
      description: text,
      contacts: many('contact'),
      phones: many('phone'),
      schedules: many('schedule'),
      location: one('location'),
      attributes: many('attribute'),
      metadata: someObjects,
    },
  },
  location: {
    file: 'locations.csv',
    required: ['id', 'location_type'],
    fields: {
      id: uuid,
      location_type: oneOf(...PLACE_TYPES),
      url: uri,
      organization_id: uuid,
      name: text,
      alternate_name: text,
      description: text,
      transportation: text,
      latitude: number,
      longitude: number,
      external_identifier: text,
      external_identifier_type: text,
      languages: many('language'),
      addresses: many('address'),
      contacts: many('contact'),
      accessibility: someObjects,
      phones: many('phone'),
      schedules: many('schedule'),
      attributes: many('attribute'),
      metadata: someObjects,
    },
  },
  address: {
    file: 'addresses.csv',
    required: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
    fields: {
      id: uuid,
      location_id: uuid,
      attention: text,
      address_1: text,
      address_2: text,
      city: text,
      region: text,
      state_province: text,
      postal_code: text,
      country: text,
      address_type: oneOf(...PLACE_TYPES),
      attributes: many('attribute'),
      metadata: someObjects,
    },
  },
  phone: {
    file: 'phones.csv',
    required: ['id', 'number'],
    fields: {
      id: uuid,
      location_id: uuid,
      service_id: uuid,
      organization_id: uuid,
      contact_id: uuid,
      service_at_location_id: uuid,
      number: text,
      extension: number,
      type: text,
      description: text,
      languages: many('language'),
      attributes: many('attribute'),
      metadata: someObjects,
    },
  },
  schedule: {
    file: 'schedules.csv',
    required: ['id'],
    fields: {
      id: uuid,
      service_id: uuid,
      location_id: uuid,
      service_at_location_id: uuid,
      valid_from: date,
      valid_to: date,
      dtstart: date,
      timezone: number,
      until: date,
      count: number,
      wkst: oneOf('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'),
      freq: oneOf('WEEKLY', 'MONTHLY'),
      interval: number,
      byday: text,
      byweekno: text,
      bymonthday: text,
      byyearday: text,
      description: text,
      opens_at: time,
      closes_at: time,
      schedule_link: uri,
      attending_type: text,
      notes: text,
      attributes: many('attribute'),
      metadata: someObjects,
    },
  },
  service_area: {
    file: 'service_areas.csv',
    required: ['id'],
    fields: {
      id: uuid,
      service_id: uuid,
      name: text,
      description: text,
      extent: text,
      extent_type: text,
      uri: text,
      attributes: many('attribute'),
      metadata: someObjects,
    },
  },
  language: {
    file: 'languages.csv',
    required: ['id'],
    fields: {
      id: uuid,
      service_id: uuid,
      location_id: uuid,
      phone_id: uuid,
      name: text,
      code: text,
      note: text,
      attributes: many('attribute'),
      metadata: someObjects,
    },
  },
  contact: {
    file: 'contacts.csv',
    required: ['id'],
    fields: {
      id: uuid,
      organization_id: uuid,
      service_id: uuid,
      service_at_location_id: uuid,
      location_id: uuid,
      name: text,
      title: text,
      department: text,
      email,
      phones: many('phone'),
      attributes: many('attribute'),
      metadata: someObjects,
    },
  },
  attribute: {
    file: 'attributes.csv',
    required: ['id'],
    fields: {
      id: uuid,
      link_id: uuid,
      taxonomy_term_id: uuid,
      link_type: text,
      link_entity: text,
      value: text,
      taxonomy_term: one('taxonomy_term'),
      metadata: someObjects,
    },
  },
  taxonomy: {
    file: 'taxonomies.csv',
    required: ['id', 'name', 'description'],
    fields: {
      id: uuid,
      name: text,
      description: text,
      uri,
      version: text,
      metadata: someObjects,
    },
  },
  taxonomy_term: {
    file: 'taxonomy_terms.csv',
    required: ['id', 'name', 'description'],
    fields: {
      id: uuid,
      code: text,
      name: text,
      description: text,
      parent_id: uuid,
      taxonomy: text,
      taxonomy_detail: one('taxonomy'),
      language: text,
      taxonomy_id: uuid,
      term_uri: uri,
      metadata: someObjects,
    },
  },
};

/** The id of the JSON Schema below; each object is at `#/definitions/<object>`. */
export const HSDS_3_0_SCHEMA_ID = 'urn:task-force-hub:hsds:3.0';

function fieldSchema(field: HsdsField): SchemaObject {
  switch (field.kind) {
    case 'string':
      return {
        type: 'string',
        ...(field.format && { format: field.format }),
        ...(field.values && { enum: [...field.values] }),
      };
    case 'number':
      return { type: 'number' };
    case 'one':
      return { $ref: `#/definitions/${field.object}` };
    case 'many':
      return { type: 'array', items: { $ref: `#/definitions/${field.object}` } };
    case 'unchecked':
      return field.many ? { type: 'array', items: { type: 'object' } } : { type: 'object' };
  }
}

/**
 * The JSON Schema (draft-07) of the HSDS objects, from the table above: only standard keywords, so
 * ajv runs in strict mode. Unknown fields are allowed, as HSDS allows them (an import's extra
 * fields are ignored, never an error).
 */
export const HSDS_3_0_SCHEMA: SchemaObject = {
  $id: HSDS_3_0_SCHEMA_ID,
  definitions: Object.fromEntries(
    HSDS_OBJECTS.map((object) => {
      const { required, fields } = HSDS_3_0[object];
      const properties = Object.fromEntries(
        Object.entries(fields).map(([name, field]) => [name, fieldSchema(field)]),
      );
      return [object, { type: 'object', required: [...required], properties }];
    }),
  ),
};
