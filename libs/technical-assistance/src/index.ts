export * from './technical-assistance.module';
export { technicalAssistanceMigrations } from './migrations';

/** Tables this lib owns, gathered by the app. */
export const technicalAssistanceEntities = [];
