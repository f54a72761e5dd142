// Lint is also where the process boundaries are enforced: the renderer never reaches into Electron or
// the main process, shared code stays pure, only renderer/src/db touches Dexie, stores live in
// renderer/src/state, and the server never imports the renderer or the host.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The renderer's import rules: never Electron, main-process or server code; Dexie only in src/db; shared
 * state only through state/defineStore.ts, and stores only in src/state (one way to keep state).
 */
function rendererImports({ dexie = false, zustand = false, defineStore = false }) {
  const paths = [{ name: 'electron', message: 'The renderer talks to the host only through shared/ipc.' }];
  if (!dexie) paths.push({ name: 'dexie', message: 'Only renderer/src/db imports Dexie.' });
  if (!zustand) paths.push({ name: 'zustand', message: 'Stores are made with defineStore (renderer/src/state/defineStore.ts).' });
  const patterns = [
    { group: ['**/electron/**'], message: 'The renderer never imports main-process code.' },
    { group: ['**/server/**'], message: 'The renderer never imports server code.' },
  ];
  if (!defineStore) patterns.push({ group: ['**/state/defineStore'], message: 'Stores live in renderer/src/state/, one file per store.' });
  return ['error', { paths, patterns }];
}

/** The server's import rules: plain Node, never the renderer or Electron host code, plus a layer's own. */
function serverImports(layerPatterns) {
  return ['error', {
    paths: [{ name: 'electron', message: 'The server is plain Node.' }, { name: 'dexie', message: 'The server uses PostgreSQL.' }],
    patterns: [
      { group: ['**/renderer/**'], message: 'The server never imports renderer code: share it through shared/.' },
      { group: ['**/electron/**'], message: 'The server never imports Electron host code.' },
      ...layerPatterns,
    ],
  }];
}

const serverEdges = ['routes', 'cli', 'jobs', 'testing', 'app', 'index'];
const serverServices = ['audit', 'auth', 'authz', 'context', 'documents', 'notifications', 'public', 'queue', 'reports', 'sync', 'tls', 'catalogue'];
const serverLayers = [
  { folders: ['http'], mayNotImport: serverEdges, message: 'http/ is the HTTP plumbing under the routes: it never imports routes or entry points.' },
  {
    folders: serverServices,
    mayNotImport: [...serverEdges, 'http'],
    message: 'Services throw DomainError (server/src/domain/domainError.ts) and never import http/, routes or entry points.',
  },
  {
    folders: ['store'],
    mayNotImport: [...serverEdges, 'http', ...serverServices],
    message: 'store/ holds the SQL: it imports only db/ and domain/, and throws DomainError.',
  },
  { folders: ['db'], mayNotImport: [...serverEdges, 'http', ...serverServices, 'store'], message: 'db/ imports only domain/.' },
  { folders: ['domain'], mayNotImport: [...serverEdges, 'http', ...serverServices, 'store', 'db'], message: 'domain/ is pure: no server module under it.' },
];

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
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': rendererImports({}) },
  },
  { files: ['renderer/src/db/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': rendererImports({ dexie: true }) } },
  { files: ['renderer/src/state/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': rendererImports({ defineStore: true }) } },
  { files: ['renderer/src/state/defineStore.ts'], rules: { 'no-restricted-imports': rendererImports({ defineStore: true, zustand: true }) } },
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
  { files: ['server/**/*.ts'], rules: { 'no-restricted-imports': serverImports([]) } },
  // The server's floor plan (docs/decisions/0025): routes and entry points → http → services →
  // store → db → domain. Each layer may import only those after it; tests may reach across.
  ...serverLayers.map(({ folders, mayNotImport, message }) => ({
    files: folders.map((folder) => `server/src/${folder}/**/*.ts`),
    ignores: ['server/**/*.test.ts'],
    // A sibling folder of server/src, as a relative import from one folder down names it.
    rules: { 'no-restricted-imports': serverImports([{ group: mayNotImport.flatMap((folder) => [['..', folder, '**'].join('/'), ['..', folder].join('/')]), message }]) },
  })),
);
