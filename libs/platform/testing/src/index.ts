export * from './test-database';
export * from './test-idp';
export * from './test-hub';
export * from './query-plan';
export * from './watermark';
export * from './nothing-changed';
export * from './production-bundle';
