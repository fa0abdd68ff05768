// Preload for running the TypeScript sources directly (npm start, migrate, seed, dev-idp):
// SWC transpiles (with decorator metadata), tsconfig-paths maps the `@hub/*` aliases.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
process.env.TS_NODE_PROJECT ??= path.join(root, 'tools/hub/tsconfig.lib.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('reflect-metadata');
require('ts-node').register({ swc: true, transpileOnly: true, project: process.env.TS_NODE_PROJECT });
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
