import type { SqlSubjectMap } from '@hub/authz';
import { NOW_SQL } from '@hub/database';
import type { PolicyRecords } from '@hub/access';
import type { ConsentGrantEntity } from '../consent/consent.entity';

export type SurvivorRecord = PolicyRecords['Survivor'];
export type LiveGrant = SurvivorRecord['liveGrants'][number];

// The SQL below reads the clock as `:now` (NOW_SQL): the statement binds the same reading as the
// in-memory twins are given, so one request judges one moment.

/** SQL for "this survivor is a minor at `:now`": the flag, or a date of birth under 18. */
export function minorSql(alias: string): string {
  return `(${alias}.minor OR (${alias}.date_of_birth IS NOT NULL AND ${alias}.date_of_birth > (${NOW_SQL} AT TIME ZONE 'UTC' - interval '18 years')::date))`;
}

/** The same rule in memory. */
export function isMinorAt(record: { minor: boolean; dateOfBirth: string | null }, now: Date): boolean {
  if (record.minor) return true;
  if (!record.dateOfBirth) return false;
  const [year, month, day] = record.dateOfBirth.split('-').map(Number);
  const eighteenth = Date.UTC(year + 18, month - 1, day);
  return now.getTime() < eighteenth;
}

/** SQL for "this grant row is live at `:now`". */
export function liveGrantSql(alias: string): string {
  return `(${alias}.revoked_at IS NULL AND ${alias}.valid_from <= ${NOW_SQL} AND ${alias}.valid_until > ${NOW_SQL})`;
}

export function isLiveAt(
  grant: { revokedAt: Date | null; validFrom: Date; validUntil: Date },
  now: Date,
): boolean {
  return (
    grant.revokedAt === null &&
    grant.validFrom.getTime() <= now.getTime() &&
    grant.validUntil.getTime() > now.getTime()
  );
}

const sqlMaps = new Map<string, SqlSubjectMap>();

/**
 * The consents domain's query scope: how the policy's Survivor conditions read in SQL for a
 * survivor row aliased `alias`, live grants at `:now`. Other domains (referrals) join survivors
 * through this, so a revocation or expiry cuts access at once on every path. One map per alias,
 * made once: the access WHERE compiled over it is kept with it (accessWhere).
 */
export function survivorSqlMap(alias: string): SqlSubjectMap {
  let map = sqlMaps.get(alias);
  if (!map) {
    map = sqlMapOf(alias);
    sqlMaps.set(alias, map);
  }
  return map;
}

function sqlMapOf(alias: string): SqlSubjectMap {
  return {
    fields: {
      id: { sql: `${alias}.id`, kind: 'scalar' },
      ownerAgencyId: { sql: `${alias}.owner_agency_id`, kind: 'scalar' },
      minor: { sql: minorSql(alias), kind: 'scalar' },
      // A query reads records directly, never through a referral (the policy's sharedClasses).
      sharedClasses: { sql: 'NULL::text[]', kind: 'array', nullAs: 'missing' },
    },
    collections: {
      liveGrants: {
        exists: (inner: string) =>
          `EXISTS (SELECT 1 FROM consent_grant lg WHERE lg.survivor_id = ${alias}.id AND ${liveGrantSql('lg')} AND ${inner})`,
        fields: {
          agencyId: { sql: 'lg.agency_id', kind: 'scalar' },
          purposes: { sql: 'lg.purposes', kind: 'array' },
          classes: { sql: 'lg.data_classes', kind: 'array' },
          basis: { sql: 'lg.basis', kind: 'scalar' },
          userId: { sql: 'lg.user_id', kind: 'scalar' },
        },
      },
    },
  };
}

/** A grant row as the policy's Survivor record holds it. */
export function liveGrantRecord(grant: ConsentGrantEntity): LiveGrant {
  return {
    agencyId: grant.agencyId,
    purposes: grant.purposes,
    classes: grant.dataClasses,
    basis: grant.basis,
    userId: grant.userId,
  };
}

/**
 * The record the policy checks in memory, built from the row and its grants live at `now`;
 * `sharedClasses` when it is read through a referral (what that referral shares).
 */
export function survivorRecord(
  survivor: { id: string; ownerAgencyId: string; minor: boolean; dateOfBirth: string | null },
  liveGrants: LiveGrant[],
  now: Date,
  sharedClasses?: readonly string[],
): SurvivorRecord {
  return {
    id: survivor.id,
    ownerAgencyId: survivor.ownerAgencyId,
    minor: isMinorAt(survivor, now),
    liveGrants,
    ...(sharedClasses ? { sharedClasses: [...sharedClasses] } : {}),
  };
}

/**
 * SQL for "the consent `consentIdExpr` gives agency `agencyIdExpr` a live grant at `:now`": how
 * another domain (referrals) knows on read that a consent behind it was revoked or has ended.
 */
export function liveConsentGrantSql(consentIdExpr: string, agencyIdExpr: string): string {
  return `EXISTS (SELECT 1 FROM consent_grant cg WHERE cg.consent_id = ${consentIdExpr} AND cg.agency_id = ${agencyIdExpr} AND ${liveGrantSql('cg')})`;
}
