#!/usr/bin/env node
'use strict';
/**
 * Makes the package.json that `nx build api` generates installable on its own with
 * `npm install --omit=dev` (docker/api.Dockerfile, runtime stage):
 *
 * - Nx drops root `overrides` entries whose key is a direct dependency of the app (e.g.
 *   `@nestjs/apollo` → `@apollo/server`, shared/STACK.md pitfall 2); without it npm stops on a
 *   peer conflict whenever it has to resolve the tree again. Nested overrides are put back, with
 *   `$name` references replaced by concrete versions (npm resolves `$name` only against direct
 *   dependencies).
 * - TypeORM loads `pg` dynamically, so webpack never sees it (pitfall 6); add it if missing.
 *
 * Usage: node docker/scripts/prepare-runtime-package.cjs dist/apps/api   (from the workspace root)
 */
const fs = require('node:fs');
const path = require('node:path');

const outDir = process.argv[2] || 'dist/apps/api';
const fail = (message) => {
  console.error(`prepare-runtime-package: ${message}`);
  process.exit(1);
};

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const root = readJson('package.json');
const pkgFile = path.join(outDir, 'package.json');
if (!fs.existsSync(path.join(outDir, 'main.js'))) fail(`${outDir}/main.js is missing: did the build run?`);
if (!fs.existsSync(pkgFile))
  fail(`${pkgFile} is missing: enable generatePackageJson in the api webpack config`);
const pkg = readJson(pkgFile);
pkg.dependencies = pkg.dependencies || {};

const rootVersions = { ...root.devDependencies, ...root.dependencies };
/** The version installed in the workspace (what the lockfile chose), else the root's range. */
const installedVersion = (name) => {
  const file = path.join('node_modules', name, 'package.json');
  return fs.existsSync(file) ? readJson(file).version : rootVersions[name];
};
const resolveRefs = (value) => {
  if (typeof value === 'string') {
    if (!value.startsWith('$')) return value;
    const name = value.slice(1);
    const version = pkg.dependencies[name] || installedVersion(name);
    if (!version) fail(`override reference ${value} names no dependency of the root package.json`);
    return version;
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolveRefs(inner)]));
};

const overrides = { ...(pkg.overrides || {}) };
for (const [name, value] of Object.entries(root.overrides || {})) {
  if (name in overrides) continue;
  const direct = name in pkg.dependencies;
  // A string override (or ".") on a direct dependency is an npm EOVERRIDE error: leave those out.
  if (direct && (typeof value === 'string' || '.' in value)) continue;
  overrides[name] = resolveRefs(value);
}
if (Object.keys(overrides).length > 0) pkg.overrides = overrides;

if (!pkg.dependencies.pg && rootVersions.pg) {
  console.warn('prepare-runtime-package: adding pg (list it in the webpack runtimeDependencies)');
  pkg.dependencies.pg = installedVersion('pg');
}

fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`prepare-runtime-package: ${pkgFile} has ${Object.keys(pkg.dependencies).length} dependencies`);
