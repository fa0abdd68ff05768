export * from './demo-agencies';
export * from './demo-users';
export * from './demo-resources';
