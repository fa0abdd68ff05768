import { CreateAuditEvent1763790000000 } from './1763790000000-create-audit-event';
import { AuditTrailIntegrity1763860000000 } from './1763860000000-audit-trail-integrity';
import { UnambiguousAuditHash1763880000000 } from './1763880000000-unambiguous-audit-hash';
import { AuditSealHorizon1765400000000 } from './1765400000000-audit-seal-horizon';

export const auditMigrations = [
  CreateAuditEvent1763790000000,
  AuditTrailIntegrity1763860000000,
  UnambiguousAuditHash1763880000000,
  AuditSealHorizon1765400000000,
];
