import { createMongoAbility } from '@casl/ability';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { AccessScopeOf as AccessScope } from '@hub/authz';
import {
  databaseMigrations,
  dataSourceOptions,
  dropDatabase,
  provisionDatabase,
  runMigrations,
  Transactions,
  Tx,
} from '@hub/database';
import { BadUserInputError, HubError } from '@hub/graphql';
import { EventLog } from './event-log';
import { defineLifecycle } from './lifecycle';
import { MessageThread } from './message-thread';
import { workflowMigrations } from './migrations';
import { WorkflowAuditEvent, WorkflowAuditPort, WorkflowNotice, WorkflowNotifierPort } from './ports';
import { RecordType, RecordWorkflow } from './record-workflow';
import { Refusals } from './refusals';

/**
 * The runner on a toy lifecycle, against PostgreSQL: for random (caller, transition, version,
 * domain check, concurrent writer) the answer is the FIRST applicable refusal of NOT_FOUND →
 * FORBIDDEN → CONFLICT → ILLEGAL_TRANSITION → the domain's check; a refusal writes only its DENIED
 * audit row (NOT_FOUND, FORBIDDEN) or nothing; a change writes one version bump, one event (when
 * the status moves), one audit row naming the record's agencies, and notices to the other party.
 * The toy's ports write to toy tables: platform may not import the audit or notifications domains.
 */

const ADMIN = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OWNER = '0a6e1d3c-0000-4000-8000-000000000001';
const PARTNER = '0a6e1d3c-0000-4000-8000-000000000002';
const OUTSIDER = '0a6e1d3c-0000-4000-8000-000000000003';
const ID = '9b1e7a52-0000-4000-8000-000000000001';

type S = 'NEW' | 'OPEN' | 'DONE' | 'EXPIRED';
type T = 'open' | 'close' | 'reopen' | 'touch';
const lifecycle = defineLifecycle<S, T>('Toy', {
  open: { from: ['NEW'], to: 'OPEN' },
  close: { from: ['NEW', 'OPEN'], to: 'DONE' },
  reopen: { from: ['DONE'], to: 'OPEN' },
  touch: { from: ['OPEN'] },
});
const TRANSITIONS: T[] = ['open', 'close', 'reopen', 'touch'];

@Entity({ name: 'toy' })
class ToyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') status: string;
  @Column('integer') version: number;
  @Column('boolean') expired: boolean;
  @Column('timestamptz') updatedAt: Date;
}

interface Caller {
  sees: boolean;
  may: boolean;
  agency: string;
}

describe('RecordWorkflow on a toy lifecycle (real PostgreSQL)', () => {
  const database = `hub_test_workflow_${randomBytes(4).toString('hex')}`;
  let ds: DataSource;
  let runner: RecordWorkflow;
  const seen = new Map<string, boolean>();

  beforeAll(async () => {
    const { ownerUrl } = await provisionDatabase({
      adminUrl: ADMIN,
      database,
      ownerPassword: 'hub_owner_test',
      apiPassword: 'hub_api_test',
      throwAway: true,
    });
    await runMigrations(ownerUrl, [...databaseMigrations, ...workflowMigrations]);
    ds = new DataSource({ ...dataSourceOptions({ url: ownerUrl }), entities: [ToyEntity] });
    await ds.initialize();
    await ds.query(`CREATE TABLE toy (id uuid PRIMARY KEY, status text NOT NULL, version integer NOT NULL,
      expired boolean NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await ds.query(`CREATE TABLE toy_audit (id serial PRIMARY KEY, decision text, action text, subject_id uuid,
      agencies text[])`);
    await ds.query(`CREATE TABLE toy_notice (id serial PRIMARY KEY, agency_id uuid, event_type text)`);
    const transactions = new Transactions(ds);
    const audit: WorkflowAuditPort = {
      record: async (tx: Tx, ...events: WorkflowAuditEvent[]) => {
        for (const e of events) {
          await tx.query(
            `INSERT INTO toy_audit (decision, action, subject_id, agencies) VALUES ($1, $2, $3, $4)`,
            [e.decision, e.action, e.subjectId, [...e.subjectAgencyIds]],
          );
        }
      },
      recordDenied: (e) => transactions.run((tx) => audit.record(tx, { ...e, decision: 'DENIED' })),
    };
    const notifier: WorkflowNotifierPort = {
      publish: async (tx: Tx, notice: WorkflowNotice) => {
        for (const agency of notice.agencyIds) {
          await tx.query(`INSERT INTO toy_notice (agency_id, event_type) VALUES ($1, $2)`, [
            agency,
            notice.eventType,
          ]);
        }
      },
    };
    runner = new RecordWorkflow(
      transactions,
      new EventLog(transactions),
      new MessageThread(transactions),
      audit,
      notifier,
      new Refusals(audit),
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(ADMIN, database);
  });

  type Row = { id: string; status: string; version: number; expired: boolean };
  const toy: RecordType<Row, S, T> = {
    lifecycle,
    entity: ToyEntity,
    load: async (scope, id, tx) => {
      if (!seen.get(scope.actor.userId as string)) return null;
      const rows: Row[] = await (tx ?? ds.manager).query(
        `SELECT id, status, version, expired FROM toy WHERE id = $1`,
        [id],
      );
      return rows[0] ?? null;
    },
    policyRecord: (row) => ({ id: row.id }),
    agencies: () => [OWNER, PARTNER],
    // Computed on read, like a referral past its deadline: NEW and expired reads as EXPIRED.
    effectiveStatus: (row) => (row.status === 'NEW' && row.expired ? 'EXPIRED' : (row.status as S)),
  };

  const scopeOf = (caller: Caller, n: number): AccessScope => {
    const userId = `user-${n}`;
    seen.set(userId, caller.sees);
    const ability = createMongoAbility(caller.may ? [{ action: TRANSITIONS, subject: 'Toy' }] : []);
    return {
      actor: { userId, agencyId: caller.agency, agencyType: 'NGO', roles: [], taskForceIds: [] },
      ability,
    } as unknown as AccessScope;
  };

  const counts = async () => {
    const [row] = (await ds.query(`SELECT
        (SELECT count(*)::int FROM record_event) AS events,
        (SELECT count(*)::int FROM toy_notice) AS notices,
        (SELECT coalesce(max(id), 0) FROM toy_audit) AS audit,
        (SELECT xmin::text FROM toy WHERE id = '${ID}') AS xmin`)) as {
      events: number;
      notices: number;
      audit: number;
      xmin: string;
    }[];
    return row;
  };

  const stepArb = fc.record({
    caller: fc.record({
      sees: fc.boolean(),
      may: fc.boolean(),
      agency: fc.constantFrom(OWNER, PARTNER, OUTSIDER),
    }),
    transition: fc.constantFrom(...TRANSITIONS),
    versionOff: fc.constantFrom(0, 0, 0, 1, -1),
    checkRefuses: fc.boolean(),
    interferes: fc.boolean(),
  });

  it('answers the first applicable refusal and writes exactly what it should', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        async (expired, steps) => {
          await ds.query(
            `DELETE FROM toy; DELETE FROM toy_audit; DELETE FROM toy_notice; DELETE FROM record_event;`,
          );
          await ds.query(`INSERT INTO toy (id, status, version, expired) VALUES ($1, 'NEW', 1, $2)`, [
            ID,
            expired,
          ]);
          const model = { status: 'NEW' as string, version: 1 };
          let n = 0;
          for (const step of steps) {
            const scope = scopeOf(step.caller, n++);
            const effective: S = model.status === 'NEW' && expired ? 'EXPIRED' : (model.status as S);
            const next = lifecycle.next(effective, step.transition);
            const expected = !step.caller.sees
              ? 'NOT_FOUND'
              : !step.caller.may
                ? 'FORBIDDEN'
                : step.versionOff !== 0
                  ? 'CONFLICT'
                  : next === undefined
                    ? 'ILLEGAL_TRANSITION'
                    : step.checkRefuses
                      ? 'BAD_USER_INPUT'
                      : step.interferes
                        ? 'CONFLICT'
                        : 'OK';
            const before = await counts();
            const outcome = await runner
              .change(toy, scope, {
                id: ID,
                expectedVersion: model.version + step.versionOff,
                transition: step.transition,
                auditAction: `${step.transition.toUpperCase()}_TOY`,
                check: async () => {
                  if (step.checkRefuses) throw new BadUserInputError('no', [{ field: 'x', message: 'no' }]);
                  // Another writer moves the stored status (not the version) between the read and the UPDATE.
                  if (step.interferes) await ds.query(`UPDATE toy SET status = 'GONE_' || status`);
                },
                notice: () => ({ eventType: 'TOY_CHANGED', message: 'A toy changed.' }),
              })
              .then(
                () => 'OK',
                (error: unknown) => (error instanceof HubError ? String(error.extensions.code) : 'THREW'),
              );
            if (step.interferes && expected === 'CONFLICT' && step.caller.sees && step.caller.may) {
              // Undo the other writer's change so the model stays the truth.
              await ds.query(`UPDATE toy SET status = substr(status, 6) WHERE status LIKE 'GONE_%'`);
            }
            const context = { step, effective };
            expect({ outcome, context }).toEqual({ outcome: expected, context });

            const after = await counts();
            const audit: {
              decision: string;
              action: string;
              subject_id: string | null;
              agencies: string[];
            }[] = await ds.query(
              `SELECT decision, action, subject_id, agencies FROM toy_audit WHERE id > $1 ORDER BY id`,
              [before.audit],
            );
            const action = `${step.transition.toUpperCase()}_TOY`;
            if (expected === 'NOT_FOUND') {
              expect(audit).toEqual([{ decision: 'DENIED', action, subject_id: ID, agencies: [] }]);
            } else if (expected === 'FORBIDDEN') {
              expect(audit).toEqual([
                { decision: 'DENIED', action, subject_id: ID, agencies: [OWNER, PARTNER] },
              ]);
            } else if (expected === 'OK') {
              expect(audit).toEqual([
                { decision: 'ALLOWED', action, subject_id: ID, agencies: [OWNER, PARTNER] },
              ]);
            } else {
              expect(audit).toEqual([]);
            }
            if (expected === 'OK') {
              const moved = next !== effective;
              expect(after.events - before.events).toBe(moved ? 1 : 0);
              const others = [OWNER, PARTNER].filter((a) => a !== step.caller.agency);
              expect(after.notices - before.notices).toBe(others.length);
              model.status = next as string;
              model.version += 1;
            } else {
              expect(after.events).toBe(before.events);
              expect(after.notices).toBe(before.notices);
              if (!step.interferes || expected !== 'CONFLICT' || step.versionOff !== 0) {
                expect(after.xmin).toBe(before.xmin);
              }
            }
            const [row] = (await ds.query(`SELECT status, version FROM toy WHERE id = $1`, [ID])) as {
              status: string;
              version: number;
            }[];
            expect(row).toEqual(model);
          }
          const events: { from_status: string | null; to_status: string }[] = await ds.query(
            `SELECT from_status, to_status FROM record_event ORDER BY occurred_at, id`,
          );
          // One unbroken chain: each event starts where the one before ended.
          events.forEach((event, i) => {
            if (i > 0) expect(event.from_status).toBe(events[i - 1].to_status);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
  it('changeWithin: a change the hub makes inside another transaction writes what a change writes, or nothing when the move is illegal or stale', async () => {
    const actor = { userId: 'admin', agencyId: OUTSIDER, agencyType: null, roles: [], taskForceIds: [] };
    const reset = async (status: string, expired = false) => {
      await ds.query(
        `DELETE FROM toy; DELETE FROM toy_audit; DELETE FROM toy_notice; DELETE FROM record_event;`,
      );
      await ds.query(`INSERT INTO toy (id, status, version, expired) VALUES ($1, $2, 3, $3)`, [
        ID,
        status,
        expired,
      ]);
    };
    const read = async (): Promise<Row> =>
      ((await ds.query(`SELECT id, status, version, expired FROM toy WHERE id = $1`, [ID])) as Row[])[0];
    const within = (record: Row, transition: T) =>
      new Transactions(ds).run((tx) =>
        runner.changeWithin(tx, toy, actor, record, {
          transition,
          auditAction: 'CLOSE_TOY_FOR_SOMEONE',
          reason: 'its owner left',
          notice: () => ({ eventType: 'TOY_CLOSED', message: 'A toy was closed for you.' }),
          parties: [OWNER],
        }),
      );

    await reset('OPEN');
    expect(await within(await read(), 'close')).toBe(true);
    expect(await read()).toMatchObject({ status: 'DONE', version: 4 });
    expect(
      await ds.query(
        `SELECT from_status, to_status, actor_user_id, actor_agency_id, reason FROM record_event`,
      ),
    ).toEqual([
      {
        from_status: 'OPEN',
        to_status: 'DONE',
        actor_user_id: 'admin',
        actor_agency_id: OUTSIDER,
        reason: 'its owner left',
      },
    ]);
    expect(await ds.query(`SELECT decision, action, subject_id, agencies FROM toy_audit`)).toEqual([
      { decision: 'ALLOWED', action: 'CLOSE_TOY_FOR_SOMEONE', subject_id: ID, agencies: [OWNER, PARTNER] },
    ]);
    expect(await ds.query(`SELECT agency_id, event_type FROM toy_notice`)).toEqual([
      { agency_id: OWNER, event_type: 'TOY_CLOSED' },
    ]);

    // Illegal from the effective status (NEW past its deadline reads EXPIRED): nothing written.
    await reset('NEW', true);
    const expiredToy = await read();
    const mark = await counts();
    expect(await within(expiredToy, 'close')).toBe(false);
    expect(await counts()).toEqual(mark);

    // Stale: the row moved since it was read.
    await reset('OPEN');
    const stale = await read();
    await ds.query(`UPDATE toy SET version = version + 1`);
    const staleMark = await counts();
    expect(await within(stale, 'close')).toBe(false);
    expect(await counts()).toEqual(staleMark);
  });
});
