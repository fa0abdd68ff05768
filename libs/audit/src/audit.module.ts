import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ConfigModule } from '@hub/config';
import { auditConfig } from './audit.config';
import { AuditQueryService } from './audit-query.service';
import { AuditSealScheduler } from './audit-seal.scheduler';
import { AuditSealService } from './audit-seal.service';
import { AuditWriterModule } from './audit-writer.module';
import { AuditResolver } from './audit.resolver';
import { SignInInterceptor } from './sign-in.interceptor';

/** The audit writer (for every domain), sealing, sign-in records and the audit queries. */
@Global()
@Module({
  imports: [ConfigModule.forFeature(auditConfig), AuditWriterModule],
  providers: [
    AuditSealService,
    AuditSealScheduler,
    AuditQueryService,
    AuditResolver,
    { provide: APP_INTERCEPTOR, useClass: SignInInterceptor },
  ],
  // The AuthzGuard records the refusals it makes through the one writer.
  exports: [AuditWriterModule, AuditSealService],
})
export class AuditModule {}
