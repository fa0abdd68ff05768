import { Global, Module } from '@nestjs/common';
import { AuditWriter } from './audit-writer';

/** The audit writer, available to every domain. */
@Global()
@Module({ providers: [AuditWriter], exports: [AuditWriter] })
export class AuditModule {}
