import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditSealService, VerificationReport } from '@hub/audit';
import { DEMO_AGENCY_IDS, DEMO_USERS } from '@hub/demo-data';
import { dataSourceOptions, dropDatabase, namedQuery, Transactions } from '@hub/database';
import { copyDataset, Dataset } from './dataset';
import { startStatementCounter } from './statement-counter';

export interface SealResult {
  /** Sealed events in the trail when the seal ran. */
  trailEvents: number;
  /** New events each timed seal took in. */
  newEvents: number;
  /** Median of three seals, ms. */
  sealMs: number;
  statements: number;
}

/** New events per timed seal: what a busy hub writes between two seals (AUDIT_SEAL_INTERVAL_SECONDS). */
const NEW_EVENTS = 1_000;
/** Events per link of the chain, as the sealer takes them (MAX_EVENTS_PER_SEAL in audit-seal.service.ts). */
const EVENTS_PER_SEAL = 20_000;

/**
 * The audit sealer's cost against the size of the trail (issue 12, deliverable 5): grows a trail
 * of sealed audit events to each size — a valid hash chain, built in SQL as the sealer builds it —
 * then times the real AuditSealService sealing NEW_EVENTS fresh events, three times per size.
 * `verify` re-checks the whole chain afterwards (the smoke test does; it reads every event).
 */
export async function benchSeal(
  adminUrl: string,
  dataset: Dataset,
  trailSizes: number[],
  options: { verify?: boolean; log(line: string): void },
): Promise<{ results: SealResult[]; verification?: VerificationReport }> {
  const db = await copyDataset(adminUrl, dataset, 'seal');
  // The sealer runs in the API, as the API's role, through a statement counter.
  const counter = await startStatementCounter(db.apiUrl);
  const owner = new DataSource(dataSourceOptions({ url: db.ownerUrl, applicationName: 'hub-bench' }));
  const api = new DataSource(dataSourceOptions({ url: counter.url, applicationName: 'hub-bench-sealer' }));
  await Promise.all([owner.initialize(), api.initialize()]);
  Logger.overrideLogger(false);
  const sealer = new AuditSealService(new Transactions(api));
  try {
    const results: SealResult[] = [];
    for (const size of [...trailSizes].sort((a, b) => a - b)) {
      const started = Date.now();
      await growSealedTrail(owner, size);
      options.log(
        `audit trail of ${size.toLocaleString('en')} sealed events in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
      const times: number[] = [];
      const before = counter.statements();
      for (let i = 0; i < 3; i++) {
        await appendEvents(owner, NEW_EVENTS);
        const start = process.hrtime.bigint();
        const anchor = await sealer.seal();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (!anchor) throw new Error('the sealer sealed nothing');
      }
      times.sort((a, b) => a - b);
      results.push({
        trailEvents: size,
        newEvents: NEW_EVENTS,
        sealMs: times[1],
        statements: (counter.statements() - before) / 3,
      });
      options.log(`seal at ${size.toLocaleString('en')} events: ${times[1].toFixed(1)} ms`);
    }
    const verification = options.verify ? await sealer.verify() : undefined;
    return { results, verification };
  } finally {
    await Promise.all([owner.destroy(), api.destroy()]);
    await counter.close();
    await dropDatabase(adminUrl, db.database);
  }
}

/** Appends audit events as the hub writes them (disclosures of survivor names by Harbor Light's caseworker). */
async function appendEvents(owner: DataSource, count: number): Promise<void> {
  await namedQuery(
    owner.manager,
    `INSERT INTO audit_event (actor_user_id, actor_agency_id, action, subject_type, subject_id, fields, purpose,
       decision, request_id, subject_agency_ids)
     SELECT :sub, :agency, 'READ_SURVIVOR', 'Survivor', md5('audit-subject' || (n % 5000))::uuid::text,
            '{givenName,familyName}', 'SERVICE', 'ALLOWED', 'bench-' || n, ARRAY[:agency]::uuid[]
       FROM generate_series(1, :count::int) n`,
    { sub: DEMO_USERS[0].sub, agency: DEMO_AGENCY_IDS.harborLight, count },
  );
}

/**
 * Grows the trail to `size` events, all sealed: the missing events in one INSERT … SELECT, then
 * links of EVENTS_PER_SEAL events, each events_hash = SHA-256 of its events' hashes in id order and
 * seal_hash = SHA-256(prev ‖ seq ‖ events_hash), sealed when its newest event was written, so
 * AuditSealService.verify accepts it. Each event's hash is computed once (a temporary table); only
 * the chain itself (a few hundred links at 10M) is a loop. The links' horizon is the transaction
 * after the newest event's: nothing else writes to this database, so every transaction below it
 * has finished, as a real seal's horizon promises.
 */
async function growSealedTrail(owner: DataSource, size: number): Promise<void> {
  const [{ n }] = await namedQuery<{ n: number }>(
    owner.manager,
    `SELECT count(*)::int AS n FROM audit_event`,
  );
  if (n < size) await appendEvents(owner, size - n);
  await owner.transaction(async (tx) => {
    await tx.query(`CREATE TEMP TABLE pending ON COMMIT DROP AS
      SELECT e.id, (row_number() OVER (ORDER BY e.id) - 1) / ${EVENTS_PER_SEAL} AS link,
             audit_event_hash(e) AS hash, e.occurred_at
        FROM audit_event e WHERE e.id > (SELECT coalesce(max(event_id), 0) FROM audit_seal_entry)`);
    await tx.query(`DO $$
      DECLARE
        s bigint; base bigint; prev bytea; horizon xid8; l record;
      BEGIN
        SELECT seq, seal_hash INTO s, prev FROM audit_seal ORDER BY seq DESC LIMIT 1;
        IF s IS NULL THEN
          s := 0;
          prev := sha256(convert_to('task-force-hub audit trail genesis', 'UTF8'));
        END IF;
        SELECT (tx_id::text::bigint + 1)::text::xid8 INTO horizon FROM audit_event ORDER BY tx_id DESC LIMIT 1;
        base := s;
        FOR l IN SELECT p.link, count(*)::int AS events_count, max(p.occurred_at) AS newest,
                        sha256(string_agg(p.hash, ''::bytea ORDER BY p.id)) AS events
                   FROM pending p GROUP BY p.link ORDER BY p.link LOOP
          s := s + 1;
          INSERT INTO audit_seal (seq, sealed_at, event_count, events_hash, prev_hash, seal_hash, horizon)
            VALUES (s, l.newest, l.events_count, l.events, prev, sha256(prev || int8send(s) || l.events), horizon);
          prev := sha256(prev || int8send(s) || l.events);
        END LOOP;
        INSERT INTO audit_seal_entry (event_id, seal_seq, event_hash)
          SELECT p.id, base + p.link + 1, p.hash FROM pending p;
      END $$`);
  });
  await owner.query(`VACUUM (ANALYZE) audit_event, audit_seal, audit_seal_entry`);
}
