// Lint: the layer table from docs/architecture.md, type-aware rules, and the basics.
// tests/unit/layer-rules.test.ts proves each row fires on a deliberately broken fixture.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const both = (names) => names.flatMap((m) => [m, `node:${m}`]);
const nodeBuiltins = both(builtinModules.filter((m) => !m.startsWith('node:')));
const networkModules = [...both(['http', 'https', 'net', 'tls', 'http2', 'dgram']), 'undici', 'node-fetch', 'axios', 'ws'];
const networkGlobals = ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'Request'];

const EGRESS_ONLY = 'Only electron/core/egress may open network connections; take a fetch from egress.';
const NO_ELECTRON = 'electron/core, shared and harness run under plain Node: never import electron.';
const ONE_IPC_DOOR = 'Only electron/main/ipc.ts registers IPC handlers (ipcMain), on the channel named in shared/ipc-channels.ts.';
const RENDERER_NO_NODE = 'The renderer runs in a browser sandbox: no Node built-ins.';
const RENDERER_NO_NET = 'The renderer never opens network connections.';
const SQLITE_DRIVER = 'Only electron/core/store/driver.ts opens SQLite (encrypted, keyed); use openDb and StoreDb.';
const sqliteModules = ['better-sqlite3-multiple-ciphers', 'node:sqlite', 'better-sqlite3'];
const RENDERER_DOOR = 'The renderer reaches main only through window.enclave (renderer/bridge/api.ts).';

/** The zones of the code base: disjoint file sets, one lint block each. */
const ZONES = {
  shared: { files: ['shared/**/*.ts'] },
  core: { files: ['electron/core/**/*.ts'], ignores: ['electron/core/egress/**', 'electron/core/store/driver.ts'] },
  driver: { files: ['electron/core/store/driver.ts'] },
  egress: { files: ['electron/core/egress/**/*.ts'] },
  main: { files: ['electron/main/**/*.ts'], ignores: ['electron/main/ipc.ts'] },
  ipc: { files: ['electron/main/ipc.ts'] },
  preload: { files: ['electron/preload/**/*.ts'] },
  harness: { files: ['harness/**/*.ts'] },
  state: { files: ['renderer/state/**/*.ts', 'renderer/bridge/**/*.ts', 'renderer/ui/**/*.{ts,tsx}'] },
  renderer: { files: ['renderer/**/*.{ts,tsx}'], ignores: ['renderer/state/**', 'renderer/bridge/**', 'renderer/ui/**'] },
};
const RENDERER = ['renderer', 'state'];

/**
 * The layer table: each row names the zones it binds and what they may not reach — imported
 * modules, imported names, folders (globs), globals, properties. Each zone's lint block merges
 * every row that names it (ESLint would otherwise let the last block win).
 */
const LAYERS = [
  { rule: 'plain Node never imports electron', zones: ['shared', 'core', 'driver', 'egress', 'harness'], modules: [['electron', NO_ELECTRON]] },
  {
    rule: 'only egress opens connections',
    zones: ['shared', 'core', 'driver', 'main', 'ipc', 'preload'],
    modules: networkModules.map((m) => [m, EGRESS_ONLY]),
    globals: networkGlobals.map((g) => [g, EGRESS_ONLY]),
  },
  {
    rule: 'shared is used by both sides',
    zones: ['shared'],
    folders: [[['**/electron/**', '**/renderer/**', '**/harness/**'], 'shared is used by renderer and main alike: it never imports electron/, renderer/ or harness/.']],
  },
  {
    rule: 'core sits below main',
    zones: ['core', 'driver', 'egress'],
    folders: [[['**/main/**', '**/preload/**', '**/renderer/**', '**/harness/**'], 'electron/core is below main: it never imports electron/main, preload, renderer or harness.']],
  },
  {
    rule: 'main and preload never import the renderer',
    zones: ['main', 'ipc', 'preload'],
    folders: [[['**/renderer/**', '**/harness/**'], 'main and preload never import renderer or harness code.']],
  },
  {
    rule: 'only the store driver opens SQLite',
    zones: ['shared', 'core', 'egress', 'main', 'ipc', 'preload', 'harness'],
    modules: sqliteModules.map((m) => [m, SQLITE_DRIVER]),
  },
  { rule: 'one IPC door', zones: ['shared', 'core', 'driver', 'egress', 'main', 'preload', 'harness'], names: [['electron', ['ipcMain'], ONE_IPC_DOOR]] },
  {
    rule: 'the renderer is a browser sandbox',
    zones: RENDERER,
    modules: [
      ['electron', 'The renderer reaches the world only through window.enclave.'],
      ...nodeBuiltins.map((m) => [m, RENDERER_NO_NODE]),
      ...networkModules.filter((m) => !nodeBuiltins.includes(m)).map((m) => [m, RENDERER_NO_NET]),
    ],
    folders: [[['**/electron/**', '**/harness/**'], RENDERER_DOOR]],
    globals: [...networkGlobals.map((g) => [g, RENDERER_NO_NET]), ['require', 'No require in the renderer.']],
    properties: [
      ['navigator', 'sendBeacon', RENDERER_NO_NET],
      ['window', 'fetch', RENDERER_NO_NET],
    ],
  },
  {
    rule: 'renderer state sits below features',
    zones: ['state'],
    folders: [[['**/features/**', '**/app/**'], 'Renderer state, the bridge and ui/ sit below features and app: features use them, never the other way round.']],
  },
];

function zoneBlock(zone) {
  const rows = LAYERS.filter((row) => row.zones.includes(zone));
  const all = (key, shape) => rows.flatMap((row) => (row[key] ?? []).map(shape));
  const paths = [...all('modules', ([name, message]) => ({ name, message })), ...all('names', ([name, importNames, message]) => ({ name, importNames, message }))];
  const patterns = all('folders', ([group, message]) => ({ group, message }));
  const restrictedGlobals = all('globals', ([name, message]) => ({ name, message }));
  const properties = all('properties', ([object, property, message]) => ({ object, property, message }));
  const rules = {};
  if (paths.length || patterns.length) rules['no-restricted-imports'] = ['error', { paths, patterns }];
  if (restrictedGlobals.length) rules['no-restricted-globals'] = ['error', ...restrictedGlobals];
  if (properties.length) rules['no-restricted-properties'] = ['error', ...properties];
  return { name: `layers: ${zone}`, ...ZONES[zone], rules };
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'dist-harness/**', 'node_modules/**', 'tests/lint-fixtures/**', 'bench/results/**', 'bench/.build/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    name: 'type-aware',
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.renderer.json', './tsconfig.electron.json', './tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its error: handle it, or mark fire-and-forget with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  ...Object.keys(ZONES).map(zoneBlock),
);
