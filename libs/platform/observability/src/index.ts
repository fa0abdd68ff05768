export * from './error-serializer';
export * from './logger-options';
export * from './logging.config';
export * from './logging.module';
export * from './redaction';
export * from './process-log';
export * from './create-logged-app';
