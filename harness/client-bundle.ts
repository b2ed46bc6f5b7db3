// window.enclave for the browser: prebuilt next to the bundled server (scripts/build-harness.mjs),
// or bundled on the fly when the harness runs from source under tsx.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function harnessClientJs(): Promise<string> {
  const prebuilt = fileURLToPath(new URL('./client.js', import.meta.url));
  if (existsSync(prebuilt)) return readFileSync(prebuilt, 'utf8');
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./client.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
  });
  return result.outputFiles[0]!.text;
}
