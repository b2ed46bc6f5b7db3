// Builds the renderer (the only code that runs in the browser sandbox).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig(({ command }) => {
  // A build is what ships, whatever NODE_ENV the shell has: vitest sets it to "test", and a build
  // made from a test's global setup carried React's development build (2–3× slower renders).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: '../dist/renderer',
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
    },
  };
});
