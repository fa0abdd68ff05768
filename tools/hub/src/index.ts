// What other workspace tools (tools/bench) reuse: finding PostgreSQL and running the workspace's entry points.
export * from './postgres-server';
export * from './processes';
