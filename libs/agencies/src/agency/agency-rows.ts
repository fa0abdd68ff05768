import { AccessScope, permittedFields } from '@hub/access';
import { FieldFromRow, RowModels } from '@hub/database';
import { AgencyType } from '../taxonomy/agency-type';
import { ServiceNeed } from '../taxonomy/service-need';
import { agencyStatusOf } from './agency-lifecycle';
import { AgencyEntity } from './agency.entity';
import { Agency } from './agency.model';

/** What a model is made for: the caller, and whether the query already judged the address (the directory). */
export interface AgencyModelContext {
  scope: AccessScope;
  addressVisible?: boolean;
}

type AgencyColumn = keyof AgencyEntity;

const ADDRESS = ['address'];

/**
 * Each field of Agency made from its row: the columns it reads and how. The one place an agency
 * becomes what a client sees (AgencyService.toModel, every column; a page's join, the columns its
 * selection needs).
 */
const FROM_ROW: { [K in keyof Agency]: FieldFromRow<AgencyEntity, AgencyModelContext, Agency[K]> } = {
  id: { columns: ['id'], read: (row) => row.id },
  name: { columns: ['name'], read: (row) => row.name },
  type: { columns: ['type'], read: (row) => row.type as AgencyType },
  jurisdiction: { columns: ['jurisdiction'], read: (row) => row.jurisdiction },
  description: { columns: ['description'], read: (row) => row.description },
  services: { columns: ['services'], read: (row) => row.services as ServiceNeed[] },
  languages: { columns: ['languages'], read: (row) => row.languages },
  serviceAreas: { columns: ['serviceAreas'], read: (row) => row.serviceAreas },
  hours: { columns: ['hours'], read: (row) => row.hours },
  intakePhone: { columns: ['intakePhone'], read: (row) => row.intakePhone },
  intakeEmail: { columns: ['intakeEmail'], read: (row) => row.intakeEmail },
  website: { columns: ['website'], read: (row) => row.website },
  notificationLanguage: { columns: ['notificationLanguage'], read: (row) => row.notificationLanguage },
  address: {
    // The policy's field rule judges the agency's id and whether its location is confidential.
    columns: [
      'id',
      'confidentialLocation',
      'addressStreet',
      'addressCity',
      'addressRegion',
      'addressPostalCode',
    ],
    read: (row, { scope, addressVisible }) => {
      // A query that already judged the address (the policy's field rule as SQL) says so.
      const mayReadAddress =
        addressVisible ??
        permittedFields(
          scope.ability,
          'read',
          'Agency',
          { id: row.id, confidentialLocation: row.confidentialLocation },
          ADDRESS,
        ).length > 0;
      const hasAddress = row.addressStreet !== null && row.addressCity !== null;
      return mayReadAddress && hasAddress
        ? {
            street: row.addressStreet ?? '',
            city: row.addressCity ?? '',
            region: row.addressRegion ?? '',
            postalCode: row.addressPostalCode ?? '',
          }
        : null;
    },
  },
  acceptingReferrals: { columns: ['acceptingReferrals'], read: (row) => row.acceptingReferrals },
  confidentialLocation: { columns: ['confidentialLocation'], read: (row) => row.confidentialLocation },
  status: { columns: ['deactivatedAt'], read: (row) => agencyStatusOf(row) },
  deactivatedAt: { columns: ['deactivatedAt'], read: (row) => row.deactivatedAt },
  version: { columns: ['version'], read: (row) => row.version },
  updatedAt: { columns: ['updatedAt'], read: (row) => row.updatedAt },
};

/** Every column of the row (under test, a read of one not read throws). */
const ROW_COLUMNS: Record<AgencyColumn, true> = {
  id: true,
  name: true,
  type: true,
  jurisdiction: true,
  description: true,
  services: true,
  languages: true,
  serviceAreas: true,
  serviceAreaKeys: true,
  hours: true,
  intakePhone: true,
  intakeEmail: true,
  website: true,
  notificationLanguage: true,
  addressStreet: true,
  addressCity: true,
  addressRegion: true,
  addressPostalCode: true,
  acceptingReferrals: true,
  confidentialLocation: true,
  deactivatedAt: true,
  deactivatedBy: true,
  deactivationReason: true,
  version: true,
  createdAt: true,
  updatedAt: true,
};

/** Agency models from rows read whole or with some columns (@hub/database's RowModels). */
export const AGENCY_ROWS = new RowModels<AgencyEntity, AgencyModelContext, Agency>(
  'Agency',
  FROM_ROW,
  ROW_COLUMNS,
);

/**
 * Every field of the GraphQL type `Agency` with the columns answering it needs (a join reads
 * those of the fields its request selects). `referrals-cost.e2e-spec.ts` checks it names exactly
 * the schema's fields, and each field selected alone under a referral's agency.
 */
export const AGENCY_FIELD_COLUMNS: Readonly<Record<string, readonly AgencyColumn[]>> = {
  ...AGENCY_ROWS.fieldColumns(),
  __typename: [],
  // The policy judges the agency by its id (availableAgencyActions).
  availableActions: ['id'],
};

/** The columns answering `fields` (selected on an agency) needs; the id always (whether a row was joined). */
export function agencyColumnsFor(fields: Iterable<string>): ReadonlySet<AgencyColumn> {
  return AGENCY_ROWS.columnsFor(fields, AGENCY_FIELD_COLUMNS, ['id']);
}
