import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Transactions } from '@hub/database';

/** The first link's predecessor: a fixed value, so the chain has a known start. */
const GENESIS: Buffer = createHash('sha256').update('task-force-hub audit trail genesis').digest();
const SEAL_LOCK = `hashtext('hub.audit.seal')`;
const MAX_EVENTS_PER_SEAL = 20_000;

export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** What broke, for a reader in any language; `firstProblem` says the same in English. */
export type AuditProblemCode =
  | 'SEAL_MISSING'
  | 'SEAL_OUT_OF_CHAIN'
  | 'SEAL_EVENT_COUNT'
  | 'EVENT_DELETED'
  | 'EVENT_CHANGED'
  | 'EVENT_INSERTED'
  | 'SEAL_EVENTS_HASH'
  | 'SEAL_ALTERED'
  | 'ANCHOR_NOT_IN_CHAIN'
  | 'EVENTS_NEVER_SEALED'
  | 'EVENTS_SEALED_LATE';

/** The first broken place: its kind, and the event, seal and count it names (null where none). */
export interface AuditProblem {
  code: AuditProblemCode;
  eventId: string | null;
  seal: number | null;
  count: number | null;
}

export interface VerificationReport {
  ok: boolean;
  /** The first broken place, in words (null when ok). */
  firstProblem: string | null;
  /** The same, as data (null when ok). */
  problem: AuditProblem | null;
  sealsChecked: number;
  eventsChecked: number;
  /** Events not sealed yet (recent ones are normal; old ones are suspicious). */
  unsealedEvents: number;
  /** The newest seal: keep it outside the database and pass it back to detect a rewritten chain. */
  anchor: AuditAnchor | null;
}

const hex = (buffer: Buffer) => buffer.toString('hex');
const problem = (
  code: AuditProblemCode,
  text: string,
  where: { eventId?: string; seal?: number | null; count?: number },
): AuditProblem & { text: string } => ({
  code,
  text,
  eventId: where.eventId ?? null,
  seal: where.seal ?? null,
  count: where.count ?? null,
});
/** The older of two transaction ids (xid8 as text: 64-bit, never wrapping). */
const minXid = (a: string, b: string) => (BigInt(a) <= BigInt(b) ? a : b);

/** seal_hash = SHA-256(prev_hash ‖ seq ‖ events_hash) */
function sealHash(prev: Buffer, seq: number, eventsHash: Buffer): Buffer {
  const seqBytes = Buffer.alloc(8);
  seqBytes.writeBigUInt64BE(BigInt(seq));
  return createHash('sha256')
    .update(Buffer.concat([prev, seqBytes, eventsHash]))
    .digest();
}

/** events_hash = SHA-256 of the sealed events' hashes in id order */
function eventsHash(hashes: Buffer[]): Buffer {
  const hash = createHash('sha256');
  for (const h of hashes) hash.update(h);
  return hash.digest();
}

/**
 * Tamper evidence for the audit trail without a global lock on writes: writers append freely;
 * sealing takes every committed event not yet sealed and adds one link to a hash chain (one
 * sealer at a time across replicas, through an advisory lock; a busy sealer is simply skipped).
 *
 * A seal reads only the events written since the previous seal's horizon, so its cost does not
 * grow with the trail (migration AuditSealHorizon1765400000000): each event carries the id of the
 * transaction that wrote it (`tx_id`), and a seal's horizon is the oldest transaction still running
 * when it looked. Every event below a horizon is sealed, and none can appear there afterwards. A
 * seal also takes the committed events above its horizon (`NOT EXISTS` keeps them from being
 * sealed twice), so a long transaction elsewhere delays no event's seal; it only widens what the
 * next seal reads: the events written since that transaction began.
 */
@Injectable()
export class AuditSealService {
  private readonly logger = new Logger('AuditTrail');
  /** Events per link at most, so a backlog is sealed in bounded steps (a test lowers it). */
  protected readonly maxEventsPerSeal: number = MAX_EVENTS_PER_SEAL;

  constructor(private readonly transactions: Transactions) {}

  /** Seals what is unsealed; returns the new anchor, or null when there was nothing to seal or another sealer runs. */
  async seal(): Promise<AuditAnchor | null> {
    const anchor = await this.transactions.run(async (tx) => {
      // The horizon comes from a snapshot taken no later than the one that reads the events below,
      // so every transaction under it has finished and its events are visible there.
      const [{ locked, running }] = (await tx.query(
        `SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS locked,
                pg_snapshot_xmin(pg_current_snapshot())::text AS running`,
      )) as { locked: boolean; running: string }[];
      if (!locked) return null;
      const [last] = (await tx.query(
        `SELECT seq, seal_hash, horizon::text FROM audit_seal ORDER BY seq DESC LIMIT 1`,
      )) as { seq: string; seal_hash: Buffer; horizon: string | null }[];
      // Seals made before horizons existed: start from the first transaction (events written then read 0).
      const from = last?.horizon ?? '0';
      const found: { id: string; tx_id: string; hash: Buffer }[] = await tx.query(
        `SELECT e.id, e.tx_id::text, audit_event_hash(e) AS hash FROM audit_event e
          WHERE e.tx_id >= $1::xid8 AND NOT EXISTS (SELECT 1 FROM audit_seal_entry s WHERE s.event_id = e.id)
          ORDER BY e.tx_id, e.id LIMIT ${this.maxEventsPerSeal}`,
        [from],
      );
      if (found.length === 0) return null;
      // A full batch may have left events of the last transaction it reached, or of the ones after:
      // the next seal starts at that transaction (NOT EXISTS skips what this one took).
      const horizon =
        found.length < this.maxEventsPerSeal ? running : minXid(running, found[found.length - 1].tx_id);
      const events = found.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      const seq = last ? Number(last.seq) + 1 : 1;
      const prev = last ? last.seal_hash : GENESIS;
      const combined = eventsHash(events.map((e) => e.hash));
      const hash = sealHash(prev, seq, combined);
      await tx.query(
        `INSERT INTO audit_seal (seq, event_count, events_hash, prev_hash, seal_hash, horizon)
         VALUES ($1, $2, $3, $4, $5, $6::xid8)`,
        [seq, events.length, combined, prev, hash, horizon],
      );
      await tx.query(
        `INSERT INTO audit_seal_entry (event_id, seal_seq, event_hash)
         SELECT unnest($1::bigint[]), $2, unnest($3::bytea[])`,
        [events.map((e) => e.id), seq, events.map((e) => e.hash)],
      );
      return { seq, hash: hex(hash) };
    });
    // The anchor leaves the database here: a log line an attacker with the database cannot recall.
    if (anchor) this.logger.log({ auditAnchor: anchor }, 'audit trail sealed');
    return anchor;
  }

  /** The newest seal, without sealing. */
  async anchor(): Promise<AuditAnchor | null> {
    const [last] = (await this.transactions.reader.query(
      `SELECT seq, seal_hash FROM audit_seal ORDER BY seq DESC LIMIT 1`,
    )) as { seq: string; seal_hash: Buffer }[];
    return last ? { seq: Number(last.seq), hash: hex(last.seal_hash) } : null;
  }

  /**
   * Recomputes every event hash, every seal and the chain, and reports the first broken place.
   * With `expected` (an anchor kept outside), a chain rebuilt from scratch is caught as well.
   */
  async verify(expected?: AuditAnchor, graceSeconds = 300): Promise<VerificationReport> {
    const reader = this.transactions.reader;
    const seals: {
      seq: string;
      event_count: number;
      events_hash: Buffer;
      prev_hash: Buffer;
      seal_hash: Buffer;
      sealed_at: Date;
      horizon: string | null;
    }[] = await reader.query(
      `SELECT seq, event_count, events_hash, prev_hash, seal_hash, sealed_at, horizon::text
         FROM audit_seal ORDER BY seq`,
    );
    const report = (
      broken: (AuditProblem & { text: string }) | null,
      sealsChecked: number,
      eventsChecked: number,
      unsealed: number,
    ) => ({
      ok: broken === null,
      firstProblem: broken?.text ?? null,
      problem: broken && {
        code: broken.code,
        eventId: broken.eventId,
        seal: broken.seal,
        count: broken.count,
      },
      sealsChecked,
      eventsChecked,
      unsealedEvents: unsealed,
      anchor: seals.length
        ? { seq: Number(seals[seals.length - 1].seq), hash: hex(seals[seals.length - 1].seal_hash) }
        : null,
    });
    let prev: Buffer = GENESIS;
    let eventsChecked = 0;
    for (const [index, seal] of seals.entries()) {
      const seq = Number(seal.seq);
      if (seq !== index + 1)
        return report(
          problem('SEAL_MISSING', `seal ${index + 1} is missing (found ${seq})`, { seal: index + 1 }),
          index,
          eventsChecked,
          0,
        );
      if (!seal.prev_hash.equals(prev))
        return report(
          problem('SEAL_OUT_OF_CHAIN', `seal ${seq} does not follow seal ${seq - 1}`, { seal: seq }),
          index,
          eventsChecked,
          0,
        );
      // A missing event must read as NULL, not as the hash of an empty row.
      const entries: {
        event_id: string;
        sealed_hash: Buffer;
        current_hash: Buffer | null;
        occurred_at: Date | null;
      }[] = await reader.query(
        `SELECT s.event_id, s.event_hash AS sealed_hash, e.occurred_at,
                CASE WHEN e.id IS NULL THEN NULL ELSE audit_event_hash(e) END AS current_hash
           FROM audit_seal_entry s LEFT JOIN audit_event e ON e.id = s.event_id
          WHERE s.seal_seq = $1 ORDER BY s.event_id`,
        [seq],
      );
      if (entries.length !== seal.event_count) {
        return report(
          problem('SEAL_EVENT_COUNT', `seal ${seq} lists ${entries.length} events, not ${seal.event_count}`, {
            seal: seq,
            count: entries.length,
          }),
          index,
          eventsChecked,
          0,
        );
      }
      for (const entry of entries) {
        if (!entry.current_hash)
          return report(
            problem('EVENT_DELETED', `event ${entry.event_id} (seal ${seq}) was deleted`, {
              eventId: entry.event_id,
              seal: seq,
            }),
            index,
            eventsChecked,
            0,
          );
        if (!entry.current_hash.equals(entry.sealed_hash)) {
          return report(
            problem('EVENT_CHANGED', `event ${entry.event_id} (seal ${seq}) was changed`, {
              eventId: entry.event_id,
              seal: seq,
            }),
            index,
            eventsChecked,
            0,
          );
        }
        // An event dated well before the previous seal should have been in it: written afterwards.
        const previous = index > 0 ? seals[index - 1].sealed_at.getTime() : null;
        if (
          previous !== null &&
          entry.occurred_at &&
          entry.occurred_at.getTime() < previous - graceSeconds * 1000
        ) {
          return report(
            problem(
              'EVENT_INSERTED',
              `event ${entry.event_id} (seal ${seq}) is dated before seal ${seq - 1}: inserted afterwards`,
              { eventId: entry.event_id, seal: seq },
            ),
            index,
            eventsChecked,
            0,
          );
        }
      }
      eventsChecked += entries.length;
      if (!eventsHash(entries.map((e) => e.sealed_hash)).equals(seal.events_hash)) {
        return report(
          problem('SEAL_EVENTS_HASH', `seal ${seq}: its events do not hash to the sealed value`, {
            seal: seq,
          }),
          index,
          eventsChecked,
          0,
        );
      }
      const expectedHash = sealHash(prev, seq, seal.events_hash);
      if (!expectedHash.equals(seal.seal_hash))
        return report(
          problem('SEAL_ALTERED', `seal ${seq} was altered`, { seal: seq }),
          index,
          eventsChecked,
          0,
        );
      prev = seal.seal_hash;
    }
    // Every committed event below the newest horizon was sealed (see seal()): one that was not
    // claims a transaction it did not come from.
    const newest = seals.length ? seals[seals.length - 1] : null;
    const [{ unsealed, stale, hidden }] = (await reader.query(
      `SELECT count(*)::int AS unsealed,
              count(*) FILTER (WHERE e.occurred_at < now() - make_interval(secs => $1))::int AS stale,
              count(*) FILTER (WHERE e.tx_id < $2::xid8)::int AS hidden
         FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_seal_entry s WHERE s.event_id = e.id)`,
      [graceSeconds, newest?.horizon ?? '0'],
    )) as { unsealed: number; stale: number; hidden: number }[];
    if (expected) {
      const atAnchor = seals[expected.seq - 1];
      if (!atAnchor || hex(atAnchor.seal_hash) !== expected.hash) {
        return report(
          problem(
            'ANCHOR_NOT_IN_CHAIN',
            `the chain does not contain the anchor seal ${expected.seq}: it was rewritten`,
            { seal: expected.seq },
          ),
          seals.length,
          eventsChecked,
          unsealed,
        );
      }
    }
    if (hidden > 0) {
      return report(
        problem(
          'EVENTS_NEVER_SEALED',
          `${hidden} events below the horizon of seal ${newest?.seq} were never sealed (written under a forged transaction id?)`,
          { seal: newest ? Number(newest.seq) : null, count: hidden },
        ),
        seals.length,
        eventsChecked,
        unsealed,
      );
    }
    if (stale > 0) {
      return report(
        problem(
          'EVENTS_SEALED_LATE',
          `${stale} events older than ${graceSeconds} s were never sealed (inserted afterwards?)`,
          { count: stale },
        ),
        seals.length,
        eventsChecked,
        unsealed,
      );
    }
    return report(null, seals.length, eventsChecked, unsealed);
  }
}
