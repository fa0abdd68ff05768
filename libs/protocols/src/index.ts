import {
  ProtocolAcknowledgementEntity,
  ProtocolEntity,
  ProtocolVersionEntity,
} from './protocol/protocol.entity';

export * from './protocols.module';
export { protocolsMigrations } from './migrations';
export { ProtocolCategory, ProtocolState, ProtocolVersionState } from './protocol/protocol.enums';
export { ProtocolService } from './protocol/protocol.service';
export { ProtocolReminders } from './protocol/protocol-reminders';
export { protocolNoticeFactsSql } from './protocol/protocol-notice-facts';
export { renderProtocolMarkdown } from './markdown/protocol-markdown';

/** Tables this lib owns, gathered by the app. */
export const protocolsEntities = [ProtocolEntity, ProtocolVersionEntity, ProtocolAcknowledgementEntity];
