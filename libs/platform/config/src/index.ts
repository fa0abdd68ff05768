export * from './config-definition';
export * from './config.module';
export * from './clock';
