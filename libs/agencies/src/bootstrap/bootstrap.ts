import { Type } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessScope, defineAbilityFor, HUB_ADMIN_ROLE } from '@hub/access';
import { auditEntities, AuditWriter } from '@hub/audit';
import { Actor } from '@hub/authz';
import { Clock } from '@hub/config';
import { dataSourceOptions, Transactions } from '@hub/database';
import { createValidationPipe } from '@hub/graphql';
import { CreateOnce, Refusals } from '@hub/workflow';
import { agenciesEntities } from '../agencies.entities';
import { AgencyDeactivationListeners } from '../agency/agency-deactivation-listeners';
import { CreateAgencyInput } from '../agency/agency-registration.inputs';
import { AgencyRegistrationService } from '../agency/agency-registration.service';
import { AgencyRepository } from '../agency/agency.repository';
import { AgencyService } from '../agency/agency.service';
import { AgencyType } from '../taxonomy/agency-type';
import { requiredText } from '../taxonomy/required-text';
import { CreateTaskForceInput } from '../task-force/create-task-force.input';
import { TaskForceRepository } from '../task-force/task-force.repository';
import { TaskForceService } from '../task-force/task-force.service';

/**
 * Who the first run acts as: a hub administrator without an agency (the first real one does not
 * exist yet). The one policy judges it like any other; its audit rows name `hub-bootstrap`.
 */
export const BOOTSTRAP_ACTOR: Actor = {
  userId: 'hub-bootstrap',
  agencyId: null,
  agencyType: null,
  roles: [HUB_ADMIN_ROLE],
  taskForceIds: [],
};

export interface BootstrapInput {
  taskForce: { name: string; jurisdiction: string; description?: string };
  coordinatingAgency: { name: string; jurisdiction?: string; intakeEmail?: string; intakePhone?: string };
  /** The first platform administrator's Keycloak account, to create from the answer's partial import. */
  hubAdmin?: { username: string; email?: string; firstName?: string; lastName?: string };
}

/** A Keycloak partial import (Realm settings → Action → Partial import) creating the hub administrator. */
export interface KeycloakPartialImport {
  ifResourceExists: 'SKIP';
  users: {
    username: string;
    email?: string;
    firstName?: string;
    lastName?: string;
    enabled: true;
    attributes: { agency_id: string[] };
    realmRoles: string[];
  }[];
}

export interface BootstrapResult {
  taskForce: { id: string; name: string; jurisdiction: string };
  coordinatingAgency: { id: string; name: string; type: string };
  /** What the hub administrator's Keycloak account must carry, ready to import (null without --admin-username). */
  hubAdmin: { username: string; realmRole: string; agencyId: string; keycloak: KeycloakPartialImport } | null;
}

/** The bootstrap's idempotency keys: the first run's registrations are made once, whatever retries. */
const KEYS = { agency: 'bootstrap-coordinating-agency', taskForce: 'bootstrap-task-force' };

/**
 * The first run of a new deployment (`npm run hub -- bootstrap …`, `node hub.js bootstrap …` in the
 * image), connected as the schema owner (`databaseUrl`): registers the coordinating office and the task force it coordinates, through the same
 * services, policy and audit as the API's createAgency / createTaskForce. Idempotent: run again with
 * the same values it writes nothing and answers the same ids; with other values it is a CONFLICT
 * (IDEMPOTENCY_KEY_REUSED) and changes nothing. Everything after this is done through the API.
 */
export async function bootstrapFirstTaskForce(
  databaseUrl: string,
  input: BootstrapInput,
  clock: Clock = new Clock(),
): Promise<BootstrapResult> {
  const dataSource = new DataSource(
    dataSourceOptions({
      url: databaseUrl,
      applicationName: 'hub-bootstrap',
      entities: [...agenciesEntities, ...auditEntities],
    }),
  );
  await dataSource.initialize();
  try {
    return await bootstrapWith(dataSource, input, clock);
  } finally {
    await dataSource.destroy();
  }
}

async function bootstrapWith(
  dataSource: DataSource,
  input: BootstrapInput,
  clock: Clock,
): Promise<BootstrapResult> {
  const transactions = new Transactions(dataSource);
  const audit = new AuditWriter(transactions);
  const refusals = new Refusals(audit);
  const createOnce = new CreateOnce(transactions);
  const agencies = new AgencyRepository(dataSource);
  const taskForces = new TaskForceRepository(dataSource);
  const views = new AgencyService(agencies, transactions, audit, refusals);
  const registrations = new AgencyRegistrationService(
    agencies,
    taskForces,
    views,
    transactions,
    audit,
    refusals,
    createOnce,
    new AgencyDeactivationListeners(),
    clock,
  );
  const taskForceService = new TaskForceService(
    taskForces,
    agencies,
    transactions,
    audit,
    refusals,
    createOnce,
  );
  const scope: AccessScope = { actor: BOOTSTRAP_ACTOR, ability: defineAbilityFor(BOOTSTRAP_ACTOR) };

  // Every value is checked before anything is written (the task force's agency id is not known yet).
  const taskForceInput = {
    name: requiredText(input.taskForce.name, 'taskForce.name'),
    jurisdiction: requiredText(input.taskForce.jurisdiction, 'taskForce.jurisdiction'),
    description: input.taskForce.description,
    idempotencyKey: KEYS.taskForce,
  };
  await validated(CreateTaskForceInput, { ...taskForceInput, coordinatingAgencyId: randomUUID() });
  requiredText(input.coordinatingAgency.name, 'coordinatingAgency.name');
  const office = await registrations.create(
    scope,
    await validated(CreateAgencyInput, {
      name: input.coordinatingAgency.name,
      type: AgencyType.COORDINATOR,
      jurisdiction: input.coordinatingAgency.jurisdiction ?? input.taskForce.jurisdiction,
      intakeEmail: input.coordinatingAgency.intakeEmail,
      intakePhone: input.coordinatingAgency.intakePhone,
      idempotencyKey: KEYS.agency,
    }),
  );
  const taskForce = await taskForceService.create(
    scope,
    await validated(CreateTaskForceInput, { ...taskForceInput, coordinatingAgencyId: office.id }),
  );
  const admin = input.hubAdmin;
  return {
    taskForce: { id: taskForce.id, name: taskForce.name, jurisdiction: taskForce.jurisdiction },
    coordinatingAgency: { id: office.id, name: office.name, type: office.type },
    hubAdmin: admin
      ? {
          username: admin.username,
          realmRole: HUB_ADMIN_ROLE,
          agencyId: office.id,
          keycloak: {
            ifResourceExists: 'SKIP',
            users: [
              {
                username: admin.username,
                ...(admin.email ? { email: admin.email } : {}),
                ...(admin.firstName ? { firstName: admin.firstName } : {}),
                ...(admin.lastName ? { lastName: admin.lastName } : {}),
                enabled: true,
                attributes: { agency_id: [office.id] },
                realmRoles: [HUB_ADMIN_ROLE],
              },
            ],
          },
        }
      : null,
  };
}

/** The input as the API's validation pipe would hand it on: BAD_USER_INPUT naming fields, or the typed input. */
async function validated<T extends object>(metatype: Type<T>, value: Record<string, unknown>): Promise<T> {
  const defined = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  return (await createValidationPipe().transform(defined, { type: 'body', metatype })) as T;
}
