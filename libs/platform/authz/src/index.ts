export * from './actor';
export * from './authz.service';
export * from './authz.module';
export * from './access';
export * from './authz.guard';
export * from './rules-to-sql';
export * from './can.decorator';
