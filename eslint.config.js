// Lint, including the layer rules from ARCHITECTURE.md. tests/unit/layer-rules.test.ts proves
// each layer rule fires on a deliberately broken fixture.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const networkModules = ['http', 'https', 'net', 'tls', 'http2', 'dgram', 'undici', 'node-fetch', 'axios', 'ws']
  .flatMap((m) => [m, `node:${m}`]);
/** Only electron/core/store/driver.ts opens SQLite: the rest of the store sees its StoreDb interface. */
const sqliteModules = ['better-sqlite3-multiple-ciphers', 'node:sqlite', 'better-sqlite3'].map((name) => ({
  name,
  message: 'Only electron/core/store/driver.ts opens SQLite (encrypted, keyed); use openDb and StoreDb.',
}));
const networkGlobals = ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'Request'].map((name) => ({
  name,
  message: 'Only electron/core/egress may open network connections; take a fetch from egress.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'dist-harness/**', 'node_modules/**', 'tests/lint-fixtures/**', 'bench/results/**', 'bench/.build/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'import/no-default-export': 'off',
    },
  },
  {
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    ignores: ['electron/core/egress/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'electron/core and shared run under plain Node: never import electron.' },
          ...networkModules.map((name) => ({ name, message: 'Only electron/core/egress may open network connections.' })),
          ...sqliteModules,
        ],
      }],
      'no-restricted-globals': ['error', ...networkGlobals],
    },
  },
  {
    files: ['electron/core/store/driver.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'electron/core and shared run under plain Node: never import electron.' },
          ...networkModules.map((name) => ({ name, message: 'Only electron/core/egress may open network connections.' })),
        ],
      }],
    },
  },
  {
    files: ['electron/core/egress/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/core never imports electron.' }] }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: networkModules.map((name) => ({ name, message: 'Only electron/core/egress may open network connections.' })),
      }],
      'no-restricted-globals': ['error', ...networkGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The renderer reaches the world only through window.enclave.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser sandbox: no Node built-ins.' })),
          ...networkModules.map((name) => ({ name, message: 'The renderer never opens network connections.' })),
        ],
        patterns: [{ group: ['**/electron/**', '**/harness/**'], message: 'The renderer reaches main only through window.enclave.' }],
      }],
      'no-restricted-globals': ['error', ...networkGlobals, { name: 'require', message: 'No require in the renderer.' }],
      'no-restricted-properties': ['error',
        { object: 'navigator', property: 'sendBeacon', message: 'The renderer never opens network connections.' },
        { object: 'window', property: 'fetch', message: 'The renderer never opens network connections.' },
      ],
    },
  },
);
