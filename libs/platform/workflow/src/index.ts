import { CreateOnce } from './create-once';
import { EventLog } from './event-log';
import { MessageThread } from './message-thread';
import { RecordWorkflow } from './record-workflow';
import { Refusals } from './refusals';

export * from './lifecycle';
export * from './ports';
export * from './event-log';
export * from './message-thread';
export * from './create-once';
export * from './record-workflow';
export * from './offered-actions';
export { Refusals } from './refusals';
export * from './workflow.entities';
export { workflowMigrations } from './migrations';

/**
 * The kernel's providers, for a domain module's `providers` (docs/workflow.md). They inject
 * WORKFLOW_AUDIT and WORKFLOW_NOTIFIER, bound by the audit and notifications modules.
 */
export const workflowProviders = [RecordWorkflow, Refusals, EventLog, MessageThread, CreateOnce];
