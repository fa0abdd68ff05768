import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessWhere, ActorFacts, SqlSubjectMap } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { allOf, namedQuery, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';

/** What a verified token says about its user, as the sightings keep it. */
export interface Sighting {
  userId: string;
  agencyId: string;
  username: string;
  name: string | null;
  email: string | null;
  roles: string[];
}

/** A user as the hub saw them, with their suspension for that agency if any. */
export interface AgencyUserRow extends Sighting {
  firstSeenAt: Date;
  lastSeenAt: Date;
  suspendedAt: Date | null;
  suspensionReason: string | null;
}

/** The facts the policy needs about a caller, and the hub's last sighting of them (to refresh it cheaply). */
export interface CallerFacts extends ActorFacts {
  lastSighting: (Sighting & { lastSeenAt: Date }) | null;
}

/** The users list pages by username, then row id (agency_user_agency_username_idx, after agency_id). */
const BY_USERNAME = new Keyset(
  [
    { sql: 'u.username', kind: 'text' },
    { sql: 'u.id', kind: 'uuid' },
  ],
  'ASC',
);

/** The policy's AgencyUser fields as SQL on `agency_user u`. */
const AGENCY_USER_SQL: SqlSubjectMap = {
  fields: {
    userId: { sql: 'u.user_id', kind: 'scalar' },
    agencyId: { sql: 'u.agency_id', kind: 'scalar' },
  },
};

/** A sighting's columns under the names of `Sighting` (the rows need no mapping). */
const SIGHTING = `u.agency_id AS "agencyId", u.username, u.name, u.email, u.roles`;
const COLUMNS = `u.user_id AS "userId", ${SIGHTING}, u.first_seen_at AS "firstSeenAt", u.last_seen_at AS "lastSeenAt",
  s.suspended_at AS "suspendedAt", s.reason AS "suspensionReason"`;
const FROM = `agency_user u LEFT JOIN agency_user_suspension s ON s.user_id = u.user_id AND s.agency_id = u.agency_id`;

/** Every query on the users the hub has seen and their suspensions. */
@Injectable()
export class AgencyUserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One primary-key lookup per request: the agency (registered? active? its type and task forces),
   * whether this user is suspended for it, and the last sighting of the user.
   */
  async callerFacts(agencyId: string, userId: string): Promise<CallerFacts> {
    type FactsRow = Omit<CallerFacts, 'agencyRegistered' | 'lastSighting'> &
      Omit<Sighting, 'userId'> & { lastSeenAt: Date | null };
    const rows = await namedQuery<FactsRow>(
      this.dataSource.manager,
      `SELECT a.type AS "agencyType", a.deactivated_at IS NOT NULL AS "agencyDeactivated",
              ARRAY(SELECT m.task_force_id::text FROM task_force_membership m WHERE m.agency_id = a.id
                     ORDER BY m.task_force_id) AS "taskForceIds",
              EXISTS (SELECT 1 FROM agency_user_suspension s WHERE s.user_id = :userId AND s.agency_id = a.id)
                AS "userSuspended",
              ${SIGHTING}, u.last_seen_at AS "lastSeenAt"
         FROM agency a LEFT JOIN agency_user u ON u.user_id = :userId
        WHERE a.id = :agencyId`,
      { agencyId, userId },
      // Every signed-in request runs it.
      { prepare: true },
    );
    if (rows.length === 0)
      return { agencyRegistered: false, agencyType: null, taskForceIds: [], lastSighting: null };
    const { agencyType, taskForceIds, agencyDeactivated, userSuspended, lastSeenAt, ...seen } = rows[0];
    return {
      agencyRegistered: true,
      agencyType,
      taskForceIds,
      agencyDeactivated,
      userSuspended,
      lastSighting: lastSeenAt === null ? null : { ...seen, userId, lastSeenAt },
    };
  }

  /** Records that the hub saw this user now (one upsert; the user's first sighting is kept). */
  async sight(user: Sighting, now: Date): Promise<void> {
    await namedQuery(
      this.dataSource.manager,
      `INSERT INTO agency_user (user_id, agency_id, username, name, email, roles, first_seen_at, last_seen_at)
       VALUES (:userId, :agencyId, :username, :name, :email, :roles, :now, :now)
       ON CONFLICT (user_id) DO UPDATE SET agency_id = EXCLUDED.agency_id, username = EXCLUDED.username,
         name = EXCLUDED.name, email = EXCLUDED.email, roles = EXCLUDED.roles, last_seen_at = EXCLUDED.last_seen_at`,
      { ...user, now },
    );
  }

  /** One page of an agency's users the caller may see (the policy's read rule as SQL). */
  async list(scope: AccessScope, agencyId: string, args: PageArgs): Promise<Connection<AgencyUserRow>> {
    const page = BY_USERNAME.page(args);
    const where = allOf(
      { sql: 'u.agency_id = :agencyId', params: { agencyId } },
      accessWhere(scope.ability, 'read', 'AgencyUser', AGENCY_USER_SQL),
      page.after,
    );
    const rows = await namedQuery<AgencyUserRow & Record<string, unknown>>(
      this.dataSource.manager,
      `SELECT ${COLUMNS}, ${page.select} FROM ${FROM} WHERE ${where.sql} ORDER BY ${page.orderBy} LIMIT :limit`,
      { ...where.params, limit: page.limit },
    );
    // The cursor columns are the connection's business, not the user's.
    return BY_USERNAME.connection(
      rows,
      page,
      ({ keyset_0: _name, keyset_1: _id, ...user }) => user as AgencyUserRow,
    );
  }

  /** The user if the caller may see them, else null. */
  async findVisible(
    scope: AccessScope,
    userId: string,
    tx: Tx = this.dataSource.manager,
  ): Promise<AgencyUserRow | null> {
    const access = accessWhere(scope.ability, 'read', 'AgencyUser', AGENCY_USER_SQL);
    const rows = await namedQuery<AgencyUserRow>(
      tx,
      `SELECT ${COLUMNS} FROM ${FROM} WHERE u.user_id = :userId AND ${access.sql}`,
      { ...access.params, userId },
    );
    return rows[0] ?? null;
  }

  /** Suspends the user for the agency; false when they already were. */
  async suspend(
    tx: Tx,
    suspension: { userId: string; agencyId: string; at: Date; by: string; reason: string },
  ): Promise<boolean> {
    const inserted = await namedQuery(
      tx,
      `INSERT INTO agency_user_suspension (user_id, agency_id, suspended_at, suspended_by, reason)
       VALUES (:userId, :agencyId, :at, :by, :reason) ON CONFLICT DO NOTHING RETURNING user_id`,
      suspension,
    );
    return inserted.length === 1;
  }

  /** Lifts the user's suspension for the agency; false when there was none. */
  async reinstate(tx: Tx, userId: string, agencyId: string): Promise<boolean> {
    const deleted = await namedQuery(
      tx,
      `DELETE FROM agency_user_suspension WHERE user_id = :userId AND agency_id = :agencyId RETURNING user_id`,
      { userId, agencyId },
    );
    return deleted.length === 1;
  }
}
