// Entry of the prebuilt harness (dist-harness/start.js): turns on Node's on-disk compile cache
// before the engine's bundle loads, so every start after the first skips compiling it.
// https://nodejs.org/api/module.html#module-compile-cache
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./server.js');
