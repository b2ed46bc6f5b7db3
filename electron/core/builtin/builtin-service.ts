// The built-in engine's IPC calls: inspect a GGUF file, add it (with the "Built-in" connection on
// first use), list what is installed and what is in memory, remove.
import { freemem } from 'node:os';
import type { BuiltinModelList } from '../../../shared/contract';
import type { ConnectionsService } from '../connections/connections-service';
import type { SettingsStore } from '../settings/settings-store';
import type { LlamaEngine } from './llama-engine';
import type { ModelLibrary } from './model-library';

export function createBuiltinService(deps: { settings: SettingsStore; engine: LlamaEngine; library: ModelLibrary; connections: ConnectionsService }) {
  /** The model list of the Built-in connection changed: its cached listing is stale. */
  function forgetListing(): void {
    const cache = { ...deps.settings.get('modelCache') };
    for (const c of deps.connections.list()) if (c.kind === 'builtin') delete cache[c.id];
    deps.settings.set('modelCache', cache);
  }

  return {
    inspect: (path: string) => deps.library.inspect(path),

    async add(path: string) {
      const model = await deps.library.add(path);
      const connection = deps.connections.list().find((c) => c.kind === 'builtin') ?? (await deps.connections.add({ kind: 'builtin', name: 'Built-in' }));
      forgetListing();
      return { model, connection };
    },

    list(): BuiltinModelList {
      const models = deps.library.list();
      const loaded = deps.engine.loaded();
      const loadedId = models.find((m) => m.path === loaded)?.id;
      return { models, ...(loadedId ? { loadedId } : {}), ramFreeBytes: freemem() };
    },

    async remove(id: string) {
      await deps.library.remove(id);
      forgetListing();
      return { removed: true as const };
    },
  };
}

export type BuiltinService = ReturnType<typeof createBuiltinService>;
