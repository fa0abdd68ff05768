import { CreateProtocols1763830000000 } from './1763830000000-create-protocols';
import { ProtocolsOnWorkflow1763915000000 } from './1763915000000-protocols-on-workflow';

export const protocolsMigrations = [CreateProtocols1763830000000, ProtocolsOnWorkflow1763915000000];
