export * from './actor';
export * from './policy';
export * from './authz.service';
export * from './authz.module';
export * from './access';
export * from './authz.guard';
export * from './survivor-data';
export * from './rules-to-sql';
