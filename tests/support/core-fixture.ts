// The one core fixture of the integration tests: a real engine on a temporary data folder (conf
// settings, SQLite, egress); the keychain is an in-memory stand-in unless a test passes the real
// one (`keychainService`). `call` runs a handler directly; `dispatch` goes through the same
// validation, lock guard and error mapping as IPC and the harness.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/app';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import type { KeytarLike } from '../../electron/core/vault/keytar-like';
import { createSettingsHintStore } from '../../electron/core/vault/settings-hints';
import { createVault } from '../../electron/core/vault/vault';
import { dispatch as dispatch_ } from '../../electron/core/ipc/dispatch';
import type { CallName, CallRequest, CallResponse, CallResult } from '../../shared/contract';
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
  /** The call as the renderer makes it: validated, guarded by the lock, errors as values. */
  dispatch<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResult<CallResponse<N>>>;
  /** `dispatch`, unwrapped: throws with the user's message when the call fails. */
  value<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>>;
  /** Resolves when the stream ends with finish or error. */
  streamEnd(streamId: string): Promise<StreamEvent>;
  close(): Promise<void>;
  /** Closes the engine and deletes its data folder. */
  dispose(): Promise<void>;
}

export interface StartCoreOptions extends Partial<CoreOptions> {
  /** A stand-in keychain backend (default: one in memory per data folder). */
  keychain?: KeytarLike;
  /** The real keychain, under this service name. */
  keychainService?: string;
}

/** One in-memory keychain per data folder: like the OS's, it outlives a restart of the engine. */
const keychains = new Map<string, KeytarLike>();
function keychainOf(dataDir: string): KeytarLike {
  let keychain = keychains.get(dataDir);
  if (!keychain) keychains.set(dataDir, (keychain = memoryKeychain()));
  return keychain;
}

export async function startCore(opts: StartCoreOptions = {}): Promise<CoreFixture> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'enclave-core-'));
  const settings = opts.settings ?? createConfSettings({ cwd: dataDir });
  const hints = createSettingsHintStore(settings);
  const vault =
    opts.vault ?? (opts.keychainService ? createVault({ service: opts.keychainService, hints }) : createVault({ backend: opts.keychain ?? keychainOf(dataDir), hints }));
  const logs: string[] = [];
  const core = await createCore({ ...opts, dataDir, settings, vault, log: opts.log ?? ((m) => logs.push(m)) });
  const dispatch = async <N extends CallName>(name: N, request: CallRequest<N>) =>
    (await dispatch_(core.handlers, name, request, () => {}, core.guard)) as CallResult<CallResponse<N>>;
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
    dispatch,
    async value(name, request) {
      const result = await dispatch(name, request);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
      return result.value;
    },
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
    async dispose() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
