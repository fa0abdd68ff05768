import { Injectable } from '@nestjs/common';
import { Refusals } from '@hub/workflow';
import { AuditWriter } from '@hub/audit';
import { AccessScope, subject } from '@hub/access';
import { JoinedPart, Transactions } from '@hub/database';
import {
  BadUserInputError,
  Connection,
  ConflictError,
  mapConnection,
  ForbiddenError,
  NotFoundError,
  UUID_PATTERN,
} from '@hub/graphql';
import { serviceAreaKey } from '../taxonomy/service-area';
import { AGENCY_ROWS, agencyColumnsFor } from './agency-rows';
import { AgencyEntity } from './agency.entity';
import { AgenciesArgs, DirectoryArgs } from './agency.args';
import { Agency } from './agency.model';
import { AgencyChanges, AgencyRepository } from './agency.repository';
import { UpdateAgencyProfileInput } from './update-agency-profile.input';

const EVERY_COLUMN = AGENCY_ROWS.reader(AGENCY_ROWS.allColumns);

/** Agencies and their directory entries: reading (with confidential addresses withheld) and profile changes. */
@Injectable()
export class AgencyService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly refusals: Refusals,
  ) {}

  async get(scope: AccessScope, id: string): Promise<Agency> {
    const entity = UUID_PATTERN.test(id) ? await this.agencies.findById(id) : null;
    if (!entity) throw new NotFoundError('Agency', id);
    return this.toModel(scope, entity);
  }

  /** For DataLoaders: agencies by id in key order (missing ones as errors). */
  async getMany(scope: AccessScope, ids: readonly string[]): Promise<(Agency | Error)[]> {
    const found = new Map(
      (await this.agencies.findByIds(ids.filter((id) => UUID_PATTERN.test(id)))).map((a) => [a.id, a]),
    );
    return ids.map((id) => {
      const entity = found.get(id);
      return entity ? this.toModel(scope, entity) : new NotFoundError('Agency', id);
    });
  }

  /**
   * The agency `idSql` names as the caller sees it, read in another domain's page query
   * (JoinedPart): with `fields` (those the request selects on it), only the columns they need
   * (AGENCY_FIELD_COLUMNS); the model answers those fields and refuses the others.
   */
  joinById(
    scope: AccessScope,
    idSql: string,
    alias: string,
    fields?: Iterable<string>,
  ): JoinedPart<Agency | null> {
    const reader = AGENCY_ROWS.reader(fields ? agencyColumnsFor(fields) : AGENCY_ROWS.allColumns);
    const part = this.agencies.joinById(idSql, alias, reader.columns);
    const context = { scope };
    return {
      ...part,
      read: (row) => {
        const entity = part.read(row);
        return entity && reader.toModel(entity, context);
      },
    };
  }

  async list(scope: AccessScope, args: AgenciesArgs): Promise<Connection<Agency>> {
    const page = await this.agencies.list({ type: args.type }, args);
    return mapConnection(page, (row) => this.toModel(scope, row));
  }

  async directory(scope: AccessScope, args: DirectoryArgs): Promise<Connection<Agency>> {
    const page = await this.agencies.searchDirectory(
      scope,
      {
        need: args.need,
        language: args.language,
        areaKey: args.area === undefined ? undefined : serviceAreaKey(args.area),
        acceptingOnly: args.acceptingOnly ?? false,
      },
      args,
    );
    return mapConnection(page, (row) => this.toModel(scope, row, row.addressVisible));
  }

  async updateProfile(scope: AccessScope, input: UpdateAgencyProfileInput): Promise<Agency> {
    const current = await this.agencies.findById(input.agencyId);
    if (!current) throw new NotFoundError('Agency', input.agencyId);
    if (!scope.ability.can('update', subject('Agency', { id: current.id }))) {
      await this.refusals.refuse(scope, 'UPDATE_AGENCY_PROFILE', 'Agency', current.id, [current.id]);
      throw new ForbiddenError('Only an agency admin of this agency may update its profile');
    }
    const changes = this.changesFrom(input);
    if (Object.keys(changes).length === 0) throw new BadUserInputError('Nothing to update');
    const updated = await this.transactions.run(async (tx) => {
      const row = await this.agencies.update(tx, current.id, input.expectedVersion, changes);
      if (!row) {
        throw new ConflictError(`Agency ${current.id} was changed by someone else; reload it and try again`);
      }
      // A profile change is permission-relevant (accepting referrals, confidential location).
      await this.audit.record(tx, {
        actor: scope.actor,
        action: 'UPDATE_AGENCY_PROFILE',
        subjectType: 'Agency',
        subjectId: row.id,
        fields: Object.keys(changes).filter((field) => field !== 'serviceAreaKeys'),
        decision: 'ALLOWED',
        subjectAgencyIds: [row.id],
      });
      return row;
    });
    return this.toModel(scope, updated);
  }

  private changesFrom(input: UpdateAgencyProfileInput): AgencyChanges {
    const changes: AgencyChanges = {};
    const text = (value: string | null | undefined) =>
      value === null || value === undefined ? value : value.trim();
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.description !== undefined) changes.description = input.description.trim();
    if (input.services !== undefined) changes.services = [...input.services];
    if (input.languages !== undefined) changes.languages = [...input.languages];
    if (input.serviceAreas !== undefined) {
      const areas = input.serviceAreas.map((area) => area.trim().replace(/\s+/g, ' '));
      if (areas.some((area) => area.length === 0)) {
        throw new BadUserInputError('Invalid input', [
          { field: 'serviceAreas', message: 'must not contain blank names' },
        ]);
      }
      changes.serviceAreas = areas;
      changes.serviceAreaKeys = [...new Set(areas.map(serviceAreaKey))];
    }
    if (input.hours !== undefined) changes.hours = text(input.hours) ?? null;
    if (input.intakePhone !== undefined) changes.intakePhone = text(input.intakePhone) ?? null;
    if (input.intakeEmail !== undefined) changes.intakeEmail = text(input.intakeEmail) ?? null;
    if (input.website !== undefined) changes.website = text(input.website) ?? null;
    if (input.notificationLanguage !== undefined) changes.notificationLanguage = input.notificationLanguage;
    if (input.address !== undefined) {
      changes.addressStreet = input.address?.street.trim() ?? null;
      changes.addressCity = input.address?.city.trim() ?? null;
      changes.addressRegion = input.address?.region.trim() ?? null;
      changes.addressPostalCode = input.address?.postalCode.trim() ?? null;
    }
    if (input.acceptingReferrals !== undefined) changes.acceptingReferrals = input.acceptingReferrals;
    if (input.confidentialLocation !== undefined) changes.confidentialLocation = input.confidentialLocation;
    return changes;
  }

  /** The one place an agency becomes what a client sees; the policy decides about the address. */
  toModel(scope: AccessScope, entity: AgencyEntity, addressVisible?: boolean): Agency {
    return EVERY_COLUMN.toModel(entity, { scope, addressVisible });
  }
}
