import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The dependency direction is a rule, not goodwill:
 *   renderer/ -> shared/ <- electron/core
 * shared/ imports neither side; the renderer never reaches into electron/; the core never
 * imports electron (so it runs and is tested without an Electron binary).
 *
 * No circles either: in electron/ and shared/ a module never imports (even for a type) a module
 * that imports it back, so each folder has a one-way order (exports and imports depend on the
 * registers, never the reverse; migrations do not import their index).
 */
const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/*'], message: 'shared/ is pure code: no Electron.' },
        { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node built-ins.' },
        { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither side.' },
      ]),
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/webhost/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/*'], message: 'The core is plain Node: it never imports electron.' },
        { group: ['**/renderer/**'], message: 'The core meets the renderer only in shared/.' },
        { group: ['**/main/**', '**/preload/**'], message: 'The core does not depend on the Electron hosts.' },
      ]),
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/renderer/**'], message: 'The main process meets the renderer only in shared/.' },
        // The register lives in the core's utility process; the main process only carries calls
        // (electron/main/ipc.ts). Of the core it may import the host side (core/host/core-host,
        // protocol) and plain helpers (paths); test/unit/lint/main-imports.test.ts follows the
        // imports all the way down.
        { group: ['better-sqlite3*', '@journeyapps/sqlcipher', 'keytar'], message: 'The main process never opens the register: SQLite and the keychain live in the core (utility process).' },
        {
          regex: '(^|/)core/(?!(host/core-host|host/protocol|paths)$)',
          message: 'The main process reaches the core only through CoreHost (core/host/core-host, protocol): never the Workstation, registers or database.',
        },
      ]),
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/*'], message: 'The renderer is untrusted: it talks to the core only through the API contract.' },
        { group: ['node:*'], message: 'The renderer runs in a sandboxed browser: no Node built-ins.' },
        { group: ['**/electron/**'], message: 'The renderer imports shared/ only.' },
      ]),
    },
  },
);
