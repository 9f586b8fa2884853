import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
    files: ['server/src/**/*.test.ts', 'server/src/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-imports': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Browser tests hand functions to page.evaluate, which run in the page.
    files: ['web/e2e/**/*.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser } },
  },
);
