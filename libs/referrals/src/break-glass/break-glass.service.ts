import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditWriter } from '@hub/audit';
import { rulesToSql } from '@hub/authz';
import { AccessScope, purposeOf, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { AccessGrantService, DataClass } from '@hub/consents';
import { Transactions } from '@hub/database';
import {
  BadUserInputError,
  Connection,
  decodeTimeCursor,
  encodeTimeCursor,
  DEFAULT_PAGE_SIZE,
  ForbiddenError,
  NotFoundError,
  PageArgs,
} from '@hub/graphql';
import { NotificationPublisher } from '@hub/notifications';
import { breakGlassConfig, BreakGlassConfig } from './break-glass.config';
import { BreakGlassSession, OpenBreakGlassInput } from './break-glass.model';

/** What a break-glass opens: enough to reach and protect the survivor. */
const SAFETY_CLASSES = [DataClass.IDENTITY, DataClass.CONTACT];

type Row = Record<string, unknown>;

/**
 * Break-glass (DESIGN.md §4): a supervisor of an agency party to a referral about a survivor
 * opens identity and contact for an imminent danger — time-boxed, reasoned, audited, the
 * owning agency notified; never for law enforcement. Each use stays listed for review.
 */
@Injectable()
export class BreakGlassService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grants: AccessGrantService,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationPublisher,
    private readonly clock: Clock,
    @Inject(breakGlassConfig.token) private readonly config: BreakGlassConfig,
  ) {}

  async open(scope: AccessScope, input: OpenBreakGlassInput): Promise<BreakGlassSession> {
    const { actor, ability } = scope;
    const now = this.clock.now();
    const facts = await this.grants.survivorFacts(this.transactions.reader, input.survivorId);
    const parties = facts ? await this.referralParties(input.survivorId) : [];
    // An agency that is not party to a referral about the record does not know it exists.
    if (!facts || !actor.agencyId || !parties.includes(actor.agencyId))
      throw new NotFoundError('Survivor', input.survivorId);
    const record = {
      id: input.survivorId,
      ownerAgencyId: facts.ownerAgencyId,
      minor: false,
      liveGrants: [],
      referralPartyAgencyIds: parties,
    };
    if (!ability.can('openBreakGlass', subject('Survivor', record))) {
      await this.audit.recordDenied({
        actor,
        action: 'BREAK_GLASS',
        subjectType: 'Survivor',
        subjectId: input.survivorId,
        reason: input.reason.trim(),
        subjectAgencyIds: [facts.ownerAgencyId, actor.agencyId],
      });
      throw new ForbiddenError(
        'Only a supervisor of a party agency, never law enforcement, may break the glass',
      );
    }
    const reason = input.reason.trim();
    if (reason.length < 20) {
      throw new BadUserInputError('Invalid input', [
        { field: 'reason', message: 'must describe the danger (at least 20 characters)' },
      ]);
    }
    const expiresAt = new Date(now.getTime() + this.config.BREAK_GLASS_MINUTES * 60_000);
    return this.transactions.run(async (tx) => {
      const [row] = (await tx.query(
        `INSERT INTO break_glass (survivor_id, owner_agency_id, agency_id, opened_by, reason, opened_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [input.survivorId, facts.ownerAgencyId, actor.agencyId, actor.userId, reason, now, expiresAt],
      )) as Row[];
      await this.grants.grant(tx, {
        basis: 'BREAK_GLASS',
        sourceId: row.id as string,
        survivorId: input.survivorId,
        agencyId: actor.agencyId as string,
        classes: [...SAFETY_CLASSES],
        purposes: [purposeOf(actor.agencyType)],
        validFrom: now,
        validUntil: expiresAt,
      });
      await this.audit.record(tx, {
        actor,
        action: 'BREAK_GLASS',
        subjectType: 'Survivor',
        subjectId: input.survivorId,
        fields: [...SAFETY_CLASSES],
        purpose: purposeOf(actor.agencyType),
        decision: 'ALLOWED',
        reason,
        subjectAgencyIds: [facts.ownerAgencyId, actor.agencyId],
      });
      if (facts.ownerAgencyId !== actor.agencyId) {
        await this.notifications.publish(tx, {
          agencyIds: [facts.ownerAgencyId],
          eventType: 'BREAK_GLASS',
          subjectType: 'Survivor',
          subjectId: input.survivorId,
          message: `Break-glass access to survivor ${facts.reference} was opened by a partner agency supervisor; review it.`,
        });
      }
      return toSession(row);
    });
  }

  /** Uses for review: the owning agency's and the opener's admins, and auditors. */
  async list(scope: AccessScope, args: PageArgs): Promise<Connection<BreakGlassSession>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [];
    const where: string[] = [];
    if (args.after) {
      const { at, id } = decodeTimeCursor(args.after);
      params.push(at, id);
      where.push(`(b.opened_at, b.id) < ($1::timestamptz, $2::uuid)`);
    }
    const access = rulesToSql(
      scope.ability,
      'read',
      'BreakGlass',
      {
        fields: {
          ownerAgencyId: { sql: 'b.owner_agency_id', kind: 'scalar' },
          agencyId: { sql: 'b.agency_id', kind: 'scalar' },
        },
      },
      params.length + 1,
    );
    where.push(access.sql);
    params.push(...access.params);
    const rows: Row[] = await this.dataSource.query(
      `SELECT b.*, to_char(b.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
         FROM break_glass b WHERE ${where.join(' AND ')}
        ORDER BY b.opened_at DESC, b.id DESC LIMIT ${first + 1}`,
      params,
    );
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({
      cursor: encodeTimeCursor(row.cursor_at as string, row.id as string),
      node: toSession(row),
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** Agencies that sent or received a (sent) referral about this survivor. */
  private async referralParties(survivorId: string): Promise<string[]> {
    const rows: { agency_id: string }[] = await this.dataSource.query(
      `SELECT from_agency_id AS agency_id FROM referral WHERE survivor_id = $1 AND response_due_at IS NOT NULL
       UNION SELECT to_agency_id FROM referral WHERE survivor_id = $1 AND response_due_at IS NOT NULL`,
      [survivorId],
    );
    return rows.map((row) => row.agency_id);
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
  };
}
