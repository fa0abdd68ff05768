import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessWhere } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { allOf, namedQuery, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { BreakGlassEndReason, BreakGlassFinding, BreakGlassSession } from './break-glass.model';

type Row = Record<string, unknown>;

/** Uses page newest first (break_glass_owner_idx / break_glass_agency_idx end in opened_at, id). */
const NEWEST_FIRST = new Keyset(
  [
    { sql: 'b.opened_at', kind: 'timestamp' },
    { sql: 'b.id', kind: 'uuid' },
  ],
  'DESC',
);

/** Every query on break-glass sessions, and the referral parties that may open one. */
@Injectable()
export class BreakGlassRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Agencies that sent or received a (sent) referral about this survivor. */
  async referralParties(survivorId: string, tx: Tx = this.dataSource.manager): Promise<string[]> {
    const rows = await namedQuery<{ agency_id: string }>(
      tx,
      `SELECT from_agency_id AS agency_id FROM referral WHERE survivor_id = :survivorId AND sent_at IS NOT NULL
       UNION SELECT to_agency_id FROM referral WHERE survivor_id = :survivorId AND sent_at IS NOT NULL`,
      { survivorId },
    );
    return rows.map((row) => row.agency_id);
  }

  async insert(
    tx: Tx,
    session: Pick<
      BreakGlassSession,
      'survivorId' | 'ownerAgencyId' | 'agencyId' | 'openedBy' | 'reason' | 'openedAt' | 'expiresAt'
    >,
  ): Promise<BreakGlassSession> {
    const [row] = (await tx.query(
      `INSERT INTO break_glass (survivor_id, owner_agency_id, agency_id, opened_by, reason, opened_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        session.survivorId,
        session.ownerAgencyId,
        session.agencyId,
        session.openedBy,
        session.reason,
        session.openedAt,
        session.expiresAt,
      ],
    )) as Row[];
    return toSession(row);
  }

  async findById(id: string): Promise<BreakGlassSession | null> {
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM break_glass WHERE id = $1`, [id]);
    return rows.length ? toSession(rows[0]) : null;
  }

  /** Ends the session if it is still open at `at`; null when it already ended or expired. */
  async end(
    tx: Tx,
    id: string,
    end: { at: Date; by: string; reason: BreakGlassEndReason; note: string | null },
  ): Promise<BreakGlassSession | null> {
    const [rows] = (await tx.query(
      `UPDATE break_glass SET ended_at = $2, ended_by = $3, ended_reason = $4, ended_note = $5
        WHERE id = $1 AND ended_at IS NULL AND expires_at > $2 RETURNING *`,
      [id, end.at, end.by, end.reason, end.note],
    )) as [Row[], number];
    return rows.length ? toSession(rows[0]) : null;
  }

  /** Ends these sessions, those still open, because a revocation named their agency. */
  async endRevoked(tx: Tx, ids: readonly string[], at: Date, by: string): Promise<BreakGlassSession[]> {
    if (ids.length === 0) return [];
    const [rows] = (await tx.query(
      `UPDATE break_glass SET ended_at = $2, ended_by = $3, ended_reason = '${BreakGlassEndReason.CONSENT_REVOKED}'
        WHERE id = ANY($1::uuid[]) AND ended_at IS NULL RETURNING *`,
      [[...ids], at, by],
    )) as [Row[], number];
    return rows.map(toSession);
  }

  /** Records the review once; null when it was already reviewed. */
  async review(
    tx: Tx,
    id: string,
    review: { at: Date; by: string; finding: BreakGlassFinding; note: string | null },
  ): Promise<BreakGlassSession | null> {
    const [rows] = (await tx.query(
      `UPDATE break_glass SET reviewed_at = $2, reviewed_by = $3, review_finding = $4, review_note = $5
        WHERE id = $1 AND reviewed_at IS NULL RETURNING *`,
      [id, review.at, review.by, review.finding, review.note],
    )) as [Row[], number];
    return rows.length ? toSession(rows[0]) : null;
  }

  /** Uses the caller may read, newest first. */
  async list(scope: AccessScope, args: PageArgs): Promise<Connection<BreakGlassSession>> {
    const page = NEWEST_FIRST.page(args);
    const where = allOf(
      page.after,
      accessWhere(scope.ability, 'read', 'BreakGlass', {
        fields: {
          ownerAgencyId: { sql: 'b.owner_agency_id', kind: 'scalar' },
          agencyId: { sql: 'b.agency_id', kind: 'scalar' },
          openedBy: { sql: 'b.opened_by', kind: 'scalar' },
        },
      }),
    );
    const rows = await namedQuery<Row>(
      this.dataSource.manager,
      `SELECT b.*, ${page.select} FROM break_glass b WHERE ${where.sql} ORDER BY ${page.orderBy} LIMIT :limit`,
      { ...where.params, limit: page.limit },
    );
    return NEWEST_FIRST.connection(rows, page, toSession);
  }
}

function toSession(row: Row): BreakGlassSession {
  return {
    id: row.id as string,
    survivorId: row.survivor_id as string,
    ownerAgencyId: row.owner_agency_id as string,
    agencyId: row.agency_id as string,
    openedBy: row.opened_by as string,
    reason: row.reason as string,
    openedAt: row.opened_at as Date,
    expiresAt: row.expires_at as Date,
    endedAt: (row.ended_at as Date | null) ?? null,
    endedBy: (row.ended_by as string | null) ?? null,
    endedReason: (row.ended_reason as BreakGlassEndReason | null) ?? null,
    endedNote: (row.ended_note as string | null) ?? null,
    reviewedAt: (row.reviewed_at as Date | null) ?? null,
    reviewedBy: (row.reviewed_by as string | null) ?? null,
    reviewFinding: (row.review_finding as BreakGlassFinding | null) ?? null,
    reviewNote: (row.review_note as string | null) ?? null,
  };
}
