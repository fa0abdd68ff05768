import { CreateProtocols1763830000000 } from './1763830000000-create-protocols';

export const protocolsMigrations = [CreateProtocols1763830000000];
