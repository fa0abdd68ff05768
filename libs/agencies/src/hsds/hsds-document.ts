import { AgencyEntity } from '../agency/agency.entity';
import { serviceAreaKey } from '../taxonomy/service-area';
import { ServiceNeed } from '../taxonomy/service-need';
import { HSDS_VERSION } from './hsds-schema';
import { HUB_TAXONOMY, HUB_TERMS, hsdsTerm, stableId } from './hsds-taxonomy';

type Json = Record<string, unknown>;

/**
 * A task force's directory in HSDS 3.0 JSON: the hub's taxonomy with its terms, one organization
 * per member agency (its id is the agency's id), and one service per agency — the agency's
 * directory entry — with its phone, e-mail, hours, languages, service areas, intake contact, the
 * taxonomy terms of what it offers and, unless its location is confidential, where it is.
 * `organizations`, `services`, `taxonomies` and `taxonomy_terms` hold HSDS objects, each valid
 * against HSDS 3.0's field rules (hsds-3.0.schema.ts); the envelope around them is the hub's.
 */
export interface HsdsDirectory {
  hsds_version: string;
  task_force_id: string;
  taxonomies: Json[];
  taxonomy_terms: Json[];
  organizations: Json[];
  services: Json[];
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** Drops absent values: HSDS fields are typed (a null is not a string), an absent field is simply unknown. */
function present(object: Json): Json {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
  );
}

/** The id of an agency's one HSDS service (its directory entry). */
export const serviceIdOf = (agencyId: string) => stableId('agency', agencyId, 'service');

export function toHsdsDirectory(taskForceId: string, agencies: AgencyEntity[]): HsdsDirectory {
  return {
    hsds_version: HSDS_VERSION,
    task_force_id: taskForceId,
    taxonomies: [{ ...HUB_TAXONOMY }],
    taxonomy_terms: HUB_TERMS.map((term) => ({ ...term })),
    organizations: agencies.map(toOrganization),
    services: agencies.map(toService),
  };
}

function toOrganization(agency: AgencyEntity): Json {
  return present({
    id: agency.id,
    name: agency.name,
    description: agency.description,
    email: agency.intakeEmail,
    website: agency.website,
  });
}

function toService(agency: AgencyEntity): Json {
  const serviceId = serviceIdOf(agency.id);
  const id = (...parts: string[]) => stableId('agency', agency.id, ...parts);
  const phones = agency.intakePhone
    ? [
        {
          id: id('phone', 'intake'),
          service_id: serviceId,
          number: agency.intakePhone,
          type: 'voice',
          description: 'Intake',
        },
      ]
    : [];
  const contacts =
    agency.intakeEmail || agency.intakePhone
      ? [
          present({
            id: id('contact', 'intake'),
            service_id: serviceId,
            name: 'Intake',
            email: agency.intakeEmail,
          }),
        ]
      : [];
  return present({
    id: serviceId,
    organization_id: agency.id,
    name: agency.name,
    description: agency.description,
    url: agency.website,
    email: agency.intakeEmail,
    status: 'active',
    last_modified: agency.updatedAt.toISOString(),
    phones,
    schedules: agency.hours ? [{ id: id('schedule'), service_id: serviceId, description: agency.hours }] : [],
    service_areas: agency.serviceAreas.map((area) => ({
      id: id('service-area', serviceAreaKey(area)),
      service_id: serviceId,
      name: area,
    })),
    languages: agency.languages.map((code) => ({
      id: id('language', code),
      service_id: serviceId,
      name: languageNames.of(code) ?? code,
      code,
    })),
    contacts,
    attributes: agency.services.map((need) => {
      const term = hsdsTerm(need as ServiceNeed);
      return {
        id: id('attribute', need),
        link_id: serviceId,
        link_type: 'service_type',
        link_entity: 'service',
        taxonomy_term_id: term.id,
        taxonomy_term: term,
      };
    }),
    service_at_locations: locationsOf(agency, serviceId, id),
  });
}

/**
 * Where the agency is. A confidential location (a shelter, a safe house) is never exported: no
 * location at all, so no address and no coordinates (the hub keeps none anyway).
 */
function locationsOf(agency: AgencyEntity, serviceId: string, id: (...parts: string[]) => string): Json[] {
  if (agency.confidentialLocation || !agency.addressStreet || !agency.addressCity) return [];
  const locationId = id('location');
  return [
    {
      id: id('service-at-location'),
      service_id: serviceId,
      location_id: locationId,
      location: {
        id: locationId,
        location_type: 'physical',
        organization_id: agency.id,
        name: agency.name,
        addresses: [
          {
            id: id('address'),
            location_id: locationId,
            address_1: agency.addressStreet,
            city: agency.addressCity,
            state_province: agency.addressRegion ?? '',
            postal_code: agency.addressPostalCode ?? '',
            country: 'US',
            address_type: 'physical',
          },
        ],
      },
    },
  ];
}
