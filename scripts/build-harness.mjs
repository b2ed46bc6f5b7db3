// Bundles the browser harness (the engine under plain Node, for `npm start`/`npm run preview` and
// the bench) into dist-harness/, so starting it runs prebuilt JS instead of compiling TypeScript
// with tsx. The read worker and the built-in engine's worker get their own entries next to the
// server, where read-worker.ts and llama-engine.ts look.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: without this, every build would leave the last one's behind.
rmSync('dist-harness', { recursive: true, force: true });

const NATIVE = ['keytar', 'better-sqlite3-multiple-ciphers', 'node-llama-cpp'];
const common = { bundle: true, platform: 'node', target: 'node24', format: 'esm', sourcemap: true, logLevel: 'warning' };
const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
await Promise.all([
  build({
    ...common,
    entryPoints: ['harness/server.ts'],
    outdir: 'dist-harness',
    splitting: true,
    chunkNames: '[name]-[hash]',
    minify: true,
    keepNames: true,
    // Native modules load their binaries from their own folders, so they stay in node_modules (as
    // in build-electron.mjs); esbuild only builds client.ts when no prebuilt client.js is present.
    external: [...NATIVE, 'esbuild'],
    banner,
  }),
  // The entry stays a separate file: the cache must be on before the bundle is compiled.
  build({ ...common, entryPoints: ['harness/start.ts'], outfile: 'dist-harness/start.js', external: ['./server.js'], sourcemap: false }),
  build({ ...common, entryPoints: ['electron/core/store/read-worker-entry.ts'], outfile: 'dist-harness/read-worker.js', external: NATIVE, banner }),
  // The built-in engine's thread, loaded by URL beside server.js (electron/core/builtin/llama-engine.ts).
  build({ ...common, entryPoints: ['electron/core/builtin/llama-worker.ts'], outfile: 'dist-harness/llama-worker.js', external: NATIVE, banner }),
  build({
    ...common,
    entryPoints: ['harness/client.ts'],
    outfile: 'dist-harness/client.js',
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    sourcemap: false,
  }),
]);
