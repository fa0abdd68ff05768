import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@hub/audit';
import { AccessScope, subject } from '@hub/access';
import { Transactions } from '@hub/database';
import { BadUserInputError, ConflictError, ForbiddenError, UUID_PATTERN } from '@hub/graphql';
import { Refusals } from '@hub/workflow';
import { AgencyEntity } from '../agency/agency.entity';
import { AgencyRepository } from '../agency/agency.repository';
import { TaskForceRepository } from '../task-force/task-force.repository';
import {
  DirectoryExport,
  DirectoryExportFormat,
  DirectoryImportEntry,
  DirectoryImportInput,
  DirectoryImportPreview,
  DirectoryImportStatus,
} from './directory-exchange.model';
import { toHsdsDirectory } from './hsds-document';
import { ImportPlan, planImport } from './hsds-import';
import { HSDS_VERSION } from './hsds-schema';
import { toTabularPackage } from './hsds-tabular';

const EXPORT_DIRECTORY = 'EXPORT_DIRECTORY';
const IMPORT_DIRECTORY = 'IMPORT_DIRECTORY';

/**
 * A task force's directory exchanged in Open Referral HSDS 3.0 (docs/hsds.md): exported by its
 * coordinators and member agencies' admins, imported by its coordinators — previewed as a diff,
 * then applied whole in one transaction or not at all. Import changes only agencies' directory
 * fields (IMPORTABLE_FIELDS), each change audited like a profile update.
 */
@Injectable()
export class DirectoryExchangeService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly taskForces: TaskForceRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly refusals: Refusals,
  ) {}

  async export(
    scope: AccessScope,
    taskForceId: string,
    format: DirectoryExportFormat,
  ): Promise<DirectoryExport> {
    await this.mustBeAllowed(scope, 'export', EXPORT_DIRECTORY, taskForceId);
    const members = [...(await this.membersOf(taskForceId)).values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
    const directory = toHsdsDirectory(taskForceId, members);
    const files =
      format === DirectoryExportFormat.CSV
        ? toTabularPackage(directory)
        : [
            {
              path: 'directory.json',
              mediaType: 'application/json',
              content: JSON.stringify(directory, null, 2),
            },
          ];
    return { taskForceId, format, hsdsVersion: HSDS_VERSION, files };
  }

  async preview(scope: AccessScope, input: DirectoryImportInput): Promise<DirectoryImportPreview> {
    const plan = await this.plan(scope, input);
    return { valid: plan.problems.length === 0, entries: entriesOf(plan), problems: plan.problems };
  }

  async apply(scope: AccessScope, input: DirectoryImportInput): Promise<DirectoryImportEntry[]> {
    const plan = await this.plan(scope, input);
    if (plan.problems.length) {
      throw new BadUserInputError(
        'The HSDS document has invalid rows; nothing was applied',
        plan.problems.map((problem) => ({ field: problem.path, message: problem.reason })),
      );
    }
    await this.transactions.run(async (tx) => {
      for (const { agency, changes, changedFields } of plan.entries) {
        if (!changedFields.length) continue;
        // From the version the plan read: a profile edited meanwhile is a CONFLICT, the whole import undone.
        const row = await this.agencies.update(tx, agency.id, agency.version, changes);
        if (!row)
          throw new ConflictError(`Agency ${agency.id} was changed meanwhile; preview the import again`);
        await this.audit.record(tx, {
          actor: scope.actor,
          action: IMPORT_DIRECTORY,
          subjectType: 'Agency',
          subjectId: agency.id,
          fields: changedFields,
          decision: 'ALLOWED',
          subjectAgencyIds: [agency.id],
          reason: `HSDS import into task force ${input.taskForceId}`,
        });
      }
    });
    return entriesOf(plan);
  }

  private async plan(scope: AccessScope, input: DirectoryImportInput): Promise<ImportPlan> {
    await this.mustBeAllowed(scope, 'import', IMPORT_DIRECTORY, input.taskForceId);
    return planImport(input.document, await this.membersOf(input.taskForceId));
  }

  /** The task force's agencies on the hub (a deactivated agency's entry is neither exported nor imported). */
  private async membersOf(taskForceId: string): Promise<Map<string, AgencyEntity>> {
    const memberships = await this.taskForces.membersOf([taskForceId]);
    const agencies = await this.agencies.findByIds(memberships.map((m) => m.agencyId));
    return new Map(agencies.filter((a) => a.deactivatedAt === null).map((a) => [a.id, a]));
  }

  private async mustBeAllowed(
    scope: AccessScope,
    action: 'export' | 'import',
    auditAction: string,
    taskForceId: string,
  ): Promise<void> {
    if (scope.actor.userId && scope.ability.can(action, subject('Directory', { taskForceId }))) return;
    await this.refusals.refuse(
      scope,
      auditAction,
      'TaskForce',
      UUID_PATTERN.test(taskForceId) ? taskForceId : null,
      [],
    );
    throw new ForbiddenError(
      action === 'export'
        ? "Only the task force's coordinators and its agencies' admins export its directory"
        : "Only the task force's coordinators import into its directory",
    );
  }
}

function entriesOf(plan: ImportPlan): DirectoryImportEntry[] {
  return plan.entries.map(({ agency, changes, changedFields }) => ({
    organizationId: agency.id,
    name: changes.name ?? agency.name,
    status: changedFields.length ? DirectoryImportStatus.UPDATED : DirectoryImportStatus.UNCHANGED,
    changedFields: [...changedFields],
  }));
}
