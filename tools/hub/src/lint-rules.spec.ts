import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * Every probe is written on disk at once (type-aware rules need the file in its project) and
 * linted by ONE ESLint process with the real config (a child process: the flat config is an ES
 * module jest's VM cannot import) — one TypeScript program instead of one per probe. Probe files
 * are ignored by the workspace's own lint and format checks, which may run meanwhile
 * (`--no-ignore` lints them here).
 */
const PROBES = {
  ormInResolver: [
    'libs/agencies/src/agency/lint-probe.resolver.ts',
    "import { DataSource } from 'typeorm';\nexport const probe = DataSource;\n",
  ],
  domainImportsApp: [
    'libs/agencies/src/lint-probe-app.ts',
    "import { apiMigrations } from '../../../apps/api/src/app/migrations';\nexport const probe = apiMigrations;\n",
  ],
  platformImportsDomain: [
    'libs/platform/database/src/lint-probe.ts',
    "import { AgencyType } from '@hub/agencies';\nexport const probe = AgencyType;\n",
  ],
  platformImportsPolicy: [
    'libs/platform/authz/src/lint-probe.ts',
    "import { defineAbilityFor } from '@hub/access';\nexport const probe = defineAbilityFor;\n",
  ],
  policyImportsDomain: [
    'libs/access/src/lint-probe.ts',
    "import { AgencyType } from '@hub/agencies';\nexport const probe = AgencyType;\n",
  ],
  floatingPromise: [
    'libs/agencies/src/lint-probe-promise.ts',
    'async function work(): Promise<void> {}\nwork();\nexport {};\n',
  ],
  floatingPromiseInScreen: [
    'apps/web/src/screens/lint-probe-promise.tsx',
    'async function work(): Promise<number> {\n  return 1;\n}\nexport function Probe() {\n  work();\n  return null;\n}\n',
  ],
  focusedAndSkipped: [
    'libs/agencies/src/lint-probe.spec.ts',
    // Assembled, so this file itself holds no focused or skipped test for any checker to trip on.
    [`it.${'only'}('a', () => expect(1).toBe(1));`, `it.${'skip'}('b', () => expect(1).toBe(1));`].join(
      '\n',
    ) + '\n',
  ],
  literalText: [
    'apps/web/src/screens/lint-probe-text.tsx',
    [
      "import { useTranslation } from 'react-i18next';",
      'export function Probe() {',
      '  const { t } = useTranslation();',
      "  return (<><h1>{t('home.title')}</h1><p>Referral sent</p></>);",
      '}',
    ].join('\n') + '\n',
  ],
  mouseOnlyControl: [
    'apps/web/src/screens/lint-probe-mouse.tsx',
    [
      "import { useState } from 'react';",
      'export function Probe({ open }: { open: boolean }) {',
      '  if (open) useState(1);',
      '  return <span onClick={() => undefined} />;',
      '}',
    ].join('\n') + '\n',
  ],
  clean: ['libs/agencies/src/lint-probe-clean.ts', 'export const probe = 1;\n'],
} as const;
type Probe = keyof typeof PROBES;

async function lintProbes(): Promise<Record<Probe, string[]>> {
  const suffix = randomBytes(4).toString('hex');
  const files = Object.fromEntries(
    Object.entries(PROBES).map(([name, [path]]) => [
      name,
      path.replace('lint-probe', `lint-probe-${suffix}`),
    ]),
  ) as Record<Probe, string>;
  await Promise.all(
    (Object.keys(PROBES) as Probe[]).map((name) => writeFile(resolve(ROOT, files[name]), PROBES[name][1])),
  );
  try {
    const results = await lint(Object.values(files));
    return Object.fromEntries(
      (Object.keys(PROBES) as Probe[]).map((name) => [
        name,
        results.get(resolve(ROOT, files[name])) ?? ['missing'],
      ]),
    ) as Record<Probe, string[]>;
  } finally {
    await Promise.all(Object.values(files).map((file) => rm(resolve(ROOT, file), { force: true })));
  }
}

function lint(paths: string[]): Promise<Map<string, string[]>> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--no-ignore', '--format', 'json', ...paths],
      { cwd: ROOT },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', () => {
      try {
        const results = JSON.parse(out) as {
          filePath: string;
          messages: { ruleId: string | null; message: string }[];
        }[];
        done(
          new Map(
            results.map((result) => [
              result.filePath,
              result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`),
            ]),
          ),
        );
      } catch (error) {
        fail(new Error(`eslint gave no JSON: ${out.slice(0, 500)} (${String(error)})`));
      }
    });
  });
}

// The lint step of `npm test` is what enforces module boundaries: prove each rule bites.
describe('lint rules that guard the architecture', () => {
  jest.setTimeout(120_000);
  let hits: Record<Probe, string[]>;
  beforeAll(async () => {
    hits = await lintProbes();
  });

  it('refuses the ORM in a resolver', () => {
    expect(hits.ormInResolver).toContain('no-restricted-imports');
  });

  it('refuses a domain lib importing an app', () => {
    expect(hits.domainImportsApp).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses a platform lib importing a domain lib', () => {
    expect(hits.platformImportsDomain).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses a platform lib importing the policy', () => {
    expect(hits.platformImportsPolicy).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses the policy importing a domain lib (the policy names subjects, it does not import them)', () => {
    expect(hits.policyImportsDomain).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses a floating promise', () => {
    expect(hits.floatingPromise).toContain('@typescript-eslint/no-floating-promises');
  });

  it('refuses a floating promise in the web app too (.tsx)', () => {
    expect(hits.floatingPromiseInScreen).toEqual(['@typescript-eslint/no-floating-promises']);
  });

  it('refuses focused and skipped tests', () => {
    expect(hits.focusedAndSkipped.filter((rule) => rule === 'no-restricted-syntax')).toHaveLength(2);
  });

  it('refuses a text in a screen written in place of a translation (the translated heading passes)', () => {
    expect(hits.literalText).toEqual(['i18next/no-literal-string']);
  });

  it('refuses a control a keyboard cannot reach and a hook called conditionally', () => {
    expect([...hits.mouseOnlyControl].sort()).toEqual([
      'jsx-a11y/click-events-have-key-events',
      'jsx-a11y/no-static-element-interactions',
      'react-hooks/rules-of-hooks',
    ]);
  });

  it('accepts clean code (the probes above fail for their reason only)', () => {
    expect(hits.clean).toEqual([]);
  });
});
