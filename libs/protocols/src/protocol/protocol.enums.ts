import { registerEnumType } from '@nestjs/graphql';

export enum ProtocolCategory {
  REFERRAL = 'REFERRAL',
  SCREENING = 'SCREENING',
  RESPONSE = 'RESPONSE',
  INFORMATION_SHARING = 'INFORMATION_SHARING',
  MOU = 'MOU',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}
registerEnumType(ProtocolCategory, {
  name: 'ProtocolCategory',
  description: 'What a task-force protocol governs (MOU: a memorandum of understanding)',
});

export enum ProtocolState {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProtocolState, {
  name: 'ProtocolState',
  description:
    'DRAFT: never published (coordinators only); PUBLISHED: a version is in force; ARCHIVED: the whole protocol is withdrawn',
});

export enum ProtocolVersionState {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  SUPERSEDED = 'SUPERSEDED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProtocolVersionState, {
  name: 'ProtocolVersionState',
  description:
    'DRAFT → PUBLISHED → SUPERSEDED (a newer version was published); ARCHIVED with the whole protocol. A published version never changes.',
});
