// The shipped app is the renderer bundle plus main and preload: the harness, the fakes and the
// tests must never be part of it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { minimatch } from 'minimatch';
import { describe, expect, test } from 'vitest';

/** Things that must never ship: tests, the harness, fakes, benchmarks, source maps, sources. */
const isForbidden = (path: string) => /(^|\/)(tests?|harness|fakes|bench|fixtures|__tests__)\//.test(path) || /\.(map|tsx?)$/.test(path);

/** electron-builder's `files` semantics: included by a positive pattern, not excluded by a later `!` one. */
function matchesFiles(path: string, patterns: string[]): boolean {
  let included = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (minimatch(path, p.slice(1), { dot: true })) included = false;
    } else if (minimatch(path, p, { dot: true })) included = true;
  }
  return included;
}

/** electron-builder.yml as electron-builder itself loads and validates it. */
async function builderConfig() {
  const config = await getConfig(process.cwd(), null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** The app's files as electron-builder's config selects them from the repo plus the build's outputs (maps included). */
async function packagedFromConfig(): Promise<string[]> {
  const config = await builderConfig();
  const patterns = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
  const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const built = [
    'dist-electron/main.js',
    'dist-electron/main.js.map',
    'dist-electron/preload.cjs',
    'dist-electron/preload.cjs.map',
    'dist/renderer/index.html',
    'dist/renderer/assets/index.js',
    'dist/renderer/assets/index.js.map',
    'dist/renderer/assets/index.css',
  ];
  const existing = existsSync('dist') ? readdirSync('dist', { recursive: true, encoding: 'utf8' }).map((p) => join('dist', p)) : [];
  return [...new Set([...tracked, ...built, ...existing])].filter((p) => matchesFiles(p, patterns));
}

async function bundledInputs(entry: string, format: 'esm' | 'cjs', external: string[]): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format, write: false, metafile: true, external, logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

describe('packaged build', () => {
  test('main and preload bundle without the harness, the fakes or test code', { timeout: 30_000 }, async () => {
    const main = await bundledInputs('electron/main/main.ts', 'esm', ['electron', 'keytar', 'electron-store', '@pydantic/genai-prices']);
    const preload = await bundledInputs('electron/preload/preload.ts', 'cjs', ['electron']);
    for (const input of [...main, ...preload]) expect(input).not.toMatch(/^(harness|tests|bench)\//);
    expect(main).toContain('electron/core/egress/egress.ts');
  });

  test('the read worker bundles on its own, without the harness, and is unpacked from the archive', { timeout: 30_000 }, async () => {
    const worker = await bundledInputs('electron/core/store/read-worker-entry.ts', 'esm', []);
    for (const input of worker) expect(input).not.toMatch(/^(harness|tests|bench)\//);
    expect(worker).toContain('electron/core/store/search.ts');
    expect(readFileSync('scripts/build-electron.mjs', 'utf8')).toContain("outfile: 'dist-electron/read-worker.js'");
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/asarUnpack:[\s\S]*dist-electron\/read-worker\.js/);
  });

  test('the preload is tiny: the call names, the two channel names and nothing else of ours', { timeout: 30_000 }, async () => {
    const preload = await bundledInputs('electron/preload/preload.ts', 'cjs', ['electron']);
    expect(preload.filter((p) => !p.startsWith('node_modules/')).sort()).toEqual(['electron/preload/preload.ts', 'shared/call-names.ts', 'shared/ipc-channels.ts']);
  });

  test('the config is valid and targets AppImage and deb, dmg, and nsis', async () => {
    const config = await builderConfig();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.npmRebuild).toBe(true);
  }, 30_000);

  test('electron-builder packs only built output', async () => {
    const shipped = await packagedFromConfig();
    expect(shipped).toEqual(expect.arrayContaining(['package.json', 'dist-electron/main.js', 'dist-electron/preload.cjs', 'dist/renderer/index.html']));
    expect(shipped.filter(isForbidden)).toEqual([]);
  });
});

function electronDist(): string | undefined {
  const pathFile = 'node_modules/electron/path.txt';
  return existsSync(pathFile) && existsSync(join('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())) ? 'node_modules/electron/dist' : undefined;
}

describe('electron-builder --dir', () => {
  const dist = electronDist();
  if (!dist)
    console.log(
      '[packaging] electron-builder --dir did NOT run: the Electron binary is not installed here (its download host is unreachable); the file set was checked from electron-builder.yml only.',
    );
  test.skipIf(!dist)(
    'the unpacked app holds the built app and keytar, nothing from tests, the harness or source maps',
    async () => {
      execFileSync('npm', ['run', 'build'], { stdio: 'ignore', timeout: 300_000 });
      execFileSync('node_modules/.bin/electron-builder', ['--dir', '--publish', 'never', `-c.electronDist=${dist!}`], { stdio: 'ignore', timeout: 600_000 });
      const { listPackage } = await import('@electron/asar');
      const unpacked = readdirSync('release').find((d) => d.endsWith('-unpacked'))!;
      const files = listPackage(join('release', unpacked, 'resources', 'app.asar'), { isPack: false }).map((p) => p.replace(/^[\\/]/, '').replaceAll('\\', '/'));
      expect(files).toEqual(expect.arrayContaining(['package.json', 'dist-electron/main.js', 'dist/renderer/index.html']));
      expect(files.filter((p) => !p.startsWith('node_modules/')).filter(isForbidden)).toEqual([]);
      expect(files.filter((p) => p.endsWith('.map'))).toEqual([]);
    },
    900_000,
  );
});
