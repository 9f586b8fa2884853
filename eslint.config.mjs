import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The SPA's layers (docs/architecture.md, "The SPA"): shared code (components, hooks, lib) knows
// no feature; a feature knows shared code and itself, never another feature; the routes in app/
// compose features. One zone per feature, so a new feature is fenced in without a new line here.
const spa = 'web/src';
const features = readdirSync(`${spa}/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const spaZones = [
  ...features.map((feature) => ({
    target: `${spa}/features/${feature}`,
    from: `${spa}/features`,
    except: [`./${feature}`],
    message: `A feature imports components/, hooks/ and lib/, never another feature: move what ${feature} shares to a shared folder, or compose the two in app/.`,
  })),
  {
    target: `${spa}/features`,
    from: `${spa}/app`,
    message: 'app/ composes features; a feature never imports app/.',
  },
  {
    target: [`${spa}/components`, `${spa}/hooks`, `${spa}/lib`],
    from: [`${spa}/features`, `${spa}/app`],
    message: 'Shared code (components/, hooks/, lib/) never imports a feature or app/.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      'coverage/**',
      'web/e2e/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-console': 'error',
      // Feature modules talk to each other through services, never through another's repo.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*.repo', '../../modules/*/*.repo', '**/modules/*/*.repo'],
              message: "A module may call another module's service, never its repo.",
            },
          ],
        },
      ],
    },
  },
  {
    // The transport-neutral core depends on nothing of ours but itself.
    files: ['server/src/core/**/*.ts'],
    ignores: ['server/src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '!../core', 'express', 'express/*', 'pg', 'ioredis'],
              message:
                'core/ is transport-neutral: no HTTP, database, platform or feature code in it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The HTTP layer serves every feature and so depends on none.
    files: ['server/src/http/**/*.ts', 'server/src/db/**/*.ts', 'server/src/platform/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../modules/*', '../modules/**', '../seed/*', '../composition', '../app'],
              message:
                'Shared layers (core, http, db, platform) never import a feature module: features import them.',
            },
          ],
        },
      ],
    },
  },
  {
    // A statement that always returns a row reads it with one(rows) (db/rows.ts), which fails
    // with a clear error if there is none; `rows[0]` is for a row that may be missing.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.test.ts', 'server/src/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "TSNonNullExpression > MemberExpression[computed=true][property.value=0]:matches([object.name='rows'], [object.property.name='rows'])",
          message: 'The one row a statement returns: one(rows) from db/rows.ts, not rows[0]!.',
        },
      ],
    },
  },
  {
    // Reading and writing files (CSV, XLSX, PDF) for any feature: no feature, HTTP or database
    // in it. A feature's own reading reaches the read worker as a module path, not an import.
    files: ['server/src/files/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/modules/*',
                '**/modules/**',
                '**/http/*',
                '**/db/*',
                '**/seed/*',
                '**/composition',
                '**/app',
                'express',
                'express/*',
                'pg',
                'multer',
              ],
              message:
                'files/ reads and writes files for every feature: no feature, HTTP or database code in it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.test.ts', 'server/src/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-imports': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'web/tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: spaZones }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The SPA's service worker (web/src/sw.js, built by vite-plugin-pwa): a worker's globals.
    files: ['web/src/sw.js'],
    languageOptions: { globals: globals.serviceworker, sourceType: 'module' },
  },
  {
    // Browser tests hand functions to page.evaluate, which run in the page.
    files: ['web/e2e/**/*.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser } },
  },
);
