import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { DataSource } from 'typeorm';
import { accessWhere, SqlSubjectMap } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { liveConsentGrantSql } from '@hub/consents';
import { allOf, entityColumns, JoinedPart, namedQuery, NOW_SQL, returnedEntities, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { ReferralEntity } from './referral.entity';
import { CONSENT_LIVE_SQL } from './referral-hub-moves';
import { ReferralBox } from './referral.enums';
import type { ReferralColumn, ReferralColumnsRow } from './referral-record';

/** A referral row as read: with whether its consent still covers the recipient. */
export type ReferralRow = ReferralEntity & { consentLive: boolean };

/** A row of a page (the columns it was asked for), and what its joins read for it by join name. */
export interface ReferralPageRow<J extends Record<string, JoinedPart<unknown>>> {
  row: ReferralColumnsRow;
  joined: { [K in keyof J]: ReturnType<J[K]['read']> };
}

/** How many referrals are in each of an agency's boxes. */
export interface ReferralBoxCountsRow {
  received: number;
  sent: number;
  needsAction: number;
  drafts: number;
}

/** Boxes page newest first (referral_received_idx, referral_sent_idx end in created_at, id). */
const NEWEST_FIRST = new Keyset(
  [
    { sql: 'r.created_at', kind: 'timestamp' },
    { sql: 'r.id', kind: 'uuid' },
  ],
  'DESC',
);

// The SQL below reads the clock as `:now` (NOW_SQL): each statement binds the reading that
// effectiveStatus() and the models are given.

/** SQL for the status as of `:now` (EXPIRED computed), as effectiveStatus() does in memory. */
const STATUS_SQL = `(CASE WHEN r.status IN ('SENT', 'ACKNOWLEDGED') AND (
      (r.response_due_at IS NOT NULL AND r.response_due_at <= ${NOW_SQL})
      OR (r.consent_id IS NOT NULL AND NOT ${liveConsentGrantSql('r.consent_id', 'r.to_agency_id')}))
    THEN 'EXPIRED' ELSE r.status END)`;

/** The entity with the `consent_live` its query computed. */
function withConsentLive(entity: ReferralEntity, raw: Record<string, unknown>): ReferralRow {
  return Object.assign(entity, { consentLive: raw.consent_live as boolean });
}

const REFERRAL_SQL: SqlSubjectMap = {
  fields: {
    id: { sql: 'r.id', kind: 'scalar' },
    fromAgencyId: { sql: 'r.from_agency_id', kind: 'scalar' },
    toAgencyId: { sql: 'r.to_agency_id', kind: 'scalar' },
    sent: { sql: '(r.sent_at IS NOT NULL)', kind: 'scalar' },
  },
};

export type NewReferral = Omit<
  ReferralEntity,
  | 'id'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'declineReason'
  | 'declineReasonText'
  | 'declinedBy'
  | 'failureReason'
  | 'outcomeServices'
  | 'outcomeText'
>;

/**
 * Every query on referrals. Reads take the caller's access scope and
 * apply the policy as SQL, so an inbox pages over exactly the referrals the caller may see.
 */
@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findVisible(
    scope: AccessScope,
    id: string,
    now: Date,
    tx: Tx = this.dataSource.manager,
  ): Promise<ReferralRow | null> {
    const { entities, raw } = await this.visible(scope, now, tx)
      .andWhere('r.id = :id', { id })
      .getRawAndEntities();
    return entities.length ? withConsentLive(entities[0], raw[0] as Record<string, unknown>) : null;
  }

  /** The referrals among `ids` the caller may see, in one statement; the others are left out. */
  async findManyVisible(scope: AccessScope, ids: readonly string[], now: Date): Promise<ReferralRow[]> {
    if (ids.length === 0) return [];
    const { entities, raw } = await this.visible(scope, now, this.dataSource.manager)
      .andWhere('r.id IN (:...ids)', { ids })
      .getRawAndEntities();
    const rawById = new Map((raw as Record<string, unknown>[]).map((row) => [row.r_id as string, row]));
    return entities.map((entity) => withConsentLive(entity, rawById.get(entity.id) ?? {}));
  }

  /**
   * One page of a box, newest first, in one statement with what the request shows of each row
   * (`joins`: its agencies, last event, survivor as the caller may see it, each owned by its
   * domain): the page is cut first (RECEIVED and SENT served by referral_received_idx and
   * referral_sent_idx, NEEDS_ACTION by referral_received_open_idx), then only its rows are joined.
   * Rows are read raw in the entity's shape (entityColumns), not hydrated, and only the `columns`
   * the request needs (referralColumnsFor; `id` and `createdAt` always: the page's order and its
   * joins' key): one statement text per set of columns, joins and filters.
   */
  async list<J extends Record<string, JoinedPart<unknown>>>(
    scope: AccessScope,
    agencyId: string,
    filter: { box: ReferralBox; status?: string; need?: string },
    args: PageArgs,
    now: Date,
    columns: ReadonlySet<ReferralColumn>,
    joins: J = {} as J,
  ): Promise<Connection<ReferralPageRow<J>>> {
    const manager = this.dataSource.manager;
    const page = NEWEST_FIRST.page(args);
    const where = allOf(
      accessWhere(scope.ability, 'read', 'Referral', REFERRAL_SQL),
      { sql: this.boxSql(filter.box), params: { agencyId, now } },
      filter.status && { sql: `${STATUS_SQL} = :status`, params: { status: filter.status, now } },
      filter.need && { sql: 'r.needs @> ARRAY[CAST(:need AS text)]', params: { need: filter.need } },
      page.after,
    );
    const parts = Object.entries(joins);
    const params: Record<string, unknown> = { ...where.params, limit: page.limit, now };
    for (const [, part] of parts) Object.assign(params, part.params);
    const entity = new Set<string>(['id', 'createdAt']);
    for (const column of columns) if (column !== 'consentLive') entity.add(column);
    const consentLive = columns.has('consentLive') ? `${CONSENT_LIVE_SQL} AS "consentLive", ` : '';
    const rows = await namedQuery<ReferralColumnsRow & Record<string, unknown>>(
      manager,
      `SELECT p.*${parts.map(([, part]) => `, ${part.sql}`).join('')}
         FROM (SELECT ${entityColumns(manager, ReferralEntity, 'r', '', entity)}, ${consentLive}${page.select}
                 FROM referral r WHERE ${where.sql} ORDER BY ${page.orderBy} LIMIT :limit) p
         ${parts.map(([, part]) => part.join).join('\n')}
        ORDER BY p."createdAt" DESC, p.id DESC`,
      params,
      // Every inbox request runs it, with one text per selection and kind of caller.
      { prepare: true },
    );
    // Per row: each join's read, nothing added to the driver's row object.
    return NEWEST_FIRST.connection(rows, page, (row) => {
      const joined = {} as Record<string, unknown>;
      for (let i = 0; i < parts.length; i += 1) joined[parts[i][0]] = parts[i][1].read(row);
      return { row, joined } as ReferralPageRow<J>;
    });
  }

  /**
   * The size of each box for the caller's agency, in one statement that does not grow with the
   * agency's history. RECEIVED, SENT and DRAFTS are the stored counts the triggers of
   * referral_box_count keep. NEEDS_ACTION depends on the time (boxSql): the received referrals
   * awaiting a reply whose deadline is still ahead and whose consent still covers the recipient,
   * plus the accepted or started ones past their deadline — the stored count of those minus the ones
   * whose deadline is still ahead. Both are ranges of referral_received_open_idx over deadlines
   * from `now` on: the referrals still inside their response window, however old the agency.
   * A box counts only when the policy lets the caller read the referrals in it (judged on a
   * representative: the read rules judge only the two agencies and `sent`, all REFERRAL_SQL maps).
   */
  async counts(scope: AccessScope, agencyId: string, now: Date): Promise<ReferralBoxCountsRow> {
    const other = '00000000-0000-0000-0000-000000000000';
    const readable = (fromAgencyId: string, toAgencyId: string, sent: boolean) =>
      scope.ability.can('read', subject('Referral', { id: other, fromAgencyId, toAgencyId, sent }));
    const [row] = await namedQuery<ReferralBoxCountsRow & { awaiting: number; late: number }>(
      this.dataSource.manager,
      `SELECT coalesce(sum(c.referrals) FILTER (WHERE c.box = 'RECEIVED'), 0)::int AS received,
              coalesce(sum(c.referrals) FILTER (WHERE c.box = 'SENT'), 0)::int AS sent,
              coalesce(sum(c.referrals) FILTER (WHERE c.box = 'DRAFTS'), 0)::int AS drafts,
              (SELECT count(*) FROM referral r
                WHERE r.to_agency_id = :agencyId AND r.status IN ('SENT', 'ACKNOWLEDGED')
                  AND r.sent_at IS NOT NULL AND r.response_due_at > :now
                  AND ${CONSENT_LIVE_SQL})::int AS awaiting,
              (coalesce(sum(c.referrals) FILTER (WHERE c.box = 'RECEIVED' AND c.status IN ('ACCEPTED', 'IN_PROGRESS')), 0)
                - (SELECT count(*) FROM referral r
                    WHERE r.to_agency_id = :agencyId AND r.status IN ('ACCEPTED', 'IN_PROGRESS')
                      AND r.sent_at IS NOT NULL AND r.response_due_at >= :now))::int AS late
         FROM referral_box_count c
        WHERE c.agency_id = :agencyId`,
      { agencyId, now },
    );
    const receivedReadable = readable(other, agencyId, true);
    return {
      received: receivedReadable ? row.received : 0,
      sent: readable(agencyId, other, true) ? row.sent : 0,
      needsAction: receivedReadable ? row.awaiting + row.late : 0,
      drafts: readable(agencyId, other, false) ? row.drafts : 0,
    };
  }

  /**
   * `:agencyId` is the caller's agency, `:now` the clock. A referral never sent is in DRAFTS only:
   * the sender's own business.
   */
  private boxSql(box: ReferralBox): string {
    switch (box) {
      case ReferralBox.RECEIVED:
        return `(r.to_agency_id = :agencyId AND r.sent_at IS NOT NULL)`;
      case ReferralBox.SENT:
        return `(r.from_agency_id = :agencyId AND r.sent_at IS NOT NULL)`;
      case ReferralBox.DRAFTS:
        return `(r.from_agency_id = :agencyId AND r.sent_at IS NULL)`;
      case ReferralBox.NEEDS_ACTION:
        return `(r.to_agency_id = :agencyId AND r.status IN ('SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS') AND (
          ${STATUS_SQL} IN ('SENT', 'ACKNOWLEDGED')
          OR (r.status IN ('ACCEPTED', 'IN_PROGRESS') AND r.response_due_at IS NOT NULL AND r.response_due_at < ${NOW_SQL})))`;
    }
  }

  /** Inserts with the id createOnce chose; answers the stored row, consent_live included, in one statement. */
  async insert(tx: Tx, id: string, referral: NewReferral, now: Date): Promise<ReferralRow> {
    const result = await tx
      .createQueryBuilder(ReferralEntity, 'r')
      .insert()
      .values({ id, ...referral })
      .returning(`*, ${CONSENT_LIVE_SQL} AS consent_live`)
      .setParameter('now', now)
      .execute();
    const [entity] = returnedEntities(tx, ReferralEntity, result.raw);
    return withConsentLive(entity, (result.raw as Record<string, unknown>[])[0]);
  }

  /** Referrals the caller may see (the policy's read rules as the WHERE), with consent_live at `now`. */
  private visible(scope: AccessScope, now: Date, tx: Tx) {
    const access = accessWhere(scope.ability, 'read', 'Referral', REFERRAL_SQL);
    return tx
      .createQueryBuilder(ReferralEntity, 'r')
      .addSelect(CONSENT_LIVE_SQL, 'consent_live')
      .where(access.sql, { ...access.params, now });
  }
}
