import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries (STYLE.md §Layering 7): apps gather; domains use platform, the one policy
 * and each other's public entries; the policy (`libs/access`) knows platform only, and only
 * domains and apps know it; platform knows no domain and no policy; demo data depends on nothing.
 */
const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:domain', 'type:policy', 'type:platform', 'type:data', 'type:testing'],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:policy', 'type:platform', 'type:data', 'type:testing'],
  },
  { sourceTag: 'type:policy', onlyDependOnLibsWithTags: ['type:platform'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:data'] },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data'] },
  {
    sourceTag: 'type:tools',
    onlyDependOnLibsWithTags: [
      'type:platform',
      'type:policy',
      'type:data',
      'type:domain',
      'type:testing',
      'type:tools',
    ],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    // lint-probe-*: written and linted (--no-ignore) by tools/hub/src/lint-rules.spec.ts.
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/coverage',
      '**/node_modules',
      '.dev-idp/**',
      'tmp/**',
      '**/lint-probe-*',
    ],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: false,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints,
        },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits is a test that cannot fail or an error lost.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: 'No focused tests.',
        },
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='skip']",
          message: 'No skipped tests.',
        },
        {
          selector: 'CallExpression[callee.name=/^(xit|xtest|xdescribe|fit|fdescribe)$/]',
          message: 'No focused or skipped tests.',
        },
      ],
    },
  },
  {
    // Resolvers are thin (STYLE.md §Layering 1): no ORM in them.
    files: ['**/*.resolver.ts', '**/*.model.ts', '**/*.input.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              message: 'Resolvers and GraphQL types never touch the ORM; go through a service.',
            },
            {
              name: '@nestjs/typeorm',
              message: 'Resolvers and GraphQL types never touch the ORM; go through a service.',
            },
            {
              name: 'pg',
              message: 'Resolvers and GraphQL types never touch the database; go through a service.',
            },
          ],
        },
      ],
    },
  },
  {
    // Platform libs know no domain, even by relative path.
    files: ['libs/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/libs/agencies/**', '**/apps/**'],
              message: 'Platform libs know no domain and no app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/jest.config.cts', 'jest.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
];
