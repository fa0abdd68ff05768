import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ConfigModule } from '@hub/config';
import { WORKFLOW_AUDIT } from '@hub/workflow';
import { auditConfig } from './audit.config';
import { AuditQueryService } from './audit-query.service';
import { AuditSealScheduler } from './audit-seal.scheduler';
import { AuditSealService } from './audit-seal.service';
import { AuditWriter } from './audit-writer';
import { AuditResolver } from './audit.resolver';
import { SignInInterceptor } from './sign-in.interceptor';

/** The audit writer (for every domain), sealing, sign-in records and the audit queries. */
@Global()
@Module({
  imports: [ConfigModule.forFeature(auditConfig)],
  providers: [
    AuditWriter,
    // The AuthzGuard records the refusals it makes through the one writer.
    AuditSealService,
    AuditSealScheduler,
    AuditQueryService,
    AuditResolver,
    { provide: APP_INTERCEPTOR, useClass: SignInInterceptor },
    // The workflow kernel's audit port is this writer (platform knows no domain).
    { provide: WORKFLOW_AUDIT, useExisting: AuditWriter },
  ],
  exports: [AuditWriter, AuditSealService, WORKFLOW_AUDIT],
})
export class AuditModule {}
