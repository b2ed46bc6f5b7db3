// A real engine on a temporary data folder: conf settings, SQLite, egress; the keychain is an
// in-memory stand-in unless a test needs the real one (see the vault tests).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/app';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import type { KeytarLike } from '../../electron/core/vault/keytar-like';
import { createSettingsHintStore } from '../../electron/core/vault/settings-hints';
import { createVault } from '../../electron/core/vault/vault';
import type { CallName, CallResponse } from '../../shared/contract';
import type { StreamEvent } from '../../shared/types';
import type { CallInput } from '../../electron/core/ipc/handlers';

export function memoryKeychain(): KeytarLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (s, a) => entries.get(`${s}/${a}`) ?? null,
    setPassword: async (s, a, p) => void entries.set(`${s}/${a}`, p),
    deletePassword: async (s, a) => entries.delete(`${s}/${a}`),
  };
}

export interface CoreFixture {
  core: Core;
  dataDir: string;
  events: StreamEvent[];
  logs: string[];
  call<N extends CallName>(name: N, request: CallInput<N>): Promise<CallResponse<N>>;
  /** Resolves when the stream ends with finish or error. */
  streamEnd(streamId: string): Promise<StreamEvent>;
  close(): Promise<void>;
}

/** One in-memory keychain per data folder: like the OS's, it outlives a restart of the engine. */
const keychains = new Map<string, KeytarLike>();
function keychainOf(dataDir: string): KeytarLike {
  let keychain = keychains.get(dataDir);
  if (!keychain) keychains.set(dataDir, (keychain = memoryKeychain()));
  return keychain;
}

export async function startCore(opts: Partial<CoreOptions> & { keychain?: KeytarLike } = {}): Promise<CoreFixture> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'enclave-core-'));
  const settings = opts.settings ?? createConfSettings({ cwd: dataDir });
  const vault = opts.vault ?? createVault({ backend: opts.keychain ?? keychainOf(dataDir), hints: createSettingsHintStore(settings) });
  const logs: string[] = [];
  const core = await createCore({ ...opts, dataDir, settings, vault, log: (m) => logs.push(m) });
  const events: StreamEvent[] = [];
  const waiters: ((e: StreamEvent) => void)[] = [];
  core.onStream((batch) => {
    events.push(...batch);
    for (const e of batch) if (e.kind === 'finish' || e.kind === 'error') for (const w of waiters) w(e);
  });
  return {
    core,
    dataDir,
    events,
    logs,
    call: (name, request) => (core.handlers[name] as (r: unknown) => Promise<never>)(request),
    streamEnd: (streamId) =>
      new Promise((resolve, reject) => {
        const done = events.find((e) => e.streamId === streamId && (e.kind === 'finish' || e.kind === 'error'));
        if (done) return resolve(done);
        const timer = setTimeout(() => reject(new Error(`stream ${streamId} did not end`)), 15_000);
        waiters.push((e) => {
          if (e.streamId === streamId) {
            clearTimeout(timer);
            resolve(e);
          }
        });
      }),
    close: () => core.close(),
  };
}
