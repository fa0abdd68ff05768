import { CreateProtocols1763830000000 } from './1763830000000-create-protocols';
import { ProtocolsOnWorkflow1763915000000 } from './1763915000000-protocols-on-workflow';
import { ProtocolReviewIndex1765100300000 } from './1765100300000-protocol-review-index';

export const protocolsMigrations = [
  CreateProtocols1763830000000,
  ProtocolsOnWorkflow1763915000000,
  ProtocolReviewIndex1765100300000,
];
