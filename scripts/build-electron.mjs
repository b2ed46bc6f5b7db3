// Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads cannot
// be ESM). The renderer is built by vite.config.ts.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node24', sourcemap: true, logLevel: 'info' };
await build({
  ...common,
  entryPoints: ['electron/main/main.ts'],
  outfile: 'dist-electron/main.js',
  format: 'esm',
  // genai-prices is a 0.8 MB price table: loaded from node_modules like keytar, not re-bundled.
  // better-sqlite3-multiple-ciphers loads its native addon from its own folder.
  external: ['electron', 'keytar', 'electron-store', '@pydantic/genai-prices', 'node-llama-cpp', 'better-sqlite3-multiple-ciphers'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
// The read worker's thread (search, loading, exports) runs its own entry, next to main.js.
await build({
  ...common,
  entryPoints: ['electron/core/store/read-worker-entry.ts'],
  outfile: 'dist-electron/read-worker.js',
  format: 'esm',
  external: ['better-sqlite3-multiple-ciphers'],
});
// The built-in engine's worker thread, loaded by URL beside main.js (electron/core/builtin/llama-engine.ts).
await build({
  ...common,
  entryPoints: ['electron/core/builtin/llama-worker.ts'],
  outfile: 'dist-electron/llama-worker.js',
  format: 'esm',
  external: ['node-llama-cpp'],
});
await build({
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
