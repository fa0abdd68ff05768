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
 * `RecordWorkflow` with what it injects: for a module that changes records through the runner but
 * creates none (the worker's sweeps). They inject WORKFLOW_AUDIT and WORKFLOW_NOTIFIER, bound by
 * the audit and notifications modules.
 */
export const recordWorkflowProviders = [RecordWorkflow, Refusals, EventLog, MessageThread];

/**
 * The whole kernel, for a domain module whose records have a lifecycle (docs/workflow.md). A module
 * that uses only some pieces lists those (consents: `Refusals`, `CreateOnce`).
 */
export const workflowProviders = [...recordWorkflowProviders, CreateOnce];
