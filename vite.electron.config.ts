// Builds electron/main (ESM) and electron/preload (CommonJS: sandboxed preloads cannot be ESM).
import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

const external = ['electron', 'keytar', 'electron-store', /^node:/, ...builtinModules];

export default defineConfig({
  build: {
    outDir: 'dist-electron',
    emptyOutDir: true,
    ssr: true,
    target: 'node24',
    rollupOptions: {
      input: { main: 'electron/main/main.ts', preload: 'electron/preload/preload.ts' },
      external,
      output: [
        { format: 'es', entryFileNames: '[name].js', dir: 'dist-electron' },
      ],
    },
  },
});
