// Lint is also where the process boundaries are enforced: the renderer never reaches into Electron or
// the main process, shared code stays pure, and only renderer/src/db touches Dexie.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to the host only through shared/ipc.' }],
        patterns: [
          { group: ['**/electron/**'], message: 'The renderer never imports main-process code.' },
          { group: ['**/server/**'], message: 'The renderer never imports server code.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/db/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The renderer talks to the host only through shared/ipc.' },
          { name: 'dexie', message: 'Only renderer/src/db imports Dexie.' },
        ],
        patterns: [
          { group: ['**/electron/**'], message: 'The renderer never imports main-process code.' },
          { group: ['**/server/**'], message: 'The renderer never imports server code.' },
        ],
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'dexie', 'react', 'fastify', 'pg', '@electric-sql/pglite'].map((name) => ({
          name, message: 'shared/ holds pure code used by both processes: zod and other shared modules only.',
        })),
        patterns: [{ group: ['node:*'], message: 'shared/ runs in the renderer too: no Node built-ins.' }],
      }],
    },
  },
  {
    // Only the two entry files touch Electron; everything else gets Electron's objects passed in, so
    // that Node tests exercise it without the binary.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/main.ts', 'electron/preload/preload.ts', 'electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main/main.ts and electron/preload/preload.ts import electron.' }] }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The server is plain Node.' }, { name: 'dexie', message: 'The server uses PostgreSQL.' }],
      }],
    },
  },
);
