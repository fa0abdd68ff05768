export * from './protocols.module';
export { protocolsMigrations } from './migrations';

/** Tables this lib owns, gathered by the app. */
export const protocolsEntities = [];
