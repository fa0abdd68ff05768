import { Module } from '@nestjs/common';
import { WORKFLOW_AUDIT } from '@hub/workflow';
import { AuditWriter } from './audit-writer';

/**
 * The audit writer alone (also the workflow kernel's audit port): what a process that changes
 * records without serving queries needs (the worker's time-based rules). AuditModule re-exports it.
 */
@Module({
  providers: [
    AuditWriter,
    // The workflow kernel's audit port is this writer (platform knows no domain).
    { provide: WORKFLOW_AUDIT, useExisting: AuditWriter },
  ],
  exports: [AuditWriter, WORKFLOW_AUDIT],
})
export class AuditWriterModule {}
