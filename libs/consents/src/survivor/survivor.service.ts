import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { AuditWriter } from '@hub/audit';
import { AccessScope, permittedFields, purposeOf, subject, SURVIVOR_PERSONAL_FIELDS } from '@hub/access';
import { Clock } from '@hub/config';
import { JoinedPart, Transactions } from '@hub/database';
import {
  BadUserInputError,
  Connection,
  ConflictError,
  ForbiddenError,
  markRedacted,
  NotFoundError,
  mapConnection,
  UUID_PATTERN,
} from '@hub/graphql';
import { ServiceNeed } from '@hub/agencies';
import { CreateOnce, Refusals } from '@hub/workflow';
import { NeedPriority } from '../shared/enums';
import { ageBandAt } from './age-band';
import { SurvivorEntity, SurvivorPersonalData } from './survivor.entity';
import { SurvivorDataInput } from './survivor-data.input';
import { CreateSurvivorInput, SurvivorsArgs, UpdateSurvivorInput } from './survivor.inputs';
import { Survivor } from './survivor.model';
import { LiveGrant, survivorRecord } from './survivor-access';
import { mayUpdateSurvivor } from './survivor-permissions';
import { SurvivorChanges, SurvivorRepository, VisibleSurvivor } from './survivor.repository';

const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Fields of the model that are personal and what the client asked for of them. */
export type Requested = ReadonlySet<string> | undefined;

/**
 * Survivor records: creating and updating one's own, reading under the policy (row filter in
 * SQL, field redaction in memory from the same rules), auditing every disclosure and change.
 */
@Injectable()
export class SurvivorService {
  constructor(
    private readonly survivors: SurvivorRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly createOnce: CreateOnce,
    private readonly refusals: Refusals,
    private readonly clock: Clock,
  ) {}

  async get(scope: AccessScope, id: string, requested?: Requested): Promise<Survivor> {
    const now = this.clock.now();
    const entity = UUID_PATTERN.test(id) ? await this.survivors.findVisible(scope, id, now) : null;
    if (!entity) throw await this.notFound(scope, 'READ_SURVIVOR', id);
    const grants = await this.survivors.liveGrants([entity.id], now);
    const [model] = await this.disclose(scope, [entity], grants, now, requested);
    return model;
  }

  /** Several records at once (for DataLoaders), in key order; a missing or invisible one is a NotFoundError. */
  async getMany(
    scope: AccessScope,
    ids: readonly string[],
    options: { requested?: Requested } = {},
  ): Promise<(Survivor | Error)[]> {
    const now = this.clock.now();
    const valid = [...new Set(ids.filter((id) => UUID_PATTERN.test(id)))];
    const entities = await this.survivors.findVisibleMany(scope, valid, now);
    const grants = await this.survivors.liveGrants(
      entities.map((e) => e.id),
      now,
    );
    const models = await this.disclose(scope, entities, grants, now, options.requested);
    const byId = new Map(models.map((model) => [model.id, model]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('Survivor', id));
  }

  /**
   * Survivors as several things share them (referrals: each with its own shared classes), from the
   * records `visibleWithGrants` or `joinVisible` read (null: none, or not visible to the caller):
   * models in item order, and one audit insert for the disclosures, whatever the mix of classes.
   */
  async getShared(
    scope: AccessScope,
    items: readonly { visible: VisibleSurvivor | null; sharedClasses: readonly string[] }[],
    requested?: Requested,
  ): Promise<(Survivor | null)[]> {
    const now = this.clock.now();
    const results = items.map(({ visible, sharedClasses }) =>
      visible ? this.toModel(scope, visible.entity, visible.grants, now, sharedClasses, requested) : null,
    );
    await this.recordDisclosures(scope, results, requested);
    return results.map((result) => result?.model ?? null);
  }

  /** Records by id with their live grants, each only if the caller may see it (null otherwise), in key order; one statement. */
  async visibleWithGrants(scope: AccessScope, ids: readonly string[]): Promise<(VisibleSurvivor | null)[]> {
    const valid = [...new Set(ids.filter((id) => UUID_PATTERN.test(id)))];
    const found = await this.survivors.findVisibleWithGrants(scope, valid, this.clock.now());
    const byId = new Map(found.map((visible) => [visible.entity.id, visible]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * The record `idSql` names with its live grants, in another domain's page query at `now`
   * (JoinedPart): null where there is none or the caller may not see it (the policy's WHERE).
   */
  joinVisible(
    scope: AccessScope,
    idSql: string,
    alias: string,
    now: Date,
  ): JoinedPart<VisibleSurvivor | null> {
    return this.survivors.joinVisible(scope, idSql, now, alias);
  }

  async list(scope: AccessScope, args: SurvivorsArgs, requested?: Requested): Promise<Connection<Survivor>> {
    const now = this.clock.now();
    const page = await this.survivors.listVisible(
      scope,
      {
        ownedBy: args.ownedOnly ? (scope.actor.agencyId ?? undefined) : undefined,
        minor: args.minor,
        reference: args.reference,
      },
      args,
      now,
    );
    const entities = page.edges.map((edge) => edge.node);
    const grants = await this.survivors.liveGrants(
      entities.map((entity) => entity.id),
      now,
    );
    const models = await this.disclose(scope, entities, grants, now, requested);
    const byId = new Map(models.map((model) => [model.id, model]));
    return mapConnection(page, (entity) => byId.get(entity.id) as Survivor);
  }

  async create(scope: AccessScope, input: CreateSurvivorInput): Promise<Survivor> {
    const { actor, ability } = scope;
    if (
      !actor.agencyId ||
      !ability.can(
        'create',
        subject('Survivor', { id: '', ownerAgencyId: actor.agencyId, minor: false, liveGrants: [] }),
      )
    ) {
      throw await this.forbidden(
        scope,
        'CREATE_SURVIVOR',
        { id: null, ownerAgencyId: actor.agencyId },
        'Only case staff and investigators may create survivor records',
      );
    }
    const now = this.clock.now();
    const data = personalData(input, now);
    const owner = actor.agencyId as string;
    const entity = await this.createOnce.run({
      subjectType: 'Survivor',
      scope: owner,
      key: input.idempotencyKey,
      request: input,
      load: (id) => this.survivors.findOwned(owner, id),
      create: async (tx, id) => {
        const created = await this.survivors.insert(
          tx,
          {
            id,
            reference: newReference(),
            ownerAgencyId: owner,
            minor: input.minor ?? false,
            createdBy: actor.userId as string,
          },
          data,
        );
        await this.audit.record(tx, {
          actor,
          action: 'CREATE_SURVIVOR',
          subjectType: 'Survivor',
          subjectId: created.id,
          subjectAgencyIds: [created.ownerAgencyId],
          fields: Object.keys(data).filter(
            (field) => data[field as keyof SurvivorPersonalData] !== undefined,
          ),
          purpose: purposeOf(actor.agencyType),
          decision: 'ALLOWED',
        });
        return created;
      },
    });
    return this.toModel(scope, entity, [], now).model;
  }

  async update(scope: AccessScope, input: UpdateSurvivorInput): Promise<Survivor> {
    const { actor, ability } = scope;
    const now = this.clock.now();
    const current = UUID_PATTERN.test(input.id)
      ? await this.survivors.findVisible(scope, input.id, now)
      : null;
    if (!current) throw await this.notFound(scope, 'UPDATE_SURVIVOR', input.id);
    const grants = await this.survivors.liveGrants([current.id], now);
    if (!mayUpdateSurvivor(ability, survivorRecord(current, grants.get(current.id) ?? [], now))) {
      throw await this.forbidden(
        scope,
        'UPDATE_SURVIVOR',
        current,
        "Only the owning agency's case staff may change a survivor record",
      );
    }
    const changes: SurvivorChanges = personalData(input, now);
    if (input.minor !== undefined) changes.minor = input.minor;
    const changed = Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined);
    if (changed.length === 0)
      throw new BadUserInputError('Nothing to update', [
        { field: 'input', message: 'names no field to change' },
      ]);
    const updated = await this.transactions.run(async (tx) => {
      const row = await this.survivors.update(tx, current.id, input.expectedVersion, changes);
      if (!row)
        throw new ConflictError(
          `Survivor ${current.id} was changed by someone else; reload it and try again`,
        );
      await this.audit.record(tx, {
        actor,
        action: 'UPDATE_SURVIVOR',
        subjectType: 'Survivor',
        subjectId: row.id,
        subjectAgencyIds: [row.ownerAgencyId],
        fields: changed,
        purpose: purposeOf(actor.agencyType),
        decision: 'ALLOWED',
      });
      return row;
    });
    return this.toModel(scope, updated, grants.get(updated.id) ?? [], now).model;
  }

  /**
   * A survivor record the caller may not see does not exist for them: the refusal is audited as
   * DENIED (reason NOT_FOUND, auditors only) naming the id asked for and, if it exists, its owner.
   */
  async notFound(scope: AccessScope, action: string, survivorId: string): Promise<never> {
    const owner = await this.survivors.ownerOf(survivorId);
    return this.refusals.notFound(scope, action, 'Survivor', survivorId, [owner]);
  }

  /**
   * A change of a survivor record (or of a consent on it) the caller may not make: audited as
   * DENIED in its own transaction, naming the record (null before it exists) and its owner.
   */
  async forbidden(
    scope: AccessScope,
    action: string,
    survivor: { id: string | null; ownerAgencyId: string | null },
    message: string,
  ): Promise<ForbiddenError> {
    await this.refusals.refuse(scope, action, 'Survivor', survivor.id, [survivor.ownerAgencyId]);
    return new ForbiddenError(message);
  }

  /** Models for the caller, with the disclosure audited (one event per record that showed personal fields). */
  private async disclose(
    scope: AccessScope,
    entities: SurvivorEntity[],
    grants: Map<string, LiveGrant[]>,
    now: Date,
    requested: Requested,
  ): Promise<Survivor[]> {
    const results = entities.map((entity) =>
      this.toModel(scope, entity, grants.get(entity.id) ?? [], now, undefined, requested),
    );
    await this.recordDisclosures(scope, results, requested);
    return results.map((result) => result.model);
  }

  /** One READ_SURVIVOR event per record that disclosed personal fields the client selected. */
  private recordDisclosures(
    scope: AccessScope,
    results: readonly ({ model: Survivor; permitted: string[] } | null)[],
    requested: Requested,
  ): Promise<void> {
    const events = results.flatMap((result) => {
      const disclosed = result ? result.permitted.filter((field) => !requested || requested.has(field)) : [];
      return result && disclosed.length
        ? [
            {
              actor: scope.actor,
              action: 'READ_SURVIVOR',
              subjectType: 'Survivor',
              subjectId: result.model.id,
              subjectAgencyIds: [result.model.ownerAgencyId],
              fields: disclosed,
              purpose: purposeOf(scope.actor.agencyType),
              decision: 'ALLOWED' as const,
            },
          ]
        : [];
    });
    return this.audit.recordDisclosure(...events);
  }

  /**
   * The one place a survivor becomes what a client sees: the policy decides field by field. With
   * `requested` (the fields the request selects), only those personal fields are judged; the
   * others are null and marked withheld on a model that request alone sees, and never shown.
   */
  private toModel(
    scope: AccessScope,
    entity: SurvivorEntity,
    liveGrants: LiveGrant[],
    now: Date,
    sharedClasses?: readonly string[],
    requested?: Requested,
  ): { model: Survivor; permitted: string[] } {
    // Through a referral the policy narrows a non-owner to what the referral shares.
    const record = survivorRecord(entity, liveGrants, now, sharedClasses);
    const asked = requested
      ? SURVIVOR_PERSONAL_FIELDS.filter((field) => requested.has(field))
      : SURVIVOR_PERSONAL_FIELDS;
    // A page that shows no personal field (the inbox: the reference) judges none.
    const permitted = asked.length ? permittedFields(scope.ability, 'read', 'Survivor', record, asked) : [];
    const allowed = new Set(permitted);
    const show = <T>(field: string, value: T): T | null => (allowed.has(field) ? value : null);
    const model: Survivor = {
      id: entity.id,
      reference: entity.reference,
      ownerAgencyId: entity.ownerAgencyId,
      minor: record.minor,
      ageBand: ageBandAt(entity, now),
      givenName: show('givenName', entity.givenName),
      familyName: show('familyName', entity.familyName),
      aliases: show('aliases', entity.aliases),
      dateOfBirth: show('dateOfBirth', entity.dateOfBirth),
      gender: show('gender', entity.gender),
      phone: show('phone', entity.phone),
      email: show('email', entity.email),
      address: show('address', entity.address),
      safeContact: show('safeContact', entity.safeContact),
      needs: show(
        'needs',
        entity.needs.map((n) => ({ need: n.need as ServiceNeed, priority: n.priority as NeedPriority })),
      ),
      preferredLanguage: show('preferredLanguage', entity.preferredLanguage),
      interpreterNeeded: show('interpreterNeeded', entity.interpreterNeeded),
      situationSummary: show('situationSummary', entity.situationSummary),
      caseNotes: show('caseNotes', entity.caseNotes),
      immigrationStatus: show('immigrationStatus', entity.immigrationStatus),
      immigrationDocuments: show('immigrationDocuments', entity.immigrationDocuments),
      medicalNotes: show('medicalNotes', entity.medicalNotes),
      mentalHealthNotes: show('mentalHealthNotes', entity.mentalHealthNotes),
      substanceUseNotes: show('substanceUseNotes', entity.substanceUseNotes),
      version: entity.version,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    };
    return {
      model: markRedacted(
        model,
        SURVIVOR_PERSONAL_FIELDS.filter((field) => !allowed.has(field)),
      ),
      permitted,
    };
  }
}

/** The personal data of an input, normalised; undefined = not given, null = clear. */
function personalData(input: SurvivorDataInput, now: Date): Partial<SurvivorPersonalData> {
  if (input.dateOfBirth) {
    const born = Date.parse(`${input.dateOfBirth}T00:00:00Z`);
    if (born > now.getTime() || born < Date.UTC(1900, 0, 1)) {
      throw new BadUserInputError('Invalid input', [
        { field: 'dateOfBirth', message: 'must be a past date after 1900' },
      ]);
    }
  }
  if (input.needs) {
    const needs = input.needs.map((n) => n.need);
    if (new Set(needs).size !== needs.length) {
      throw new BadUserInputError('Invalid input', [
        { field: 'needs', message: 'lists a need more than once' },
      ]);
    }
  }
  const text = (value: string | null | undefined) =>
    value === undefined || value === null ? value : value.trim();
  return {
    givenName: text(input.givenName),
    familyName: text(input.familyName),
    aliases: input.aliases === null ? [] : input.aliases?.map((alias) => alias.trim()),
    dateOfBirth: input.dateOfBirth,
    gender: text(input.gender),
    phone: text(input.phone),
    email: text(input.email),
    address: text(input.address),
    safeContact:
      input.safeContact === undefined || input.safeContact === null
        ? input.safeContact
        : {
            safeTimes: text(input.safeContact.safeTimes) ?? null,
            safeMethod: text(input.safeContact.safeMethod) ?? null,
            doNotContact: input.safeContact.doNotContact,
          },
    needs: input.needs === null ? [] : input.needs?.map((n) => ({ need: n.need, priority: n.priority })),
    preferredLanguage: input.preferredLanguage,
    interpreterNeeded: input.interpreterNeeded,
    situationSummary: text(input.situationSummary),
    caseNotes: text(input.caseNotes),
    immigrationStatus: text(input.immigrationStatus),
    immigrationDocuments: text(input.immigrationDocuments),
    medicalNotes: text(input.medicalNotes),
    mentalHealthNotes: text(input.mentalHealthNotes),
    substanceUseNotes: text(input.substanceUseNotes),
  };
}

/** A pseudonymous reference: S- and 10 Crockford base-32 characters (50 bits of randomness). */
function newReference(): string {
  let reference = 'S-';
  for (let i = 0; i < 10; i += 1) reference += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return reference;
}
