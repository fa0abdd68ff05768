import { AuditEventEntity } from './audit-event.entity';

export * from './audit-writer';
export * from './audit-writer.module';
export * from './audit.module';
export * from './audit.config';
export { AuditSealService, type AuditAnchor, type VerificationReport } from './audit-seal.service';
export { auditMigrations } from './migrations';

/** Tables this lib owns, gathered by the app. */
export const auditEntities = [AuditEventEntity];
