import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessScope, Can } from '@hub/access';
import { Connection } from '@hub/graphql';
import {
  AuditCsvArgs,
  AuditEventConnection,
  AuditEventRecord,
  AuditEventsArgs,
  AuditVerification,
  VerifyAuditArgs,
} from './audit-event.model';
import { AuditQueryService } from './audit-query.service';

@Resolver(() => AuditEventRecord)
export class AuditResolver {
  constructor(private readonly service: AuditQueryService) {}

  @Can('read', 'AuditEvent')
  @Query(() => AuditEventConnection, {
    description: "Audit events, newest first: an agency admin sees their agency's; an auditor sees all",
  })
  auditEvents(
    @Access() scope: AccessScope,
    @Args() args: AuditEventsArgs,
  ): Promise<Connection<AuditEventRecord>> {
    return this.service.list(scope, args.filter, args.first, args.after);
  }

  @Can('verify', 'AuditTrail')
  @Query(() => String, {
    description: 'Auditor: the audit events as CSV (RFC 4180), newest first, at most 10,000',
  })
  auditEventsCsv(@Access() scope: AccessScope, @Args() args: AuditCsvArgs): Promise<string> {
    return this.service.csv(scope, args.filter, args.limit);
  }

  @Can('verify', 'AuditTrail')
  @Query(() => AuditVerification, {
    description:
      'Auditor: seal what is unsealed, then check every event, seal and link; pass a kept anchor to detect a rewritten chain',
  })
  verifyAuditTrail(@Access() scope: AccessScope, @Args() args: VerifyAuditArgs): Promise<AuditVerification> {
    return this.service.verify(scope, args.anchor);
  }
}
