import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import fc from 'fast-check';
import { FieldNode, GraphQLError, GraphQLResolveInfo, OperationDefinitionNode, parse } from 'graphql';
import { DataSource } from 'typeorm';
import { agenciesEntities, agenciesMigrations } from '@hub/agencies';
import { AuditModule, auditEntities, auditMigrations } from '@hub/audit';
import { ACCESS_KEY, Actor } from '@hub/authz';
import {
  AccessScope,
  DATA_CLASSES,
  DataClassName,
  defineAbilityFor,
  SURVIVOR_FIELDS_BY_CLASS,
  SURVIVOR_PERSONAL_FIELDS,
} from '@hub/access';
import { Clock, ClockModule } from '@hub/config';
import {
  ConsentRevocationService,
  consentsConfig,
  consentsEntities,
  consentsMigrations,
  RevocationChannel,
} from '@hub/consents';
import { DatabaseModule, databaseMigrations, dataSourceOptions } from '@hub/database';
import { notificationsEntities, notificationsMigrations } from '@hub/notifications';
import { createTestDatabase, propertyRuns, TestDatabase } from '@hub/testing';
import { workflowMigrations } from '@hub/workflow';
import { referralsEntities } from '../index';
import { referralsMigrations } from '../migrations';
import { ReferralsModule } from '../referrals.module';
import { availableActions } from './referral-actions';
import { nextStatus, ReferralTransition, TRANSITIONS } from './referral-lifecycle';
import { DeclinedBy, DeclineReason, ReferralBox, ReferralStatus as S, Urgency } from './referral.enums';
import { CreateReferralInput } from './referral.inputs';
import { Referral } from './referral.model';
import { ReferralIntakeService } from './referral-intake.service';
import { ReferralResolver } from './referral.resolver';
import { ReferralService } from './referral.service';

/**
 * Random worlds against the real services and PostgreSQL: agencies of several types in one task
 * force and one outside it, survivors with consents, random callers (agency × roles), referrals
 * created by random senders, then random sequences of transitions by random callers at the
 * current or a stale version, with the clock moving and consents being revoked. A plain model
 * written from DESIGN.md §3–4 predicts every outcome; after every step:
 *  - the stored status and version are the model's (so a state only ever follows `nextStatus`
 *    from the one before, and a refused step changed nothing, on any referral);
 *  - a change added exactly one record_event (from → to, the actor), one ALLOWED audit row of
 *    the actor and one notification to the other agency; a refusal none, but one DENIED audit row
 *    when the caller may not act on it (FORBIDDEN) or may not see it (NOT_FOUND, with that reason);
 *  - every caller gets the referral by id exactly when the model says (status as of now), so
 *    nobody outside the two agencies ever sees it, with `availableActions` exactly the moves the
 *    model lets that caller make (so a listed action is one the mutation accepts); and whoever sees it sees its survivor's
 *    personal fields exactly as live grant ∩ shared classes (everything for the owner).
 * At the end of each run: every caller's boxes and counts are the model's, and every referral's
 * event chain follows the lifecycle.
 */

const TASK_FORCE = '7f3c2a10-0000-4000-8000-00000000beef';
interface WorldAgency {
  id: string;
  type: string;
  accepting: boolean;
  inTaskForce: boolean;
}
const agency = (n: number, type: string, accepting: boolean, inTaskForce = true): WorldAgency => ({
  id: `0a6e1d3c-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  type,
  accepting,
  inTaskForce,
});
const AGENCIES: WorldAgency[] = [
  agency(1, 'NGO', true),
  agency(2, 'NGO', true),
  agency(3, 'LAW_ENFORCEMENT', true),
  agency(4, 'HEALTH', false),
  agency(5, 'CHILD_WELFARE', true),
  agency(6, 'COORDINATOR', false),
  agency(7, 'NGO', true, false), // outside the task force
];
/** DESIGN.md §4 "Who can receive": the agency types whose staff act on referrals. */
const RECEIVING_TYPES = ['NGO', 'LAW_ENFORCEMENT', 'PROSECUTOR', 'HEALTH', 'CHILD_WELFARE'];
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
interface Caller {
  agency: number;
  roles: string[];
}
/** A caseworker in every agency (the first seven), and a few people every world has. */
const FIXED_CALLERS: Caller[] = [
  ...AGENCIES.map((_, agencyIndex) => ({ agency: agencyIndex, roles: ['caseworker'] })),
  { agency: 0, roles: ['supervisor'] },
  { agency: 1, roles: ['supervisor', 'agency_admin'] },
  { agency: 2, roles: ['investigator'] },
  { agency: 0, roles: ['agency_admin'] },
  { agency: 5, roles: ['coordinator'] },
];
/** The closed loop's way forward, first match wins (IN_PROGRESS ⇄ ON_HOLD until another step ends it). */
const FORWARD: ReferralTransition[] = ['send', 'acknowledge', 'accept', 'start', 'hold'];
/** Random worlds per run (@hub/testing's propertyRuns: HUB_PROPERTY_RUNS_SCALE searches deeper). */
const RUNS = propertyRuns(40);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WINDOW_HOURS: Record<Urgency, number> = { EMERGENCY: 4, URGENT: 24, ROUTINE: 7 * 24 };

class TestClock extends Clock {
  at = new Date();
  override now(): Date {
    return new Date(this.at.getTime());
  }
}

// ── the plain model ──────────────────────────────────────────────────────────────────────────

const has = (caller: Caller, roles: string[]) => caller.roles.some((role) => roles.includes(role));
const staff = (caller: Caller) => has(caller, ['caseworker', 'supervisor', 'investigator']);
const receivingStaff = (caller: Caller) => has(caller, ['caseworker', 'supervisor']);
const typeOf = (caller: Caller) => AGENCIES[caller.agency].type;
const purposeOfCaller = (caller: Caller) =>
  ['LAW_ENFORCEMENT', 'PROSECUTOR'].includes(typeOf(caller)) ? 'INVESTIGATION' : 'SERVICE';
const lawEnforcement = (caller: Caller) =>
  ['LAW_ENFORCEMENT', 'PROSECUTOR'].includes(typeOf(caller)) || caller.roles.includes('investigator');

interface ModelConsent {
  id: string;
  recipients: number[];
  purposes: string[];
  classes: DataClassName[];
  until: number;
  revoked: boolean;
}
interface ModelSurvivor {
  id: string;
  owner: number;
  minor: boolean;
  consents: ModelConsent[];
}
interface ModelReferral {
  id: string;
  order: number;
  from: number;
  to: number;
  status: S;
  version: number;
  events: number;
  urgency: Urgency;
  hours: number | null;
  dueAt: number | null;
  survivor: ModelSurvivor | null;
  consent: ModelConsent | null;
  shared: DataClassName[];
}

const grantLive = (consent: ModelConsent, agencyIndex: number, now: number) =>
  !consent.revoked && consent.recipients.includes(agencyIndex) && now < consent.until;

/** DESIGN.md §3: SENT or ACKNOWLEDGED past the deadline, or whose consent ended, is EXPIRED. */
function effective(referral: ModelReferral, now: number): S {
  if (referral.status !== S.SENT && referral.status !== S.ACKNOWLEDGED) return referral.status;
  const late = referral.dueAt !== null && referral.dueAt <= now;
  const consentEnded = referral.consent !== null && !grantLive(referral.consent, referral.to, now);
  return late || consentEnded ? S.EXPIRED : referral.status;
}

/** It was ever sent (a referral never sent, even withdrawn, is the sender's own business). */
const wasSent = (r: ModelReferral) => r.dueAt !== null;

/** Staff of either agency; the recipient only once it was sent. */
const seesReferral = (caller: Caller, r: ModelReferral) =>
  staff(caller) && (caller.agency === r.from || (caller.agency === r.to && wasSent(r)));

/** DESIGN.md §4: who may do which transition. */
function mayDo(caller: Caller, transition: ReferralTransition, r: ModelReferral): boolean {
  if (transition === 'send' || transition === 'withdraw') return staff(caller) && caller.agency === r.from;
  return receivingStaff(caller) && caller.agency === r.to && wasSent(r);
}

/** The classes of a survivor a caller sees through consent now; null when the record is hidden. */
function grantedClasses(caller: Caller, survivor: ModelSurvivor, now: number): Set<string> | null {
  if (!staff(caller)) return null;
  if (caller.agency === survivor.owner) return new Set(DATA_CLASSES);
  if (lawEnforcement(caller) && survivor.minor) return null;
  const live = survivor.consents.filter(
    (c) => grantLive(c, caller.agency, now) && c.purposes.includes(purposeOfCaller(caller)),
  );
  return live.length ? new Set(live.flatMap((c) => c.classes)) : null;
}

/** What referralCoverage should find wrong, in the model: empty when the consent covers. */
function coverageProblems(
  caller: Caller,
  survivor: ModelSurvivor,
  consent: ModelConsent,
  recipient: number,
  shared: readonly string[],
  now: number,
): string[] {
  if (!grantedClasses(caller, survivor, now)) return ['survivor'];
  // A minor reaches law enforcement only through a child-safety referral.
  if (survivor.minor && ['LAW_ENFORCEMENT', 'PROSECUTOR'].includes(AGENCIES[recipient].type))
    return ['minor'];
  const problems: string[] = [];
  if (!grantLive(consent, recipient, now)) problems.push('consent');
  else if (!consent.purposes.includes('SERVICE')) problems.push('purpose');
  if (shared.some((c) => !consent.classes.includes(c as DataClassName))) problems.push('classes');
  return problems;
}

// ── random worlds ────────────────────────────────────────────────────────────────────────────

const consentArb = fc.record({
  recipients: fc.uniqueArray(fc.nat({ max: AGENCIES.length - 1 }), { minLength: 1, maxLength: 4 }),
  purposes: fc.subarray(['SERVICE', 'SERVICE', 'INVESTIGATION'], { minLength: 1 }),
  classes: fc.subarray([...DATA_CLASSES], { minLength: 1 }),
  days: fc.integer({ min: 1, max: 20 }),
});
const survivorArb = fc.record({
  owner: fc.constantFrom(0, 1, 2),
  minor: fc.boolean(),
  consents: fc.array(consentArb, { minLength: 1, maxLength: 2 }),
});
const createArb = fc.record({
  biased: fc.nat({ max: 3 }),
  sender: fc.nat({ max: 60 }),
  recipient: fc.nat({ max: 60 }),
  survivor: fc.option(fc.nat({ max: 10 }), { nil: null, freq: 3 }),
  consent: fc.nat({ max: 3 }),
  classes: fc.subarray([...DATA_CLASSES], { minLength: 1 }),
  urgency: fc.constantFrom(Urgency.EMERGENCY, Urgency.URGENT, Urgency.ROUTINE),
  hours: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
});
const transitionStepArb = fc.record({
  kind: fc.constant('transition' as const),
  referral: fc.nat({ max: 60 }),
  caller: fc.nat({ max: 60 }),
  party: fc.nat({ max: 3 }),
  transition: fc.nat({ max: 60 }),
  legal: fc.nat({ max: 5 }),
  stale: fc.nat({ max: 4 }),
  up: fc.boolean(),
  reasonCode: fc.constantFrom(...Object.values(DeclineReason)),
});
const stepArb = fc.oneof(
  { weight: 14, arbitrary: transitionStepArb },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      minutes: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 180 }) },
        { weight: 1, arbitrary: fc.integer({ min: 181, max: 9 * 24 * 60 }) },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('revoke' as const),
      survivor: fc.nat({ max: 10 }),
      consent: fc.nat({ max: 3 }),
    }),
  },
);
const worldArb = fc.record({
  extraCallers: fc.array(
    fc.record({
      agency: fc.nat({ max: AGENCIES.length - 1 }),
      roles: fc.subarray(ROLES, { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  survivors: fc.array(survivorArb, { minLength: 1, maxLength: 3 }),
  creates: fc.array(createArb, { minLength: 2, maxLength: 6 }),
  steps: fc.array(stepArb, { minLength: 15, maxLength: 32 }),
});
type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;
type TransitionStep = typeof transitionStepArb extends fc.Arbitrary<infer T> ? T : never;

/** `{ survivor { <every personal field> } }` as the field resolver's info. */
const SURVIVOR_INFO = (() => {
  const selection = SURVIVOR_PERSONAL_FIELDS.map((field) =>
    field === 'safeContact' ? 'safeContact { safeTimes }' : field === 'needs' ? 'needs { need }' : field,
  ).join(' ');
  const operation = parse(`{ survivor { reference ${selection} } }`)
    .definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [field], fragments: {} } as unknown as GraphQLResolveInfo;
})();

const codeOf = (error: unknown): string => {
  if (error instanceof GraphQLError) return String(error.extensions.code);
  throw error;
};

describe('referral transitions by random callers (property-based, real PostgreSQL)', () => {
  jest.setTimeout(600_000);
  let db: TestDatabase;
  let owner: DataSource;
  let app: INestApplicationContext;
  let service: ReferralService;
  let intake: ReferralIntakeService;
  let resolver: ReferralResolver;
  let revocations: ConsentRevocationService;
  const clock = new TestClock();
  const stats = {
    runs: 0,
    steps: 0,
    creates: 0,
    outcomes: {} as Record<string, number>,
    moves: {} as Record<string, number>,
    visibilityChecks: 0,
    survivorChecks: 0,
  };

  beforeAll(async () => {
    db = await createTestDatabase([
      ...databaseMigrations,
      ...agenciesMigrations,
      ...auditMigrations,
      ...notificationsMigrations,
      ...workflowMigrations,
      ...consentsMigrations,
      ...referralsMigrations,
    ]);
    owner = new DataSource(dataSourceOptions({ url: db.ownerUrl }));
    await owner.initialize();
    // A throw-away database: commits need not wait for the disk (visibility and atomicity are
    // unchanged), which keeps thousands of audited reads within the time budget.
    await owner.query(`ALTER DATABASE ${db.name} SET synchronous_commit = off`);
    await owner.query(`INSERT INTO task_force (id, name, jurisdiction) VALUES ($1, 'Task force', 'Test')`, [
      TASK_FORCE,
    ]);
    for (const [i, a] of AGENCIES.entries()) {
      await owner.query(
        `INSERT INTO agency (id, name, type, jurisdiction, accepting_referrals) VALUES ($1, $2, $3, 'Test', $4)`,
        [a.id, `Agency ${i}`, a.type, a.accepting],
      );
      if (a.inTaskForce) {
        await owner.query(
          `INSERT INTO task_force_membership (task_force_id, agency_id, role) VALUES ($1, $2, 'MEMBER')`,
          [TASK_FORCE, a.id],
        );
      }
    }
    // The services as the API builds them, on the API's role, with a clock the test moves.
    Object.assign(process.env, {
      DATABASE_URL: db.apiUrl,
      DATABASE_POOL_SIZE: '4',
      AUDIT_SEAL_INTERVAL_SECONDS: '0',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ClockModule,
        DatabaseModule.forRoot({
          entities: [
            ...agenciesEntities,
            ...auditEntities,
            ...notificationsEntities,
            ...consentsEntities,
            ...referralsEntities,
          ],
        }),
        AuditModule,
        ReferralsModule,
      ],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .overrideProvider(consentsConfig.token)
      .useValue({ CONSENT_MAX_DAYS: 90 })
      .compile();
    app = await moduleRef.init();
    service = app.get(ReferralService);
    intake = app.get(ReferralIntakeService);
    resolver = app.get(ReferralResolver);
    revocations = app.get(ConsentRevocationService, { strict: false });
  });

  afterAll(async () => {
    await app?.close();
    await owner?.destroy();
    await db?.drop();
    process.stdout.write(
      `referral transitions: ${stats.steps} random steps checked in ${stats.runs} runs (+${stats.creates} creates); ` +
        `outcomes ${JSON.stringify(stats.outcomes)}; changes ${JSON.stringify(stats.moves)}; ${stats.visibilityChecks} by-id visibility checks, ` +
        `${stats.survivorChecks} survivor-field checks\n`,
    );
  });

  const scopeOf = (caller: Caller, index: number): AccessScope => {
    const actor: Actor = {
      userId: `user-${index}`,
      agencyId: AGENCIES[caller.agency].id,
      agencyType: AGENCIES[caller.agency].type,
      roles: caller.roles,
      taskForceIds: AGENCIES[caller.agency].inTaskForce ? [TASK_FORCE] : [],
    };
    return { actor, ability: defineAbilityFor(actor) };
  };

  async function resetWorld(world: World): Promise<ModelSurvivor[]> {
    // The rows of the last world (a handful: deleting them is quicker than TRUNCATE).
    await owner.query(
      `DELETE FROM record_message; DELETE FROM record_event; DELETE FROM referral;
       DELETE FROM consent_revocation; DELETE FROM consent_grant; DELETE FROM consent; DELETE FROM survivor;
       DELETE FROM notification_read; DELETE FROM notification; DELETE FROM outbox;`,
    );
    const now = clock.now().getTime();
    const survivors: ModelSurvivor[] = [];
    for (const [i, s] of world.survivors.entries()) {
      const dob = new Date(now - (s.minor ? 10 : 30) * 365.25 * DAY).toISOString().slice(0, 10);
      const [{ id }] = (await owner.query(
        `INSERT INTO survivor (reference, owner_agency_id, minor, given_name, family_name, aliases, date_of_birth, gender,
           phone, email, address, safe_contact, needs, preferred_language, interpreter_needed, situation_summary,
           case_notes, immigration_status, immigration_documents, medical_notes, mental_health_notes,
           substance_use_notes, created_by)
         VALUES ($1, $2, $3, 'G', 'F', ARRAY['A'], $4, 'X', '+1 555', 'e@x.org', 'Addr',
           '{"safeTimes":"am","safeMethod":"sms","doNotContact":false}', '[{"need":"LEGAL","priority":"HIGH"}]', 'en',
           true, 'Sum', 'Notes', 'Status', 'Docs', 'Med', 'MH', 'SU', 'tester')
         RETURNING id`,
        [`S-${String(i).padStart(10, '0')}`, AGENCIES[s.owner].id, s.minor, dob],
      )) as { id: string }[];
      const consents: ModelConsent[] = [];
      for (const c of s.consents) {
        const recipients = c.recipients.filter((r) => r !== s.owner);
        if (recipients.length === 0) recipients.push((s.owner + 1) % AGENCIES.length);
        const purposes = [...new Set(c.purposes)];
        const from = new Date(now - MINUTE);
        const until = new Date(now + c.days * DAY);
        const [{ id: consentId }] = (await owner.query(
          `INSERT INTO consent (survivor_id, owner_agency_id, grantor_type, recipient_agency_ids, purposes, data_classes,
             valid_from, valid_until, obtained_how, language, interpreter_used, acknowledged_right_to_revoke,
             acknowledged_not_condition_of_service, acknowledged_redisclosure_risk, document_reference, recorded_by)
           VALUES ($1, $2, 'SELF', $3, $4, $5, $6, $7, 'WRITTEN', 'en', false, true, true, true, 'doc', 'tester')
           RETURNING id`,
          [id, AGENCIES[s.owner].id, recipients.map((r) => AGENCIES[r].id), purposes, c.classes, from, until],
        )) as { id: string }[];
        for (const r of recipients) {
          await owner.query(
            `INSERT INTO consent_grant (consent_id, survivor_id, agency_id, data_classes, purposes, valid_from, valid_until)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [consentId, id, AGENCIES[r].id, c.classes, purposes, from, until],
          );
        }
        consents.push({
          id: consentId,
          recipients,
          purposes,
          classes: c.classes,
          until: until.getTime(),
          revoked: false,
        });
      }
      survivors.push({ id, owner: s.owner, minor: s.minor, consents });
    }
    return survivors;
  }

  /** When each referral's visibility was last checked (version | clock | revocations so far). */
  interface Seen {
    revocations: number;
    checked: Map<string, string>;
  }

  interface Baseline {
    audit: number;
    notifications: number;
  }
  async function baseline(): Promise<Baseline> {
    const [row] = (await owner.query(
      `SELECT (SELECT coalesce(max(id), 0) FROM audit_event)::text AS audit,
              (SELECT count(*) FROM notification)::int AS notifications`,
    )) as { audit: string; notifications: number }[];
    return { audit: Number(row.audit), notifications: row.notifications };
  }

  async function writtenSince(base: Baseline) {
    // A refusal's reason is shown only when it has one (NOT_FOUND: the caller was told it does not exist).
    const audit = (
      (await owner.query(
        `SELECT action, decision, actor_user_id, actor_agency_id::text, subject_type, subject_id,
                CASE WHEN decision = 'DENIED' THEN reason END AS refusal
           FROM audit_event WHERE id > $1 ORDER BY id`,
        [base.audit],
      )) as Record<string, unknown>[]
    ).map(({ refusal, ...row }) => (refusal === null ? row : { ...row, refusal }));
    const notifications = (await owner.query(
      `SELECT agency_id::text, event_type, subject_id FROM notification ORDER BY created_at, id OFFSET $1`,
      [base.notifications],
    )) as Record<string, unknown>[];
    return { audit, notifications };
  }

  /** Every referral's stored status, version and number of events are the model's, and no other exists. */
  async function expectStoredAsModel(referrals: ModelReferral[], context: unknown): Promise<void> {
    const stored = (await owner.query(
      `SELECT r.id, r.status, r.version,
              (SELECT count(*) FROM record_event e WHERE e.subject_type = 'Referral' AND e.subject_id = r.id)::int AS events
         FROM referral r ORDER BY r.id`,
    )) as { id: string; status: string; version: number; events: number }[];
    const expected = referrals
      .map((r) => ({ id: r.id, status: r.status as string, version: r.version, events: r.events }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect({ stored, context }).toEqual({ stored: expected, context });
  }

  /** By id, for every caller: visible exactly when the model says, with the status as of now. */
  async function expectVisibility(r: ModelReferral, callers: Caller[], context: unknown): Promise<void> {
    const now = clock.now().getTime();
    const answers = await Promise.all(
      callers.map(async (caller, i) => {
        try {
          const scope = scopeOf(caller, i);
          const model = await service.get(scope, r.id);
          return {
            status: model.status as string,
            version: model.version,
            actions: availableActions(scope.ability, model),
          };
        } catch (error) {
          return codeOf(error);
        }
      }),
    );
    for (const [i, caller] of callers.entries()) {
      stats.visibilityChecks += 1;
      // What the referral offers is exactly what checkTransition expects the mutation to accept.
      const expected = seesReferral(caller, r)
        ? {
            status: effective(r, now),
            version: r.version,
            actions: [
              ...TRANSITIONS.filter((t) => mayDo(caller, t, r) && nextStatus(effective(r, now), t)).map((t) =>
                t.toUpperCase(),
              ),
              'MESSAGE',
            ],
          }
        : 'NOT_FOUND';
      expect({ caller, seen: answers[i], context }).toEqual({ caller, seen: expected, context });
    }
  }

  /** The survivor of a referral, through the field resolver, as every caller who sees the referral. */
  async function expectSurvivorFields(r: ModelReferral, callers: Caller[], context: unknown): Promise<void> {
    if (!r.survivor) return;
    const survivor = r.survivor;
    const now = clock.now().getTime();
    for (const [i, caller] of callers.entries()) {
      if (!seesReferral(caller, r)) continue;
      stats.survivorChecks += 1;
      const scope = scopeOf(caller, i);
      const referral: Referral = await service.get(scope, r.id);
      const shown = await resolver.survivor(referral, { [ACCESS_KEY]: scope }, SURVIVOR_INFO);
      const granted = grantedClasses(caller, survivor, now);
      let expected: string[] | null = null;
      if (granted) {
        const classes =
          caller.agency === survivor.owner ? [...DATA_CLASSES] : r.shared.filter((c) => granted.has(c));
        expected = classes.flatMap((c) => SURVIVOR_FIELDS_BY_CLASS[c]).sort();
      }
      const fields = shown
        ? SURVIVOR_PERSONAL_FIELDS.filter(
            (f) => (shown as unknown as Record<string, unknown>)[f] !== null,
          ).sort()
        : null;
      expect({ caller, survivor, shared: r.shared, fields, context }).toEqual({
        caller,
        survivor,
        shared: r.shared,
        fields: expected,
        context,
      });
    }
  }

  /** Boxes and counts of every caller, as the model says, newest first. */
  async function expectBoxes(referrals: ModelReferral[], callers: Caller[], context: unknown): Promise<void> {
    const now = clock.now().getTime();
    const checkCaller = async (caller: Caller, i: number) => {
      const scope = scopeOf(caller, i);
      const mine = (box: ReferralBox) =>
        referrals
          .filter((r) => {
            if (!seesReferral(caller, r)) return false;
            if (box === ReferralBox.SENT) return r.from === caller.agency && wasSent(r);
            if (box === ReferralBox.DRAFTS) return r.from === caller.agency && !wasSent(r);
            if (r.to !== caller.agency || !wasSent(r)) return false;
            if (box === ReferralBox.RECEIVED) return true;
            const status = effective(r, now);
            return (
              status === S.SENT ||
              status === S.ACKNOWLEDGED ||
              ((r.status === S.ACCEPTED || r.status === S.IN_PROGRESS) && r.dueAt !== null && r.dueAt < now)
            );
          })
          .sort((a, b) => b.order - a.order)
          .map((r) => r.id);
      const expectedCounts = {
        received: mine(ReferralBox.RECEIVED).length,
        sent: mine(ReferralBox.SENT).length,
        needsAction: mine(ReferralBox.NEEDS_ACTION).length,
        drafts: mine(ReferralBox.DRAFTS).length,
      };
      for (const box of [
        ReferralBox.RECEIVED,
        ReferralBox.SENT,
        ReferralBox.NEEDS_ACTION,
        ReferralBox.DRAFTS,
      ]) {
        const page = await service.list(scope, { box, first: 100 }, { counts: true });
        const listed = page.edges.map((e) => e.node.id);
        expect({ caller, box, listed, context }).toEqual({ caller, box, listed: mine(box), context });
        expect({ caller, counts: page.counts, context }).toEqual({ caller, counts: expectedCounts, context });
        const expired = await service.list(scope, { box, status: S.EXPIRED, first: 100 });
        const expectedExpired = mine(box).filter((id) => {
          const r = referrals.find((x) => x.id === id);
          return r !== undefined && effective(r, now) === S.EXPIRED;
        });
        expect({ caller, box, expired: expired.edges.map((e) => e.node.id), context }).toEqual({
          caller,
          box,
          expired: expectedExpired,
          context,
        });
      }
    };
    await Promise.all(callers.map((caller, i) => checkCaller(caller, i)));
  }

  /** Every referral's events form one chain the lifecycle allows, from DRAFT to its status. */
  async function expectLegalChains(referrals: ModelReferral[]): Promise<void> {
    const events = (await owner.query(
      `SELECT subject_id AS referral_id, from_status, to_status FROM record_event
        WHERE subject_type = 'Referral' ORDER BY subject_id, occurred_at, id`,
    )) as { referral_id: string; from_status: S | null; to_status: S }[];
    for (const r of referrals) {
      const chain = events.filter((e) => e.referral_id === r.id);
      expect(chain[0]).toMatchObject({ from_status: null, to_status: S.DRAFT });
      for (let k = 1; k < chain.length; k += 1) {
        const { from_status: from, to_status: to } = chain[k];
        // The status it left is the one the previous event reached (EXPIRED is never left).
        expect({ r: r.id, k, from }).toEqual({ r: r.id, k, from: chain[k - 1].to_status });
        const legal = TRANSITIONS.some((t) => from !== null && nextStatus(from, t) === to);
        expect({ r: r.id, from, to, legal }).toEqual({ r: r.id, from, to, legal: true });
      }
      expect(chain[chain.length - 1].to_status).toBe(r.status);
    }
  }

  async function perform(
    scope: AccessScope,
    transition: ReferralTransition,
    input: { referralId: string; expectedVersion: number },
    reasonCode: DeclineReason,
  ): Promise<Referral> {
    const reason = `step ${stats.steps}`;
    switch (transition) {
      case 'decline':
        return service.decline(scope, { ...input, reason, reasonCode, declinedBy: DeclinedBy.PROVIDER });
      case 'complete':
        return service.complete(scope, {
          ...input,
          reason,
          outcome: { servicesDelivered: ['LEGAL'] },
        } as never);
      case 'fail':
        return service.fail(scope, { ...input, failureReason: 'Could not reach the survivor' });
      default:
        return service[transition](scope, { ...input, reason });
    }
  }

  it('the state is always legal, every change has its event and audit row, nobody else sees or changes, consent holds', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        stats.runs += 1;
        clock.at = new Date(Date.now() + stats.runs * MINUTE);
        const survivors = await resetWorld(world);
        const callers = [...FIXED_CALLERS, ...world.extraCallers];
        const referrals: ModelReferral[] = [];
        const log: string[] = [];
        const seen: Seen = { revocations: 0, checked: new Map() };

        // Referrals created by random senders (mostly ones who can).
        for (const c of world.creates) {
          const now = clock.now().getTime();
          const survivor = c.survivor === null ? null : survivors[c.survivor % survivors.length];
          const consent = survivor ? survivor.consents[c.consent % survivor.consents.length] : null;
          let senderIndex = c.sender % callers.length;
          let recipient = c.recipient % AGENCIES.length;
          let shared: DataClassName[] = survivor ? c.classes : [];
          if (c.biased > 0) {
            // Mostly a referral that should go through: the owner's caseworker, to an agency of the
            // task force that accepts referrals (and that the consent names), sharing what it covers.
            senderIndex = survivor ? survivor.owner : c.sender % 2;
            const open = (a: number) => a !== senderIndex && AGENCIES[a].inTaskForce && AGENCIES[a].accepting;
            const candidates = consent ? consent.recipients : AGENCIES.map((_, a) => a);
            const good = candidates.filter(open);
            const choice = good.length && c.biased > 1 ? good : candidates;
            recipient = choice[c.recipient % choice.length];
            if (consent) {
              shared = c.classes.filter((cls) => consent.classes.includes(cls));
              if (shared.length === 0) shared = [consent.classes[0]];
            }
          }
          const sender = callers[senderIndex];
          const input = {
            toAgencyId: AGENCIES[recipient].id,
            needs: ['LEGAL'],
            urgency: c.urgency,
            ...(c.hours === null ? {} : { responseHours: c.hours }),
            notes: 'For the recipient',
            ...(survivor && consent
              ? { survivorId: survivor.id, consentId: consent.id, sharedClasses: shared }
              : { callback: 'Call the sender', language: 'es' }),
          } as unknown as CreateReferralInput;
          let expected = 'OK';
          if (!staff(sender)) expected = 'FORBIDDEN';
          else {
            const problems: string[] = [];
            if (recipient === sender.agency) problems.push('self');
            else if (!(AGENCIES[recipient].inTaskForce && AGENCIES[sender.agency].inTaskForce))
              problems.push('task force');
            if (!RECEIVING_TYPES.includes(AGENCIES[recipient].type)) problems.push('recipient type');
            if (!AGENCIES[recipient].accepting && c.urgency !== Urgency.EMERGENCY) problems.push('accepting');
            if (survivor && consent)
              problems.push(...coverageProblems(sender, survivor, consent, recipient, shared, now));
            if (problems.length) expected = 'BAD_USER_INPUT';
          }
          const base = await baseline();
          let outcome = 'OK';
          let created: Referral | null = null;
          try {
            created = await intake.create(scopeOf(sender, senderIndex), input);
          } catch (error) {
            outcome = codeOf(error);
          }
          const context = { create: c, sender, recipient, shared, log };
          expect({ outcome, context }).toEqual({ outcome: expected, context });
          const written = await writtenSince(base);
          if (created) {
            stats.creates += 1;
            expect(created).toMatchObject({ status: S.DRAFT, version: 1 });
            referrals.push({
              id: created.id,
              order: referrals.length,
              from: sender.agency,
              to: recipient,
              status: S.DRAFT,
              version: 1,
              events: 1,
              urgency: c.urgency,
              hours: c.hours,
              dueAt: null,
              survivor: survivor && consent ? survivor : null,
              consent: survivor && consent ? consent : null,
              shared: survivor && consent ? shared : [],
            });
            expect(written).toEqual({
              audit: [
                {
                  action: 'CREATE_REFERRAL',
                  decision: 'ALLOWED',
                  actor_user_id: `user-${senderIndex}`,
                  actor_agency_id: AGENCIES[sender.agency].id,
                  subject_type: 'Referral',
                  subject_id: created.id,
                },
              ],
              notifications: [],
            });
          } else {
            expect({ written, context }).toEqual({
              written: {
                audit:
                  outcome === 'FORBIDDEN'
                    ? [
                        {
                          action: 'CREATE_REFERRAL',
                          decision: 'DENIED',
                          actor_user_id: `user-${senderIndex}`,
                          actor_agency_id: AGENCIES[sender.agency].id,
                          subject_type: 'Referral',
                          subject_id: null,
                        },
                      ]
                    : [],
                notifications: [],
              },
              context,
            });
          }
          await expectStoredAsModel(referrals, context);
        }

        for (const step of world.steps) {
          if (step.kind === 'advance') {
            clock.at = new Date(clock.at.getTime() + step.minutes * MINUTE);
            log.push(`advance ${step.minutes} min`);
            continue;
          }
          if (step.kind === 'revoke') {
            const survivor = survivors[step.survivor % survivors.length];
            const consent = survivor.consents[step.consent % survivor.consents.length];
            if (consent.revoked) continue;
            const ownerIndex = survivor.owner; // the owning agency's caseworker
            await revocations.revoke(scopeOf(callers[ownerIndex], ownerIndex), {
              consentId: consent.id,
              channel: RevocationChannel.IN_PERSON,
            });
            consent.revoked = true;
            seen.revocations += 1;
            log.push(`revoke consent of survivor ${survivors.indexOf(survivor)}`);
            continue;
          }
          if (referrals.length === 0) continue;
          await checkTransition(step, referrals, callers, log, seen);
        }

        const context = { log };
        await expectStoredAsModel(referrals, context);
        await expectBoxes(referrals, callers, context);
        for (const r of referrals) await expectSurvivorFields(r, callers, context);
        await expectLegalChains(referrals);
      }),
      // Shrinking a failure replays whole worlds; it stops after a while with the smallest found (a
      // failure found is reported either way). On a slow, shared machine the same limit ends the
      // search with fewer worlds instead of failing for want of time: the checks below still
      // demand many steps and changes, so a run that reached too little fails.
      {
        numRuns: RUNS,
        interruptAfterTimeLimit: 240_000,
        markInterruptAsFailure: false,
      },
    );
    // The worlds did reach the service: many steps, and many of them changes.
    expect(stats.steps).toBeGreaterThanOrEqual(8 * RUNS);
    expect(stats.outcomes.OK ?? 0).toBeGreaterThanOrEqual(RUNS);
  });

  async function checkTransition(
    step: TransitionStep,
    referrals: ModelReferral[],
    callers: Caller[],
    log: string[],
    seen: Seen,
  ): Promise<void> {
    stats.steps += 1;
    const r = referrals[step.referral % referrals.length];
    const now = clock.now().getTime();
    const current = effective(r, now);
    const legalHere = TRANSITIONS.filter((t) => nextStatus(current, t) !== undefined);
    // Anything at all; or a legal one; or the one furthest along the closed loop (deep states).
    const forward = FORWARD.find((t) => legalHere.includes(t));
    const transition =
      step.legal >= 3 && forward
        ? forward
        : step.legal > 0 && legalHere.length
          ? legalHere[step.transition % legalHere.length]
          : TRANSITIONS[step.transition % TRANSITIONS.length];
    // Mostly someone of the two agencies, often someone who may do it; sometimes anyone at all.
    const everyone = callers.map((caller, index) => ({ caller, index }));
    const parties = everyone.filter(({ caller }) => caller.agency === r.from || caller.agency === r.to);
    const able = parties.filter(({ caller }) => seesReferral(caller, r) && mayDo(caller, transition, r));
    const pool =
      step.party >= 2 && able.length ? able : step.party >= 1 && parties.length ? parties : everyone;
    const { caller, index } = pool[step.caller % pool.length];
    const stale = step.stale === 0;
    const expectedVersion = stale ? (step.up || r.version === 1 ? r.version + 1 : r.version - 1) : r.version;

    // The model's answer, in the workflow kernel's order of refusals (docs/workflow.md).
    const next = nextStatus(current, transition);
    let expected: string;
    if (!seesReferral(caller, r)) expected = 'NOT_FOUND';
    else if (!mayDo(caller, transition, r)) expected = 'FORBIDDEN';
    else if (stale) expected = 'CONFLICT';
    else if (!next) expected = 'ILLEGAL_TRANSITION';
    else if (
      transition === 'send' &&
      r.survivor &&
      r.consent &&
      coverageProblems(caller, r.survivor, r.consent, r.to, r.shared, now).length
    )
      expected = 'BAD_USER_INPUT';
    else expected = 'OK';

    const base = await baseline();
    let outcome = 'OK';
    let result: Referral | null = null;
    try {
      result = await perform(
        scopeOf(caller, index),
        transition,
        { referralId: r.id, expectedVersion },
        step.reasonCode,
      );
    } catch (error) {
      outcome = codeOf(error);
    }
    log.push(
      `#${referrals.indexOf(r)} ${current} ${transition} by ${JSON.stringify(caller)} v${expectedVersion}/${r.version} → ${outcome}`,
    );
    const context = { step: log[log.length - 1], log };
    expect({ outcome, context }).toEqual({ outcome: expected, context });
    stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;

    const written = await writtenSince(base);
    const actor = { actor_user_id: `user-${index}`, actor_agency_id: AGENCIES[caller.agency].id };
    if (outcome === 'OK' && next) {
      expect(result).toMatchObject({ id: r.id, status: next, version: r.version + 1 });
      stats.moves[`${current}→${next}`] = (stats.moves[`${current}→${next}`] ?? 0) + 1;
      r.status = next;
      r.version += 1;
      r.events += 1;
      if (transition === 'send') r.dueAt = now + (r.hours ?? WINDOW_HOURS[r.urgency]) * HOUR;
      const other = caller.agency === r.from ? r.to : r.from;
      // The other agency hears of every change, once the referral was sent.
      const notified = wasSent(r)
        ? [{ agency_id: AGENCIES[other].id, event_type: `REFERRAL_${next}`, subject_id: r.id }]
        : [];
      expect({ written, context }).toEqual({
        written: {
          audit: [
            {
              action: `${transition.toUpperCase()}_REFERRAL`,
              decision: 'ALLOWED',
              ...actor,
              subject_type: 'Referral',
              subject_id: r.id,
            },
          ],
          notifications: notified,
        },
        context,
      });
      const [event] = (await owner.query(
        `SELECT from_status, to_status, actor_user_id, actor_agency_id::text FROM record_event
          WHERE subject_type = 'Referral' AND subject_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 1`,
        [r.id],
      )) as Record<string, unknown>[];
      expect({ event, context }).toEqual({
        event: { from_status: current, to_status: next, ...actor },
        context,
      });
    } else {
      expect({ written, context }).toEqual({
        written: {
          // FORBIDDEN and NOT_FOUND are audited as DENIED (NOT_FOUND with that reason, for auditors).
          audit:
            outcome === 'FORBIDDEN' || outcome === 'NOT_FOUND'
              ? [
                  {
                    action: `${transition.toUpperCase()}_REFERRAL`,
                    decision: 'DENIED',
                    ...actor,
                    subject_type: 'Referral',
                    subject_id: r.id,
                    ...(outcome === 'NOT_FOUND' ? { refusal: 'NOT_FOUND' } : {}),
                  },
                ]
              : [],
          notifications: [],
        },
        context,
      });
    }
    await expectStoredAsModel(referrals, context);
    // Who sees it, and which survivor fields, can only differ from the last look after a change,
    // a move of the clock or a revocation (the stored rows were just compared: nothing else moved).
    const moment = `${r.version}|${clock.at.getTime()}|${seen.revocations}`;
    if (seen.checked.get(r.id) !== moment) {
      await expectVisibility(r, callers, context);
      await expectSurvivorFields(r, callers, context);
      seen.checked.set(r.id, moment);
    }
  }

  it('a draft withdrawn before it was sent never reaches the recipient (not by id, not in a box, no notification)', async () => {
    clock.at = new Date(Date.now());
    const survivors = await resetWorld({
      extraCallers: [],
      survivors: [
        {
          owner: 0,
          minor: false,
          consents: [{ recipients: [1], purposes: ['SERVICE'], classes: ['IDENTITY', 'NEEDS'], days: 10 }],
        },
      ],
      creates: [],
      steps: [],
    });
    const [survivor] = survivors;
    const sender = scopeOf(FIXED_CALLERS[0], 0);
    const recipient = scopeOf(FIXED_CALLERS[1], 1);
    const draft = await intake.create(sender, {
      toAgencyId: AGENCIES[1].id,
      needs: ['LEGAL'],
      urgency: Urgency.ROUTINE,
      notes: 'Never sent',
      survivorId: survivor.id,
      consentId: survivor.consents[0].id,
      sharedClasses: ['IDENTITY'],
    } as unknown as CreateReferralInput);
    const base = await baseline();
    const withdrawn = await service.withdraw(sender, {
      referralId: draft.id,
      expectedVersion: draft.version,
    });
    expect(withdrawn.status).toBe(S.WITHDRAWN);

    const written = await writtenSince(base);
    let byId = 'visible';
    try {
      await service.get(recipient, draft.id);
    } catch (error) {
      byId = codeOf(error);
    }
    const received = await service.list(
      recipient,
      { box: ReferralBox.RECEIVED, first: 100 },
      { counts: true },
    );
    expect({
      notifications: written.notifications,
      byId,
      received: received.edges.map((e) => e.node.id),
      counts: received.counts,
    }).toEqual({
      notifications: [],
      byId: 'NOT_FOUND',
      received: [],
      counts: { received: 0, sent: 0, needsAction: 0, drafts: 0 },
    });
  });
});
