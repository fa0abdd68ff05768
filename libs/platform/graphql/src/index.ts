export * from './graphql.config';
export * from './errors';
export * from './pagination';
export * from './graphql-options';
export * from './validation.pipe';
export * from './graphiql.module';
export * from './request-loaders';
