import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { agenciesEntities } from '@hub/agencies';
import { AuditWriter, auditEntities } from '@hub/audit';
import { Actor } from '@hub/authz';
import {
  AccessScope,
  DATA_CLASSES,
  DataClassName,
  defineAbilityFor,
  subject,
  SURVIVOR_FIELDS_BY_CLASS,
  SURVIVOR_PERSONAL_FIELDS,
} from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions } from '@hub/database';
import { NotFoundError } from '@hub/graphql';
import { propertyRuns, TestDatabase } from '@hub/testing';
import { CreateOnce, Refusals } from '@hub/workflow';
import { consentsDatabase } from '../testing/spec-support';
import { SurvivorRepository } from './survivor.repository';
import { SurvivorService } from './survivor.service';
import { survivorRecord } from './survivor-access';

/**
 * Random worlds against the real database: for every caller × survivor, visible by id ⇔ visible
 * in the list ⇔ the in-memory ability ⇔ a plain oracle written from DESIGN.md §4, and the
 * personal fields shown are exactly those covered by ownership or a live grant for the
 * caller's purpose of use.
 */

const AGENCY_TYPES = [
  'NGO',
  'LAW_ENFORCEMENT',
  'FEDERAL_PARTNER',
  'PROSECUTOR',
  'HEALTH',
  'CHILD_WELFARE',
  'TA_PROVIDER',
  'COORDINATOR',
];
const AGENCIES = [...AGENCY_TYPES, 'NGO'].map((type, i) => ({
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  type,
}));
const ROLES = [
  'caseworker',
  'supervisor',
  'agency_admin',
  'investigator',
  'coordinator',
  'ta_provider',
  'federal_partner',
  'auditor',
];
const PURPOSES = ['SERVICE', 'INVESTIGATION'] as const;
const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365.25 * DAY;
/**
 * Random worlds per run (@hub/testing's propertyRuns: HUB_PROPERTY_RUNS_SCALE searches deeper). Each
 * checks 12 callers × at least 9 records, by id, in the list, by the ability and field by field; each
 * invisible by-id probe is audited (a DENIED row in its own transaction), the bulk of a world's cost.
 */
const WORLDS = propertyRuns(40);

class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }
  override now(): Date {
    return this.at;
  }
}

interface WorldConsent {
  recipients: number[];
  purposes: string[];
  classes: DataClassName[];
  fromOffsetMs: number;
  durationMs: number;
  revoked: boolean;
}
/**
 * A break-glass grant to the user of caller `caller` (`user-<caller>`), in that caller's agency
 * or, when `otherAgency` is set, in another one (then it serves no one).
 */
interface WorldBreakGlass {
  caller: number;
  otherAgency: number | null;
  fromOffsetMs: number;
  durationMs: number;
  revoked: boolean;
}
interface WorldSurvivor {
  owner: number;
  minorFlag: boolean;
  ageYears: number | null;
  consents: WorldConsent[];
  breakGlass: WorldBreakGlass[];
}
interface WorldCaller {
  agency: number;
  roles: string[];
}

const subsetOf = <T>(values: readonly T[], min = 1) => fc.subarray([...values], { minLength: min });

const worldArb = fc.record({
  now: fc.date({
    min: new Date('2026-01-01T00:00:00Z'),
    max: new Date('2030-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  callers: fc.array(fc.record({ agency: fc.nat({ max: AGENCIES.length - 1 }), roles: subsetOf(ROLES) }), {
    minLength: 12,
    maxLength: 12,
  }),
  survivors: fc.array(
    fc.record({
      owner: fc.nat({ max: AGENCIES.length - 1 }),
      minorFlag: fc.boolean(),
      ageYears: fc.option(fc.double({ min: 5, max: 80, noNaN: true }), { nil: null }),
      consents: fc.array(
        fc.record({
          recipients: fc.uniqueArray(fc.nat({ max: AGENCIES.length - 1 }), { minLength: 1, maxLength: 3 }),
          purposes: subsetOf(PURPOSES),
          classes: subsetOf(DATA_CLASSES),
          fromOffsetMs: fc.integer({ min: -100 * DAY, max: 10 * DAY }),
          durationMs: fc.integer({ min: 60 * 60 * 1000, max: 120 * DAY }),
          revoked: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
      breakGlass: fc.array(
        fc.record({
          caller: fc.nat({ max: 11 }),
          otherAgency: fc.option(fc.nat({ max: AGENCIES.length - 1 }), { nil: null, freq: 4 }),
          fromOffsetMs: fc.integer({ min: -2 * 60 * 60 * 1000, max: 30 * 60 * 1000 }),
          durationMs: fc.integer({ min: 5 * 60 * 1000, max: 4 * 60 * 60 * 1000 }),
          revoked: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
    }),
    { minLength: 9, maxLength: 14 },
  ),
});

/** DESIGN.md §4, written plainly and independently of the CASL policy. */
function oracle(
  callerIndex: number,
  callers: WorldCaller[],
  survivor: WorldSurvivor,
  dob: string | null,
  now: Date,
): Set<string> | null {
  const caller = callers[callerIndex];
  const staff = caller.roles.some((r) => ['caseworker', 'supervisor', 'investigator'].includes(r));
  if (!staff) return null;
  const type = AGENCIES[caller.agency].type;
  if (caller.agency === survivor.owner || AGENCIES[caller.agency].id === AGENCIES[survivor.owner].id) {
    return new Set(SURVIVOR_PERSONAL_FIELDS);
  }
  const purpose = type === 'LAW_ENFORCEMENT' || type === 'PROSECUTOR' ? 'INVESTIGATION' : 'SERVICE';
  const lawEnforcement =
    type === 'LAW_ENFORCEMENT' || type === 'PROSECUTOR' || caller.roles.includes('investigator');
  let minor = survivor.minorFlag;
  if (dob) {
    const [y, m, d] = dob.split('-').map(Number);
    if (now.getTime() < Date.UTC(y + 18, m - 1, d)) minor = true;
  }
  if (lawEnforcement && minor) return null;
  const live = survivor.consents.filter((c) => {
    const from = now.getTime() + c.fromOffsetMs;
    return (
      !c.revoked &&
      c.recipients.some((r) => AGENCIES[r].id === AGENCIES[caller.agency].id) &&
      c.purposes.includes(purpose) &&
      from <= now.getTime() &&
      now.getTime() < from + c.durationMs
    );
  });
  // Break-glass opens identity and contact to the one user who opened it, never to law enforcement.
  const glass = survivor.breakGlass.filter((g) => {
    const from = now.getTime() + g.fromOffsetMs;
    const agency = g.otherAgency ?? callers[g.caller].agency;
    return (
      !lawEnforcement &&
      !g.revoked &&
      g.caller === callerIndex &&
      AGENCIES[agency].id === AGENCIES[caller.agency].id &&
      from <= now.getTime() &&
      now.getTime() < from + g.durationMs
    );
  });
  const classes = [
    ...live.flatMap((c) => c.classes),
    ...(glass.length ? (['IDENTITY', 'CONTACT'] as DataClassName[]) : []),
  ];
  if (live.length === 0 && glass.length === 0) return null;
  return new Set(classes.flatMap((cls) => SURVIVOR_FIELDS_BY_CLASS[cls]));
}

describe('survivor visibility under consent (property-based, real PostgreSQL)', () => {
  jest.setTimeout(300_000);
  let db: TestDatabase;
  let setup: DataSource;
  let api: DataSource;
  let cases = 0;

  beforeAll(async () => {
    ({ db, setup, api } = await consentsDatabase([...agenciesEntities, ...auditEntities]));
    for (const [i, agency] of AGENCIES.entries()) {
      await setup.query(`INSERT INTO agency (id, name, type, jurisdiction) VALUES ($1, $2, $3, 'Test')`, [
        agency.id,
        `Agency ${i}`,
        agency.type,
      ]);
    }
  });

  afterAll(async () => {
    await setup?.destroy();
    await api?.destroy();
    await db?.drop();
    // The issue asks for the number of generated cases; it is printed for the closing note.
    process.stdout.write(`survivor visibility: ${cases} caller × survivor cases checked\n`);
  });

  async function writeWorld(world: {
    now: Date;
    callers: WorldCaller[];
    survivors: WorldSurvivor[];
  }): Promise<{ id: string; dob: string | null }[]> {
    // A handful of rows: deleting them is ~10× quicker than TRUNCATE, which replaces the tables' files.
    await setup.query(
      'DELETE FROM consent_grant; DELETE FROM consent_revocation; DELETE FROM consent; DELETE FROM survivor;',
    );
    const created: { id: string; dob: string | null }[] = [];
    for (const [i, s] of world.survivors.entries()) {
      const dob =
        s.ageYears === null
          ? null
          : new Date(world.now.getTime() - s.ageYears * YEAR).toISOString().slice(0, 10);
      const [{ id }] = (await setup.query(
        `INSERT INTO survivor (reference, owner_agency_id, minor, given_name, family_name, aliases, date_of_birth, gender,
           phone, email, address, safe_contact, needs, preferred_language, interpreter_needed, situation_summary,
           case_notes, immigration_status, immigration_documents, medical_notes, mental_health_notes,
           substance_use_notes, created_by)
         VALUES ($1, $2, $3, 'G', 'F', ARRAY['A'], $4, 'X', '+1 555', 'e@x.org', 'Addr',
           '{"safeTimes":"am","safeMethod":"sms","doNotContact":false}', '[{"need":"LEGAL","priority":"HIGH"}]', 'en',
           true, 'Sum', 'Notes', 'Status', 'Docs', 'Med', 'MH', 'SU', 'tester')
         RETURNING id`,
        [`S-${String(i).padStart(10, '0')}`, AGENCIES[s.owner].id, s.minorFlag, dob],
      )) as { id: string }[];
      created.push({ id, dob });
      for (const c of s.consents) {
        const from = new Date(world.now.getTime() + c.fromOffsetMs);
        const until = new Date(from.getTime() + c.durationMs);
        const recipients = [...new Set(c.recipients.map((r) => AGENCIES[r].id))];
        const [{ id: consentId }] = (await setup.query(
          `INSERT INTO consent (survivor_id, owner_agency_id, grantor_type, recipient_agency_ids, purposes, data_classes,
             valid_from, valid_until, obtained_how, language, interpreter_used, acknowledged_right_to_revoke,
             acknowledged_not_condition_of_service, acknowledged_redisclosure_risk, document_reference, recorded_by)
           VALUES ($1, $2, 'SELF', $3, $4, $5, $6, $7, 'WRITTEN', 'en', false, true, true, true, 'doc', 'tester')
           RETURNING id`,
          [id, AGENCIES[s.owner].id, recipients, c.purposes, c.classes, from, until],
        )) as { id: string }[];
        for (const agencyId of recipients) {
          await setup.query(
            `INSERT INTO consent_grant (consent_id, survivor_id, agency_id, data_classes, purposes, valid_from, valid_until, revoked_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              consentId,
              id,
              agencyId,
              c.classes,
              c.purposes,
              from,
              until,
              c.revoked ? new Date(world.now.getTime() - 1000) : null,
            ],
          );
        }
      }
      for (const g of s.breakGlass) {
        const from = new Date(world.now.getTime() + g.fromOffsetMs);
        const agency = AGENCIES[g.otherAgency ?? world.callers[g.caller].agency];
        const purpose = ['LAW_ENFORCEMENT', 'PROSECUTOR'].includes(agency.type) ? 'INVESTIGATION' : 'SERVICE';
        await setup.query(
          `INSERT INTO consent_grant (basis, source_id, survivor_id, agency_id, user_id, data_classes, purposes,
             valid_from, valid_until, revoked_at)
           VALUES ('BREAK_GLASS', gen_random_uuid(), $1, $2, $3, '{IDENTITY,CONTACT}', $4, $5, $6, $7)`,
          [
            id,
            agency.id,
            `user-${g.caller}`,
            [purpose],
            from,
            new Date(from.getTime() + g.durationMs),
            g.revoked ? new Date(world.now.getTime() - 1000) : null,
          ],
        );
      }
    }
    return created;
  }

  it('by id ⇔ in the list ⇔ the ability ⇔ the oracle, and exactly the oracle’s fields', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const survivors = await writeWorld(world);
        const audit = new AuditWriter(new Transactions(api));
        const service = new SurvivorService(
          new SurvivorRepository(api),
          new Transactions(api),
          audit,
          new CreateOnce(new Transactions(api)),
          new Refusals(audit),
          new FixedClock(world.now),
        );
        const repository = new SurvivorRepository(api);
        const grants = await repository.liveGrants(
          survivors.map((s) => s.id),
          world.now,
        );
        for (const [callerIndex, caller] of world.callers.entries()) {
          const actor: Actor = {
            userId: `user-${callerIndex}`,
            agencyId: AGENCIES[caller.agency].id,
            agencyType: AGENCIES[caller.agency].type,
            roles: caller.roles,
            taskForceIds: [],
          };
          const scope: AccessScope = { actor, ability: defineAbilityFor(actor) };
          const listed = new Set(
            (await service.list(scope, { first: 100 })).edges.map((edge) => edge.node.id),
          );
          for (const [i, s] of world.survivors.entries()) {
            cases += 1;
            const { id, dob } = survivors[i];
            const expected = oracle(callerIndex, world.callers, s, dob, world.now);
            const record = survivorRecord(
              { id, ownerAgencyId: AGENCIES[s.owner].id, minor: s.minorFlag, dateOfBirth: dob },
              grants.get(id) ?? [],
              world.now,
            );
            const byAbility = scope.ability.can('read', subject('Survivor', record));
            let shown: Set<string> | null = null;
            try {
              const model = (await service.get(scope, id)) as unknown as Record<string, unknown>;
              shown = new Set(SURVIVOR_PERSONAL_FIELDS.filter((field) => model[field] !== null));
            } catch (error) {
              if (!(error instanceof NotFoundError)) throw error;
            }
            const context = { world: world.now.toISOString(), caller, survivor: s, dob };
            expect({ byId: shown !== null, context }).toEqual({ byId: expected !== null, context });
            expect({ listed: listed.has(id), context }).toEqual({ listed: expected !== null, context });
            expect({ byAbility, context }).toEqual({ byAbility: expected !== null, context });
            if (expected && shown) {
              // Every stored personal value is set in these worlds except a missing date of birth.
              const stored = [...expected].filter((field) => field !== 'dateOfBirth' || dob !== null);
              expect({ shown: [...shown].sort(), context }).toEqual({ shown: stored.sort(), context });
            }
          }
        }
      }),
      { numRuns: WORLDS },
    );
    expect(cases).toBeGreaterThanOrEqual(100 * WORLDS);
  });
});
