import { CreateAuditEvent1763790000000 } from './1763790000000-create-audit-event';

export const auditMigrations = [CreateAuditEvent1763790000000];
