export * from './database.config';
export * from './snake-naming.strategy';
export * from './data-source-options';
export * from './database.module';
export * from './provisioning';
export * from './connect';
export * from './postgres-errors';
export * from './transaction';
export { databaseMigrations } from './migrations';
