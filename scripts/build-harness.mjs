// Bundles the browser harness (the engine under plain Node, for `npm start`/`npm run preview` and
// the bench) into dist-harness/, so starting it runs prebuilt JS instead of compiling TypeScript
// with tsx. The read worker gets its own entry next to the server, where read-worker.ts looks.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node24', format: 'esm', sourcemap: true, logLevel: 'warning' };
const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
await Promise.all([
  build({
    ...common,
    entryPoints: ['harness/server.ts'],
    outfile: 'dist-harness/server.js',
    minify: true,
    keepNames: true,
    // keytar is native; esbuild only builds client.ts when no prebuilt client.js is present.
    external: ['keytar', 'esbuild'],
    banner,
  }),
  // The entry stays a separate file: the cache must be on before the bundle is compiled.
  build({ ...common, entryPoints: ['harness/start.ts'], outfile: 'dist-harness/start.js', external: ['./server.js'], sourcemap: false }),
  build({ ...common, entryPoints: ['electron/core/store/read-worker-entry.ts'], outfile: 'dist-harness/read-worker.js', banner }),
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
