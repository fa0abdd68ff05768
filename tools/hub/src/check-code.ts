import { dirname, resolve } from 'node:path';
import { ESLint } from 'eslint';
import * as ts from 'typescript';
import { NX_ONE_SHOT, packageBin } from '@hub/testing';
import { ROOT, runCommand } from './processes';

/**
 * npm test's type check and lint in one process: the three TypeScript programs are built and
 * type-checked once, then handed to ESLint's type-aware rules (`parserOptions.programs`), which would
 * otherwise build the same three programs again (about 50 s of CPU of a fresh clone's run here).
 * What it reports is what `tsc --noEmit -p <each>` and `eslint .` report; `npm run typecheck` and
 * `npm run lint` stay for one of the two alone.
 *
 * The programs are the ones eslint.config.mjs names for its type-aware rules (`parserOptions.project`:
 * the Node tree, the web app, the browser tests), read from ESLint's own configuration.
 */

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (file) => file,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => '\n',
};

/** The program a tsconfig describes, and what `tsc --noEmit -p` would report about it. */
function checked(tsconfig: string): { program: ts.Program; diagnostics: readonly ts.Diagnostic[] } {
  const path = resolve(ROOT, tsconfig);
  const read = ts.readConfigFile(path, (file) => ts.sys.readFile(file));
  if (read.error) return { program: ts.createProgram([], {}), diagnostics: [read.error] };
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(path), undefined, path);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: { ...parsed.options, noEmit: true },
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: parsed.errors,
  });
  // getPreEmitDiagnostics includes the config file's own (configFileParsingDiagnostics), as tsc reports them.
  return { program, diagnostics: ts.getPreEmitDiagnostics(program) };
}

/** The tsconfigs eslint.config.mjs gives its type-aware rules, relative to the workspace. */
async function typedProjects(): Promise<string[]> {
  const config = (await new ESLint({ cwd: ROOT }).calculateConfigForFile(__filename)) as {
    languageOptions?: { parserOptions?: { project?: string[]; tsconfigRootDir?: string } };
  };
  const { project, tsconfigRootDir = ROOT } = config.languageOptions?.parserOptions ?? {};
  if (!Array.isArray(project) || project.length === 0) {
    throw new Error('eslint.config.mjs names no tsconfig for the type-aware rules (parserOptions.project)');
  }
  return project.map((tsconfig) => resolve(tsconfigRootDir, tsconfig).slice(ROOT.length + 1));
}

async function main(): Promise<number> {
  // @nx/enforce-module-boundaries reads the cached project graph and silently skips itself without
  // one (a fresh clone): computed beside the type checks, awaited before the lint.
  const graph = runCommand(
    process.execPath,
    [packageBin('nx'), 'show', 'projects', '--json'],
    NX_ONE_SHOT,
    'ignore',
  );
  let failed = false;
  const programs: ts.Program[] = [];
  for (const tsconfig of await typedProjects()) {
    const started = Date.now();
    const { program, diagnostics } = checked(tsconfig);
    programs.push(program);
    const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (diagnostics.length)
      process.stdout.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
    process.stdout.write(
      `[check] ${tsconfig}: ${errors.length ? `${errors.length} type error(s)` : 'no type errors'} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
    );
    if (errors.length) failed = true;
  }

  if ((await graph) !== 0) throw new Error('nx could not compute the project graph');
  // @nx/enforce-module-boundaries keeps the project graph it reads only when process.argv[1] is
  // ESLint's (or Nx's, or jest's) command line; anywhere else it assumes an editor and re-reads and
  // re-parses the graph for every file (≈ 10 s of CPU here). This process is a one-shot run like
  // ESLint's own command: it says so.
  process.argv[1] = resolve(ROOT, 'node_modules/eslint/bin/eslint.js');
  const started = Date.now();
  const eslint = new ESLint({
    cwd: ROOT,
    // Where eslint.config.mjs asks for type information: every .ts and .tsx file.
    overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parserOptions: { programs } } }],
  });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const report = await formatter.format(results);
  if (report) process.stdout.write(`${report}\n`);
  const errorCount = results.reduce((sum, result) => sum + result.errorCount + result.fatalErrorCount, 0);
  process.stdout.write(
    `[check] lint of ${results.length} files: ${errorCount ? `${errorCount} error(s)` : 'no errors'} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  return failed || errorCount > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
