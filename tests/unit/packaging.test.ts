// The shipped app is the renderer bundle plus main and preload: the harness, the fakes and the
// tests must never be part of it.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

async function bundledInputs(entry: string, format: 'esm' | 'cjs', external: string[]): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format, write: false, metafile: true, external, logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

describe('packaged build', () => {
  test('main and preload bundle without the harness, the fakes or test code', async () => {
    const main = await bundledInputs('electron/main/main.ts', 'esm', ['electron', 'keytar', 'electron-store', '@pydantic/genai-prices']);
    const preload = await bundledInputs('electron/preload/preload.ts', 'cjs', ['electron']);
    for (const input of [...main, ...preload]) expect(input).not.toMatch(/^(harness|tests|bench)\//);
    expect(main).toContain('electron/core/egress/egress.ts');
  });

  test('the read worker bundles on its own, without the harness, and is unpacked from the archive', async () => {
    const worker = await bundledInputs('electron/core/store/read-worker-entry.ts', 'esm', []);
    for (const input of worker) expect(input).not.toMatch(/^(harness|tests|bench)\//);
    expect(worker).toContain('electron/core/store/search.ts');
    expect(readFileSync('scripts/build-electron.mjs', 'utf8')).toContain("outfile: 'dist-electron/read-worker.js'");
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/asarUnpack:[\s\S]*dist-electron\/read-worker\.js/);
  });

  test('the preload is tiny: the call names and nothing else of ours', async () => {
    const preload = await bundledInputs('electron/preload/preload.ts', 'cjs', ['electron']);
    expect(preload.filter((p) => !p.startsWith('node_modules/')).sort()).toEqual(['electron/preload/preload.ts', 'shared/call-names.ts']);
  });

  test('electron-builder packs only built output', () => {
    const config = readFileSync('electron-builder.yml', 'utf8');
    const files = config.slice(config.indexOf('files:'), config.indexOf('asarUnpack:'));
    expect(files).toMatch(/dist\/renderer/);
    expect(files).not.toMatch(/harness|tests|bench/);
  });
});
