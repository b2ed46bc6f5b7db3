// Starts the real engine for the harness: conf-backed settings, the real keychain, and in demo
// mode two simulated local servers that speak Ollama's and an OpenAI-compatible wire format.
import { createCore, type Core } from '../electron/core/app';
import { createConfSettings } from '../electron/core/settings/conf-settings';
import { createVault } from '../electron/core/vault/vault';
import { createSettingsHintStore } from '../electron/core/vault/settings-hints';
import type { DataDirLock } from '../electron/core/startup/data-dir-lock';
import type { ResolvedKey } from '../electron/core/store/database-key';
import type { ConnectionView } from '../shared/types';
import { startDemoServers } from './demo-servers';
import { parseRoutes, routeHosts } from './route-hosts';
import { scriptedSaveDialog } from './scripted-save-dialog';

export interface Engine {
  core: Core;
  close(): Promise<void>;
}

export async function startEngine(opts: {
  dataDir: string;
  demo: boolean;
  discoveryPorts?: number[];
  routeHosts?: string[];
  lock?: DataDirLock;
  databaseKey?: ResolvedKey;
}): Promise<Engine> {
  const settings = createConfSettings({ cwd: opts.dataDir });
  const vault = createVault({ service: process.env.ENCLAVE_KEYCHAIN_SERVICE ?? 'Enclave', hints: createSettingsHintStore(settings) });
  const demo = opts.demo ? await startDemoServers() : undefined;
  const extraConnections: ConnectionView[] = demo?.connections ?? [];
  const core = await createCore({
    dataDir: opts.dataDir,
    settings,
    vault,
    demo: opts.demo,
    extraConnections,
    ...(opts.lock ? { lock: opts.lock } : {}),
    ...(opts.databaseKey ? { databaseKey: opts.databaseKey } : {}),
    ...(opts.discoveryPorts ? { discoveryCandidates: opts.discoveryPorts.map((port) => `http://127.0.0.1:${port}`) } : {}),
    ...(opts.routeHosts?.length ? { transport: routeHosts(parseRoutes(opts.routeHosts)) } : {}),
    ...scriptedSaveDialog(process.env),
  });
  return {
    core,
    async close() {
      await core.close();
      await demo?.close();
    },
  };
}
