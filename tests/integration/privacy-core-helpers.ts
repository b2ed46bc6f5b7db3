// Shared setup for the privacy integration tests: the real core (real SQLite, real egress, conf
// settings in a temp folder) with an in-memory vault, calling handlers through the same dispatch
// the IPC and the harness use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallName, CallRequest, CallResponse, CallResult } from '../../shared/contract';
import type { KeyHint, StreamEvent } from '../../shared/types';
import { createCore, type Core } from '../../electron/core/app';
import type { Fetch } from '../../electron/core/egress/egress';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import type { Vault } from '../../electron/core/vault/vault';

export function memoryVault(): Vault {
  const keys = new Map<string, string>();
  const hint = (id: string): KeyHint | null => {
    const key = keys.get(id);
    return key ? { connectionId: id, last4: key.slice(-4) } : null;
  };
  return {
    probe: async () => ({ available: true }),
    setKey: async (id, key) => {
      keys.set(id, key);
      return hint(id)!;
    },
    getKey: async (id) => keys.get(id) ?? null,
    deleteKey: async (id) => keys.delete(id),
    hint: async (id) => hint(id),
    markVerified: async (id) => hint(id),
  };
}

export interface TestCore {
  core: Core;
  dataDir: string;
  events: StreamEvent[];
  call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResult<CallResponse<N>>>;
  value<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>>;
  /** Resolves with the stream's last event (finish or error), bounded by the test timeout. */
  streamEnd(streamId: string): Promise<StreamEvent>;
  close(): Promise<void>;
}

export async function startTestCore(opts: { transport?: Fetch; discoveryCandidates?: string[] } = {}): Promise<TestCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enclave-privacy-'));
  const core = await createCore({
    dataDir,
    settings: createConfSettings({ cwd: dataDir }),
    vault: memoryVault(),
    log: () => {},
    ...(opts.transport ? { transport: opts.transport } : {}),
    ...(opts.discoveryCandidates ? { discoveryCandidates: opts.discoveryCandidates } : {}),
  });
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  core.onStream((batch) => {
    events.push(...batch);
    for (const w of waiters) w();
  });
  const call = async <N extends CallName>(name: N, request: CallRequest<N>) =>
    (await dispatch(core.handlers, name, request, () => {})) as CallResult<CallResponse<N>>;
  return {
    core,
    dataDir,
    events,
    call,
    async value(name, request) {
      const result = await call(name, request);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
      return result.value;
    },
    streamEnd(streamId) {
      const find = () => events.find((e) => e.streamId === streamId && (e.kind === 'finish' || e.kind === 'error'));
      return new Promise((resolve) => {
        const check = () => {
          const end = find();
          if (end) {
            waiters.delete(check);
            resolve(end);
          }
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
