import { create } from 'zustand';
import type { CallRequest, ConnectionTestResult, DiscoveredServer, ProbeLocalServerResult } from '../../shared/contract';
import type { ConnectionView, ModelInfo, ModelRef, ProviderKind } from '../../shared/types';
import { call } from '../bridge/api';

interface ModelsEntry {
  models: ModelInfo[];
  error?: string;
  loading: boolean;
}

interface ConnectionsState {
  connections: ConnectionView[];
  loaded: boolean;
  models: Record<string, ModelsEntry>;
  tests: Record<string, ConnectionTestResult | 'running'>;
  discovered?: DiscoveredServer[];
  load(): Promise<void>;
  loadModels(connectionId: string, refresh?: boolean): Promise<void>;
  add(input: { kind: ProviderKind; name: string; baseUrl?: string; apiKey?: string }): Promise<ConnectionView>;
  update(input: CallRequest<'updateConnection'>): Promise<ConnectionView>;
  remove(id: string): Promise<void>;
  test(id: string): Promise<ConnectionTestResult>;
  discover(): Promise<void>;
  probe(address: string): Promise<ProbeLocalServerResult>;
}

export const useConnections = create<ConnectionsState>((set, get) => ({
  connections: [],
  loaded: false,
  models: {},
  tests: {},
  async load() {
    const connections = await call('listConnections', {});
    set({ connections, loaded: true });
    await Promise.all(connections.map((c) => get().loadModels(c.id)));
  },
  async loadModels(connectionId, refresh) {
    set((s) => ({ models: { ...s.models, [connectionId]: { models: s.models[connectionId]?.models ?? [], loading: true } } }));
    try {
      const result = await call('listModels', { connectionId, refresh });
      set((s) => ({
        models: { ...s.models, [connectionId]: { models: result.models, error: result.error?.message, loading: false } },
      }));
    } catch (err) {
      set((s) => ({
        models: { ...s.models, [connectionId]: { models: [], error: (err as Error).message, loading: false } },
      }));
    }
  },
  /** Every caller tests the new connection next; a passing test loads its models. */
  async add(input) {
    const conn = await call('addConnection', input);
    set((s) => ({ connections: [...s.connections.filter((c) => c.id !== conn.id), conn] }));
    return conn;
  },
  async update(input) {
    const conn = await call('updateConnection', input);
    set((s) => ({ connections: s.connections.map((c) => (c.id === conn.id ? conn : c)) }));
    await get().loadModels(conn.id, true);
    return conn;
  },
  async remove(id) {
    await call('removeConnection', { id });
    set((s) => {
      const { [id]: _test, ...tests } = s.tests;
      return { tests };
    });
    await get().load();
  },
  async test(id) {
    set((s) => ({ tests: { ...s.tests, [id]: 'running' } }));
    const result = await call('testConnection', { id }).catch((err: Error): ConnectionTestResult => ({
      ok: false,
      latencyMs: 0,
      error: { kind: 'unknown', message: err.message },
    }));
    // The answer carries the connection as the test left it (a key now verified): nothing to re-list.
    const tested = result.connection;
    set((s) => ({
      tests: { ...s.tests, [id]: result },
      ...(tested ? { connections: s.connections.map((c) => (c.id === id ? tested : c)) } : {}),
    }));
    // The test has just filled the engine's model cache: this listing is served from it.
    if (result.ok) await get().loadModels(id);
    return result;
  },
  async discover() {
    set({ discovered: await call('findLocalServers', {}) });
  },
  probe: (address) => call('probeLocalServer', { address }),
}));

/** True while any connection's model list is still being fetched. */
export function modelsListing(state: Pick<ConnectionsState, 'connections' | 'models'>): boolean {
  return state.connections.some((c) => state.models[c.id]?.loading);
}

export function allModelRefs(state: ConnectionsState): (ModelRef & { label: string; local: boolean; connectionName: string })[] {
  return state.connections.flatMap((c) =>
    (state.models[c.id]?.models ?? []).map((m) => ({
      connectionId: c.id,
      modelId: m.id,
      label: m.label ?? m.id,
      local: c.local,
      connectionName: c.name,
    })),
  );
}
