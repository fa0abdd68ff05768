export * from './logging.config';
export * from './logging.module';
export * from './redaction';
