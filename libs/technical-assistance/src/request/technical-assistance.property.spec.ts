import { ClockModule } from '@hub/config';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { agenciesEntities, agenciesMigrations } from '@hub/agencies';
import { AuditModule, auditEntities, auditMigrations } from '@hub/audit';
import { Actor } from '@hub/authz';
import { AccessScope, defineAbilityFor, subject } from '@hub/access';
import { DatabaseModule, databaseMigrations, dataSourceOptions } from '@hub/database';
import { HubError } from '@hub/graphql';
import { notificationsEntities, notificationsMigrations } from '@hub/notifications';
import { createTestDatabase, propertyRuns, TestDatabase } from '@hub/testing';
import { workflowEntities, workflowMigrations } from '@hub/workflow';
import { technicalAssistanceMigrations } from '../migrations';
import { TechnicalAssistanceScope } from '../shared/enums';
import { TechnicalAssistanceModule } from '../technical-assistance.module';
import { technicalAssistanceEntities } from '../index';
import { availableActions } from './technical-assistance-actions';
import { TechnicalAssistanceRequestService } from './technical-assistance-request.service';
import { TechnicalAssistanceSessionService } from './technical-assistance-session.service';
import { TechnicalAssistanceThreadService } from './technical-assistance-thread.service';
import { TechnicalAssistanceTransitionsService } from './technical-assistance-transitions.service';

/**
 * Random transition sequences by random callers against the real service and PostgreSQL. After
 * every step the outcome (done, or which refusal) is what a plain model written from DESIGN.md
 * §3–4 predicts; the stored status and version are the model's, the events form one unbroken
 * chain from SUBMITTED to the current status, the audit and notifications are exactly those of
 * the step; and at the end of each run, for every caller × request, visible by id ⇔ in the list
 * (per scope) ⇔ the in-memory ability ⇔ the model, and what the request offers the caller
 * (`availableActions`) is exactly what the model expects that caller's mutations to accept.
 */

const TF = ['7f3c2a10-0000-4000-8000-000000000001', '7f3c2a10-0000-4000-8000-000000000002'];
interface WorldAgency {
  id: string;
  type: string;
  taskForces: number[];
}
const agency = (n: number, type: string, taskForces: number[]): WorldAgency => ({
  id: `0a6e1d3c-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type,
  taskForces,
});
const AGENCIES: WorldAgency[] = [
  agency(1, 'NGO', [0]), // Harbor Light
  agency(2, 'NGO', [0, 1]), // Safe Passage, in both task forces
  agency(3, 'LAW_ENFORCEMENT', [0]),
  agency(4, 'FEDERAL_PARTNER', [0]),
  agency(5, 'TA_PROVIDER', [0]),
  agency(6, 'COORDINATOR', [0]), // the Bay County office
  agency(7, 'COORDINATOR', [1]), // another task force's office
  agency(8, 'TA_PROVIDER', []), // a national TA center, in no task force
  agency(9, 'HEALTH', []), // in no task force
];
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
/** The demo's people, plus whoever fast-check invents. */
const FIXED_CALLERS: { agency: number; roles: string[] }[] = [
  { agency: 0, roles: ['supervisor', 'agency_admin'] }, // ngo.lead
  { agency: 0, roles: ['caseworker'] }, // ngo.caseworker
  { agency: 1, roles: ['supervisor', 'agency_admin'] }, // legal.lead
  { agency: 1, roles: ['caseworker'] }, // legal.caseworker
  { agency: 2, roles: ['investigator'] }, // pd.investigator
  { agency: 3, roles: ['federal_partner'] }, // fed.liaison
  { agency: 4, roles: ['ta_provider'] }, // ta.provider
  { agency: 5, roles: ['coordinator', 'agency_admin'] }, // tf.coordinator
  { agency: 5, roles: ['auditor'] }, // tf.auditor
  { agency: 6, roles: ['coordinator'] },
  { agency: 7, roles: ['ta_provider'] },
];

type Action =
  | 'triage'
  | 'assign'
  | 'start'
  | 'recordSession'
  | 'deliver'
  | 'close'
  | 'decline'
  | 'withdraw'
  | 'message';
const ACTIONS: Action[] = [
  'triage',
  'assign',
  'start',
  'recordSession',
  'deliver',
  'close',
  'decline',
  'withdraw',
  'message',
];
type Command =
  | { kind: 'request'; caller: number; taskForce: number | null }
  | { kind: Action; caller: number; target: number; stale: boolean; assignee: number };
/** "Move the target one step on, as its natural actor would": resolved against the model when run. */
type Advance = {
  kind: 'advance';
  target: number;
  stale: boolean;
  assignee: number;
  record: boolean;
  /** Instead of the next move, try this one by whoever would do it (often illegal at the status). */
  probe: Action | null;
};

/** Who would naturally do each action (indexes into FIXED_CALLERS); runs pick them often, so they get deep. */
const NATURAL: Record<Action, number[]> = {
  triage: [7, 9],
  assign: [7, 9],
  decline: [7, 9],
  start: [6, 5, 10],
  recordSession: [6, 5, 10],
  deliver: [6, 5, 10],
  close: [0, 2],
  withdraw: [0, 2],
  message: [0, 1, 2, 6, 7],
};
const commandArb = (callers: number): fc.Arbitrary<Command | Advance> =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record({
        kind: fc.constant('advance' as const),
        target: fc.nat({ max: 7 }),
        stale: fc.nat({ max: 9 }).map((n) => n === 0),
        assignee: fc.constantFrom(3, 4, 7),
        record: fc.boolean(),
        probe: fc.option(fc.constantFrom(...ACTIONS), { freq: 3, nil: null }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('request' as const),
        caller: fc.nat({ max: callers - 1 }),
        taskForce: fc.option(fc.nat({ max: 1 }), { nil: null }),
      }),
    },
    {
      weight: 20,
      // Moves forward are likelier than the ones that end a request early, so runs reach CLOSED.
      arbitrary: fc
        .oneof(
          {
            weight: 5,
            arbitrary: fc.constantFrom<Action>(
              'triage',
              'assign',
              'start',
              'recordSession',
              'deliver',
              'close',
            ),
          },
          { weight: 1, arbitrary: fc.constantFrom<Action>('decline', 'withdraw', 'message') },
        )
        .chain((kind) =>
          fc.record({
            kind: fc.constant(kind),
            caller: fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom(...NATURAL[kind]) },
              { weight: 1, arbitrary: fc.nat({ max: callers - 1 }) },
            ),
            target: fc.nat({ max: 7 }),
            stale: fc.nat({ max: 5 }).map((n) => n === 0),
            assignee: fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom(3, 4, 7) },
              { weight: 1, arbitrary: fc.nat({ max: AGENCIES.length - 1 }) },
            ),
          }),
        ),
    },
  );

const worldArb = fc
  .array(
    fc.record({ agency: fc.nat({ max: AGENCIES.length - 1 }), roles: fc.subarray(ROLES, { minLength: 1 }) }),
    {
      minLength: 0,
      maxLength: 4,
    },
  )
  .chain((extra) => {
    const callers = [...FIXED_CALLERS, ...extra];
    // Requests first (mostly by people who may make them), then anything.
    const opening = fc.array(
      fc.record({
        kind: fc.constant('request' as const),
        caller: fc.constantFrom(0, 2, 7),
        taskForce: fc.option(fc.nat({ max: 1 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 3 },
    );
    return fc.record({
      callers: fc.constant(callers),
      commands: fc
        .tuple(opening, fc.array(commandArb(callers.length), { minLength: 20, maxLength: 60, size: 'max' }))
        .map(([a, b]) => [...a, ...b] as (Command | Advance)[]),
    });
  });

// --- The model: DESIGN.md §3 (lifecycle) and §4 (who may do what), written plainly -------------

interface ModelRequest {
  id: string;
  taskForce: number;
  requester: number;
  assigned: number | null;
  status: string;
  version: number;
  sessions: number;
  transitions: [string | null, string][];
}
const FROM: Record<Exclude<Action, 'message' | 'recordSession'>, [string[], string]> = {
  triage: [['SUBMITTED'], 'TRIAGED'],
  assign: [['TRIAGED'], 'ASSIGNED'],
  start: [['ASSIGNED'], 'IN_PROGRESS'],
  deliver: [['IN_PROGRESS'], 'DELIVERED'],
  close: [['DELIVERED'], 'CLOSED'],
  decline: [['SUBMITTED', 'TRIAGED'], 'DECLINED'],
  withdraw: [['SUBMITTED', 'TRIAGED', 'ASSIGNED', 'IN_PROGRESS'], 'WITHDRAWN'],
};

interface Caller {
  agency: number;
  roles: string[];
}
const has = (c: Caller, ...roles: string[]) => roles.some((r) => c.roles.includes(r));
const memberOf = (c: Caller, tf: number) => AGENCIES[c.agency].taskForces.includes(tf);
const sees = (c: Caller, r: ModelRequest) =>
  c.agency === r.requester || c.agency === r.assigned || (has(c, 'coordinator') && memberOf(c, r.taskForce));
function mayDo(c: Caller, action: Action, r: ModelRequest): boolean {
  switch (action) {
    case 'triage':
    case 'assign':
    case 'decline':
      return has(c, 'coordinator') && memberOf(c, r.taskForce);
    case 'start':
    case 'recordSession':
    case 'deliver':
      return has(c, 'ta_provider', 'federal_partner') && c.agency === r.assigned;
    case 'close':
    case 'withdraw':
      return has(c, 'supervisor', 'agency_admin') && c.agency === r.requester;
    case 'message':
      return sees(c, r);
  }
}
/** What a caller who sees the request should be offered: every action its mutation would accept now. */
function offered(c: Caller, r: ModelRequest): string[] {
  const legal = (action: Action) => {
    if (action === 'message') return true;
    if (action === 'recordSession') return r.status === 'IN_PROGRESS';
    if (action === 'deliver' && r.sessions === 0) return false;
    return FROM[action][0].includes(r.status);
  };
  const name = (action: Action) => action.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
  return ACTIONS.filter((action) => legal(action) && mayDo(c, action, r))
    .map(name)
    .sort();
}

/** The parties told of a change: requester, the task force's coordinating offices, the provider. */
function parties(r: ModelRequest): Set<string> {
  const ids = [
    AGENCIES[r.requester].id,
    ...AGENCIES.filter((a) => a.type === 'COORDINATOR' && a.taskForces.includes(r.taskForce)).map(
      (a) => a.id,
    ),
  ];
  if (r.assigned !== null) ids.push(AGENCIES[r.assigned].id);
  return new Set(ids);
}

type Outcome = 'OK' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'ILLEGAL_TRANSITION' | 'BAD_USER_INPUT';

function expectedOutcome(
  c: Caller,
  command: Command,
  requests: ModelRequest[],
): { outcome: Outcome; taskForce?: number } {
  if (command.kind === 'request') {
    const tfs = AGENCIES[c.agency].taskForces;
    if (!has(c, 'supervisor', 'agency_admin') || tfs.length === 0) return { outcome: 'FORBIDDEN' };
    const tf = command.taskForce ?? (tfs.length === 1 ? tfs[0] : null);
    if (tf === null) return { outcome: 'BAD_USER_INPUT' };
    return tfs.includes(tf) ? { outcome: 'OK', taskForce: tf } : { outcome: 'FORBIDDEN' };
  }
  const r = requests[command.target % requests.length];
  if (!sees(c, r)) return { outcome: 'NOT_FOUND' };
  if (!mayDo(c, command.kind, r)) return { outcome: 'FORBIDDEN' };
  if (command.kind === 'message') return { outcome: 'OK' };
  if (command.stale) return { outcome: 'CONFLICT' };
  if (command.kind === 'recordSession')
    return { outcome: r.status === 'IN_PROGRESS' ? 'OK' : 'ILLEGAL_TRANSITION' };
  const [from] = FROM[command.kind];
  if (!from.includes(r.status)) return { outcome: 'ILLEGAL_TRANSITION' };
  if (command.kind === 'deliver' && r.sessions === 0) return { outcome: 'ILLEGAL_TRANSITION' };
  if (
    command.kind === 'assign' &&
    !['TA_PROVIDER', 'FEDERAL_PARTNER'].includes(AGENCIES[command.assignee].type)
  ) {
    return { outcome: 'BAD_USER_INPUT' };
  }
  return { outcome: 'OK' };
}

/** The natural next command for an advance, from the model's view of the target. */
function resolve(step: Command | Advance, requests: ModelRequest[]): Command {
  if (step.kind !== 'advance') return step;
  const r = requests[step.target % requests.length];
  const base = { target: step.target, stale: step.stale, assignee: step.assignee };
  const coordinator = r.taskForce === 0 ? 7 : 9;
  const lead = r.requester === 1 ? 2 : r.requester === 5 ? 7 : 0;
  const provider = r.assigned === 3 ? 5 : r.assigned === 7 ? 10 : 6;
  if (step.probe) {
    const caller = {
      triage: coordinator,
      assign: coordinator,
      decline: coordinator,
      start: provider,
      recordSession: provider,
      deliver: provider,
      close: lead,
      withdraw: lead,
      message: lead,
    }[step.probe];
    return { kind: step.probe, caller, ...base };
  }
  switch (r.status) {
    case 'SUBMITTED':
      return { kind: 'triage', caller: coordinator, ...base };
    case 'TRIAGED':
      return { kind: 'assign', caller: coordinator, ...base };
    case 'ASSIGNED':
      return { kind: 'start', caller: provider, ...base };
    case 'IN_PROGRESS':
      return {
        kind: step.record || r.sessions === 0 ? 'recordSession' : 'deliver',
        caller: provider,
        ...base,
      };
    case 'DELIVERED':
      return { kind: 'close', caller: lead, ...base };
    default:
      return { kind: 'message', caller: lead, ...base };
  }
}

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('technical-assistance lifecycle and visibility (property-based, real PostgreSQL)', () => {
  jest.setTimeout(600_000);
  let db: TestDatabase;
  let owner: DataSource;
  let app: INestApplicationContext;
  let requestService: TechnicalAssistanceRequestService;
  let transitions: TechnicalAssistanceTransitionsService;
  let sessionService: TechnicalAssistanceSessionService;
  let thread: TechnicalAssistanceThreadService;
  let steps = 0;
  let done = 0;
  const reached = new Map<string, number>();

  beforeAll(async () => {
    db = await createTestDatabase([
      ...databaseMigrations,
      ...agenciesMigrations,
      ...auditMigrations,
      ...notificationsMigrations,
      ...workflowMigrations,
      ...technicalAssistanceMigrations,
    ]);
    owner = new DataSource(dataSourceOptions({ url: db.ownerUrl }));
    await owner.initialize();
    for (const [i, tf] of TF.entries()) {
      await owner.query(`INSERT INTO task_force (id, name, jurisdiction) VALUES ($1, $2, 'Test')`, [
        tf,
        `Task force ${i}`,
      ]);
    }
    for (const [i, a] of AGENCIES.entries()) {
      await owner.query(`INSERT INTO agency (id, name, type, jurisdiction) VALUES ($1, $2, $3, 'Test')`, [
        a.id,
        `Agency ${i}`,
        a.type,
      ]);
      for (const tf of a.taskForces) {
        await owner.query(
          `INSERT INTO task_force_membership (task_force_id, agency_id, role) VALUES ($1, $2, 'MEMBER')`,
          [TF[tf], a.id],
        );
      }
    }
    process.env.DATABASE_URL = db.apiUrl;
    process.env.DATABASE_POOL_SIZE = '4';
    const moduleRef = await Test.createTestingModule({
      imports: [
        ClockModule,
        DatabaseModule.forRoot({
          entities: [
            ...agenciesEntities,
            ...auditEntities,
            ...notificationsEntities,
            ...workflowEntities,
            ...technicalAssistanceEntities,
          ],
        }),
        AuditModule,
        TechnicalAssistanceModule,
      ],
    }).compile();
    app = await moduleRef.init();
    requestService = app.get(TechnicalAssistanceRequestService);
    transitions = app.get(TechnicalAssistanceTransitionsService);
    sessionService = app.get(TechnicalAssistanceSessionService);
    thread = app.get(TechnicalAssistanceThreadService);
  });

  afterAll(async () => {
    await app?.close();
    await owner?.destroy();
    await db?.drop();
    process.stdout.write(
      `technical assistance: ${steps} random steps checked, ${done} of them done; final statuses ${JSON.stringify(Object.fromEntries(reached))}\n`,
    );
  });

  const scopeOf = (c: Caller, userId: string): AccessScope => {
    const actor: Actor = {
      userId,
      agencyId: AGENCIES[c.agency].id,
      agencyType: AGENCIES[c.agency].type,
      roles: c.roles,
      taskForceIds: AGENCIES[c.agency].taskForces.map((tf) => TF[tf]),
    };
    return { actor, ability: defineAbilityFor(actor) };
  };

  async function perform(
    scope: AccessScope,
    command: Command,
    requests: ModelRequest[],
  ): Promise<{ outcome: Outcome; id?: string }> {
    try {
      if (command.kind === 'request') {
        const created = await requestService.request(scope, {
          taskForceId: command.taskForce === null ? undefined : TF[command.taskForce],
          topic: 'VICTIM_IDENTIFICATION',
          type: 'TRAINING',
          modality: 'VIRTUAL',
          problemStatement: 'p',
          whyItMatters: 'w',
          currentPractice: 'c',
          desiredOutcome: 'd',
          preferredStartDate: inDays(1),
          preferredEndDate: inDays(9),
          audiences: ['COMMUNITY'],
          expectedAttendees: 10,
          urgency: 'ROUTINE',
        } as never);
        return { outcome: 'OK', id: created.id };
      }
      const r = requests[command.target % requests.length];
      const actual = (
        await owner.query(`SELECT version FROM technical_assistance_request WHERE id = $1`, [r.id])
      )[0].version as number;
      const base = { requestId: r.id, expectedVersion: command.stale ? actual + 1 + (actual % 3) : actual };
      switch (command.kind) {
        case 'triage':
          await transitions.triage(scope, { ...base, priority: 'HIGH' } as never);
          break;
        case 'assign':
          await transitions.assign(scope, { ...base, agencyId: AGENCIES[command.assignee].id } as never);
          break;
        case 'start':
          await transitions.start(scope, base as never);
          break;
        case 'recordSession':
          await sessionService.recordSession(scope, {
            ...base,
            heldOn: today(),
            modality: 'VIRTUAL',
            hours: 2,
            attendance: [{ audience: 'COMMUNITY', attendees: 12 }],
          } as never);
          break;
        case 'deliver':
          await transitions.deliver(scope, base as never);
          break;
        case 'close':
          await transitions.close(scope, { ...base, rating: 4 } as never);
          break;
        case 'decline':
          await transitions.decline(scope, { ...base, reason: 'no capacity' } as never);
          break;
        case 'withdraw':
          await transitions.withdraw(scope, base as never);
          break;
        case 'message':
          await thread.addMessage(scope, { requestId: r.id, body: 'hello' } as never);
          break;
      }
      return { outcome: 'OK' };
    } catch (error) {
      if (error instanceof HubError) return { outcome: error.extensions.code as Outcome };
      throw error;
    }
  }

  it('every step does what the model says; state, events, audit, notifications and visibility agree', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async ({ callers, commands }) => {
        // The rows of the last world (a handful: deleting them is ~10× quicker than TRUNCATE, which
        // replaces every table's files).
        await owner.query(
          `DELETE FROM technical_assistance_attendance; DELETE FROM technical_assistance_session;
           DELETE FROM record_message; DELETE FROM record_event; DELETE FROM idempotency_key;
           DELETE FROM technical_assistance_request;`,
        );
        const requests: ModelRequest[] = [];
        for (const step of commands) {
          if (step.kind !== 'request' && requests.length === 0) continue;
          const command = resolve(step, requests);
          steps += 1;
          const c = callers[command.caller];
          const scope = scopeOf(c, `user-${command.caller}`);
          const expected = expectedOutcome(c, command, requests);
          const [{ max: auditBefore }] = await owner.query(
            `SELECT coalesce(max(id), 0)::int AS max FROM audit_event`,
          );
          const [{ max: outboxBefore }] = await owner.query(
            `SELECT coalesce(max(id), 0)::int AS max FROM outbox`,
          );
          const actual = await perform(scope, command, requests);
          const context = {
            command,
            caller: c,
            requests: requests.map((r) => ({ ...r, transitions: undefined })),
          };
          expect({ outcome: actual.outcome, context }).toEqual({ outcome: expected.outcome, context });

          // Apply to the model.
          let touched: ModelRequest | null = null;
          if (actual.outcome === 'OK') {
            done += 1;
            if (command.kind === 'request') {
              touched = {
                id: actual.id as string,
                taskForce: expected.taskForce as number,
                requester: c.agency,
                assigned: null,
                status: 'SUBMITTED',
                version: 1,
                sessions: 0,
                transitions: [[null, 'SUBMITTED']],
              };
              // A retried create is not in play here (no idempotency keys), so it is new.
              requests.push(touched);
            } else {
              touched = requests[command.target % requests.length];
              if (command.kind === 'recordSession') {
                touched.sessions += 1;
                touched.version += 1;
              } else if (command.kind !== 'message') {
                const to = FROM[command.kind][1];
                touched.transitions.push([touched.status, to]);
                touched.status = to;
                touched.version += 1;
                if (command.kind === 'assign') touched.assigned = command.assignee;
              }
            }
          }

          // Audit: one ALLOWED row for a change, one DENIED for a refusal by the policy or the record's
          // visibility (NOT_FOUND), none otherwise.
          const audit: { decision: string; subject_id: string | null }[] = await owner.query(
            `SELECT decision, subject_id FROM audit_event WHERE id > $1 ORDER BY id`,
            [auditBefore],
          );
          const expectedDecisions =
            actual.outcome === 'OK'
              ? ['ALLOWED']
              : actual.outcome === 'FORBIDDEN' || actual.outcome === 'NOT_FOUND'
                ? ['DENIED']
                : [];
          expect({ audit: audit.map((a) => a.decision), context }).toEqual({
            audit: expectedDecisions,
            context,
          });

          // Notifications: exactly the other parties of the request, for a change; nothing otherwise.
          // (read through the outbox: one row per notification, in order)
          const notices: { agency_id: string }[] = await owner.query(
            `SELECT payload->>'agencyId' AS agency_id FROM outbox WHERE id > $1 ORDER BY id`,
            [outboxBefore],
          );
          const expectedNotices = touched
            ? [...parties(touched)].filter((id) => id !== AGENCIES[c.agency].id).sort()
            : [];
          expect({ notices: notices.map((n) => n.agency_id).sort(), context }).toEqual({
            notices: expectedNotices,
            context,
          });

          // State and events of every request: the model's, one unbroken chain.
          const stored: { id: string; status: string; version: number; assigned_agency_id: string | null }[] =
            await owner.query(
              `SELECT id, status, version, assigned_agency_id FROM technical_assistance_request ORDER BY created_at, id`,
            );
          expect(stored).toEqual(
            requests.map((r) => ({
              id: r.id,
              status: r.status,
              version: r.version,
              assigned_agency_id: r.assigned === null ? null : AGENCIES[r.assigned].id,
            })),
          );
          const events: { request_id: string; from_status: string | null; to_status: string }[] =
            await owner.query(
              `SELECT subject_id AS request_id, from_status, to_status FROM record_event
                WHERE subject_type = 'TechnicalAssistanceRequest' ORDER BY occurred_at, id`,
            );
          for (const r of requests) {
            const chain = events
              .filter((e) => e.request_id === r.id)
              .map((e) => [e.from_status, e.to_status]);
            expect(chain).toEqual(r.transitions);
            chain.forEach(([from], i) => expect(from).toBe(i === 0 ? null : chain[i - 1][1]));
            expect(chain[chain.length - 1][1]).toBe(r.status);
          }
        }

        for (const r of requests) reached.set(r.status, (reached.get(r.status) ?? 0) + 1);
        // Visibility, for every caller × request: by id ⇔ list ⇔ ability ⇔ model; each scope too.
        for (const [index, c] of callers.entries()) {
          const scope = scopeOf(c, `user-${index}`);
          const listed = async (s?: TechnicalAssistanceScope) => {
            const page = await requestService.list(scope, { first: 100, scope: s });
            return new Set(page.edges.map((e) => e.node.id));
          };
          const [all, requested, assigned, taskForces] = await Promise.all([
            listed(),
            listed(TechnicalAssistanceScope.REQUESTED_BY_MY_AGENCY),
            listed(TechnicalAssistanceScope.ASSIGNED_TO_MY_AGENCY),
            listed(TechnicalAssistanceScope.MY_TASK_FORCES),
          ]);
          for (const r of requests) {
            const visible = sees(c, r);
            let byId = true;
            try {
              const model = await requestService.get(scope, r.id);
              const [sessions] = await sessionService.sessionsOf([r.id]);
              const actions = availableActions(scope.ability, model, sessions.length).sort();
              expect({ actions, context: { caller: c, request: r } }).toEqual({
                actions: offered(c, r),
                context: { caller: c, request: r },
              });
            } catch (error) {
              if (!(error instanceof HubError) || error.extensions.code !== 'NOT_FOUND') throw error;
              byId = false;
            }
            const byAbility = scope.ability.can(
              'read',
              subject('TechnicalAssistanceRequest', {
                id: r.id,
                taskForceId: TF[r.taskForce],
                requestingAgencyId: AGENCIES[r.requester].id,
                assignedAgencyId: r.assigned === null ? null : AGENCIES[r.assigned].id,
              }),
            );
            const context = { caller: c, request: r };
            expect({ byId, byAbility, listed: all.has(r.id), context }).toEqual({
              byId: visible,
              byAbility: visible,
              listed: visible,
              context,
            });
            expect({
              requested: requested.has(r.id),
              assigned: assigned.has(r.id),
              taskForces: taskForces.has(r.id),
              context,
            }).toEqual({
              requested: visible && r.requester === c.agency,
              assigned: visible && r.assigned === c.agency,
              taskForces: visible && memberOf(c, r.taskForce),
              context,
            });
          }
        }
      }),
      { numRuns: propertyRuns(60) },
    );
    expect(done).toBeGreaterThan(steps / 10);
  });
});
