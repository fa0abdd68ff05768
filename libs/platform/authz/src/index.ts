export * from './actor';
export * from './policy';
export * from './authz.service';
export * from './authz.module';
export * from './access';
export * from './authz.guard';
