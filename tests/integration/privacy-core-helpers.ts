// Shared setup for the privacy integration tests: the real core (real SQLite, real egress, conf
// settings in a temp folder, tests/support/core-fixture.ts) with an in-memory keychain, calling
// handlers through the same dispatch the IPC and the harness use.
import { rmSync } from 'node:fs';
import type { CallName, CallRequest, CallResponse, CallResult } from '../../shared/contract';
import type { StreamEvent } from '../../shared/types';
import type { Core } from '../../electron/core/app';
import type { Fetch } from '../../electron/core/egress/egress';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { startCore } from '../support/core-fixture';

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
  const fixture = await startCore({
    ...(opts.transport ? { transport: opts.transport } : {}),
    ...(opts.discoveryCandidates ? { discoveryCandidates: opts.discoveryCandidates } : {}),
  });
  const call = async <N extends CallName>(name: N, request: CallRequest<N>) =>
    (await dispatch(fixture.core.handlers, name, request, () => {}, fixture.core.guard)) as CallResult<CallResponse<N>>;
  return {
    core: fixture.core,
    dataDir: fixture.dataDir,
    events: fixture.events,
    call,
    async value(name, request) {
      const result = await call(name, request);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
      return result.value;
    },
    streamEnd: fixture.streamEnd,
    async close() {
      await fixture.close();
      rmSync(fixture.dataDir, { recursive: true, force: true });
    },
  };
}
