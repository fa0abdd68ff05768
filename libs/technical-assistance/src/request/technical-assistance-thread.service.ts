import { Injectable } from '@nestjs/common';
import { AccessScope } from '@hub/access';
import { MessageThread, RecordMessage, RecordWorkflow } from '@hub/workflow';
import { named, SUBJECT, TechnicalAssistanceRecordType } from './technical-assistance-record-type';
import { AddTechnicalAssistanceMessageInput } from './technical-assistance.input';
import { TechnicalAssistanceMessage } from './technical-assistance.model';

/**
 * A request's thread, open to every party whatever the status (follow-up after closing): posts go
 * through the workflow kernel (the `message` action guarded, the message, its audit row and the
 * notices in one transaction). No survivor personal data.
 */
@Injectable()
export class TechnicalAssistanceThreadService {
  constructor(
    private readonly recordType: TechnicalAssistanceRecordType,
    private readonly workflow: RecordWorkflow,
    private readonly thread: MessageThread,
  ) {}

  async addMessage(
    scope: AccessScope,
    input: AddTechnicalAssistanceMessageInput,
  ): Promise<TechnicalAssistanceMessage> {
    const message = await this.workflow.post(this.recordType, scope, {
      id: input.requestId,
      body: input.body.trim(),
      auditAction: 'ADD_TECHNICAL_ASSISTANCE_MESSAGE',
      notice: (current) => ({
        eventType: 'TA_MESSAGE_ADDED',
        message: `New message on a technical-assistance request: ${named(current)}.`,
      }),
    });
    return toMessageModel(message);
  }

  /** Messages of each request, in key order (for a per-request DataLoader). */
  async messagesOf(requestIds: readonly string[]): Promise<TechnicalAssistanceMessage[][]> {
    const groups = await this.thread.messagesOf(SUBJECT, requestIds);
    return groups.map((group) => group.map(toMessageModel));
  }
}

function toMessageModel(message: RecordMessage): TechnicalAssistanceMessage {
  return {
    id: message.id,
    requestId: message.subjectId,
    authorUserId: message.authorUserId,
    authorAgencyId: message.authorAgencyId,
    body: message.body,
    createdAt: message.createdAt,
  };
}
