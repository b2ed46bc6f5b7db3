// Connections: what the user configured, with keys in the vault and model lists cached.
import { randomUUID } from 'node:crypto';
import type { ConnectionTestResult, ModelListResult } from '../../../shared/contract';
import type { Connection, ConnectionView, ModelInfo, ProviderKind } from '../../../shared/types';
import { isLoopbackUrl } from '../egress/allowlist';
import type { Egress } from '../egress/egress';
import { UserFacingError } from '../errors/user-facing-error';
import { classifyError } from '../providers/turn/errors';
import { listModels } from '../providers/models/list-models';
import type { SettingsStore } from '../settings/settings-store';
import type { BuiltinRuntime } from '../builtin/builtin-runtime';
import type { Vault } from '../vault/vault';
import { isVaultError } from '../vault/vault-error';
import { effectiveBaseUrl, PROVIDER_KIND_FACTS } from '../../../shared/provider-kinds';

const MODEL_CACHE_MS = 10 * 60 * 1000;
const HINT_REFRESH_MS = 5000;

export interface ConnectionsDeps {
  settings: SettingsStore;
  vault: Vault;
  egress: Egress;
  /** The built-in engine, whose model library is the built-in connection's model list. */
  builtin?: BuiltinRuntime;
  /** Transient connections (demo servers): listed and usable, never persisted. */
  extra?: ConnectionView[];
  now?: () => number;
}

export function createConnectionsService(deps: ConnectionsDeps) {
  const now = deps.now ?? Date.now;
  const stored = () => deps.settings.get('connections');
  // Whether a connection stays on this machine comes from its address, every time: a stored
  // `local: true` (a hand edit, an old bug) must never let a locked conversation reach a remote host.
  // Built-in models run inside Enclave: local by what they are, not by an address.
  const derived = (c: Connection): Connection => ({
    ...c,
    local: (PROVIDER_KIND_FACTS[c.kind].inApp ?? false) || isLoopbackUrl(effectiveBaseUrl(c.kind, c.baseUrl) ?? ''),
  });
  const all = (): Connection[] => [...(deps.extra ?? []), ...stored()].map(derived);

  function find(id: string): Connection {
    const conn = all().find((c) => c.id === id);
    if (!conn) throw new UserFacingError({ kind: 'not-allowed', message: 'That connection no longer exists.' });
    return conn;
  }

  function view(c: Connection): ConnectionView {
    const hint = deps.vault.knownHint(c.id);
    const demo = deps.extra?.some((e) => e.id === c.id) ?? false;
    return { ...c, ...(hint ? { keyHint: hint } : {}), ...(demo ? { demo: true } : {}) };
  }

  function allowedHosts(): Set<string> {
    const hosts = new Set<string>();
    for (const c of all()) {
      const base = effectiveBaseUrl(c.kind, c.baseUrl);
      if (base) hosts.add(new URL(base).hostname.toLowerCase());
    }
    return hosts;
  }

  /** Vault failures (no keychain, a malformed key) become messages the user can act on. */
  async function withVault<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (isVaultError(err)) {
        const kind = err.kind === 'keychain-unavailable' || err.kind === 'keychain-locked' ? err.kind : 'bad-request';
        throw new UserFacingError({ kind, message: err.message });
      }
      throw err;
    }
  }

  const apiKeyFor = (conn: Connection): Promise<string | undefined> => withVault(() => deps.vault.keyFor(conn.id));

  let hintsCheckedAt = Number.NEGATIVE_INFINITY;
  /**
   * Drops the hint of a key deleted outside Enclave (the vault does, when it reads the key as
   * missing from an unlocked keychain). At most every few seconds: reading may prompt to unlock.
   */
  async function refreshHints(): Promise<void> {
    if (now() - hintsCheckedAt < HINT_REFRESH_MS) return;
    hintsCheckedAt = now();
    for (const { id } of stored()) {
      if (!deps.vault.knownHint(id)) continue;
      // A locked or missing keychain keeps every hint: the key is still there, only hidden.
      await deps.vault.getKey(id).catch(() => undefined);
    }
  }

  /** The listing with the manual extras appended, or a ChatError whose detail masks this key. */
  async function fetchModels(conn: Connection): Promise<ModelInfo[]> {
    const fetch = deps.egress.fetchFor({ connectionId: conn.id, model: null });
    const apiKey = await withVault(() => apiKeyFor(conn));
    try {
      const models = await listModels(conn, { fetch, apiKey, ...(deps.builtin ? { builtin: deps.builtin } : {}) });
      const extra = conn.extraModels.filter((id) => !models.some((m) => m.id === id)).map((id) => ({ id }));
      return [...models, ...extra];
    } catch (err) {
      // The key is passed so a provider that echoes it back ("Incorrect API key provided: sk-…")
      // has it masked out of the detail, whatever shape the key has.
      throw new UserFacingError(classifyError(err, { kind: conn.kind, name: conn.name, ...(apiKey ? { apiKey } : {}) }));
    }
  }

  function dropModelCache(id: string): void {
    const { [id]: _dropped, ...rest } = deps.settings.get('modelCache');
    deps.settings.set('modelCache', rest);
  }

  return {
    find,
    allowedHosts,
    apiKeyFor,
    refreshHints,
    list: (): ConnectionView[] => all().map(view),

    async add(input: { kind: ProviderKind; name: string; baseUrl?: string; apiKey?: string }): Promise<ConnectionView> {
      const inApp = PROVIDER_KIND_FACTS[input.kind].inApp ?? false;
      const base = effectiveBaseUrl(input.kind, input.baseUrl);
      if (!base && !inApp) {
        throw new UserFacingError({ kind: 'bad-request', message: 'This kind of connection needs a base URL, such as http://127.0.0.1:1234/v1.' });
      }
      const conn: Connection = {
        id: randomUUID(),
        kind: input.kind,
        name: input.name,
        ...(input.baseUrl ? { baseUrl: input.baseUrl.replace(/\/+$/, '') } : {}),
        local: inApp || isLoopbackUrl(base ?? ''),
        extraModels: [],
        createdAt: now(),
      };
      // Without a keychain this throws and nothing is saved: never a key in a file.
      if (input.apiKey) await withVault(() => deps.vault.setKey(conn.id, input.apiKey!));
      deps.settings.set('connections', [...stored(), conn]);
      return view(conn);
    },

    async update(input: {
      id: string;
      name?: string;
      baseUrl?: string | null;
      apiKey?: string;
      extraModels?: string[];
      firstByteTimeoutMs?: number | null;
      stallTimeoutMs?: number | null;
    }): Promise<ConnectionView> {
      const conn = stored().find((c) => c.id === input.id);
      if (!conn) throw new UserFacingError({ kind: 'not-allowed', message: 'Only your own connections can be edited.' });
      const { baseUrl: _old, ...rest } = conn;
      const baseUrl = input.baseUrl === undefined ? conn.baseUrl : (input.baseUrl?.replace(/\/+$/, '') ?? undefined);
      const inApp = PROVIDER_KIND_FACTS[conn.kind].inApp ?? false;
      if (!effectiveBaseUrl(conn.kind, baseUrl) && !inApp) {
        throw new UserFacingError({ kind: 'bad-request', message: 'This kind of connection needs a base URL, such as http://127.0.0.1:1234/v1.' });
      }
      const next: Connection = {
        ...rest,
        ...(baseUrl ? { baseUrl } : {}),
        ...(input.name ? { name: input.name } : {}),
        ...(input.extraModels ? { extraModels: [...new Set(input.extraModels.map((m) => m.trim()).filter(Boolean))] } : {}),
      };
      next.local = inApp || isLoopbackUrl(effectiveBaseUrl(next.kind, next.baseUrl) ?? '');
      for (const key of ['firstByteTimeoutMs', 'stallTimeoutMs'] as const) {
        const value = input[key];
        if (value === null) delete next[key];
        else if (value !== undefined) next[key] = value;
      }
      if (input.apiKey) await withVault(() => deps.vault.setKey(conn.id, input.apiKey!));
      deps.settings.set(
        'connections',
        stored().map((c) => (c.id === conn.id ? next : c)),
      );
      // A new address, key or extra id changes what the listing says: fetch it afresh next time.
      if (input.baseUrl !== undefined || input.apiKey || input.extraModels) dropModelCache(conn.id);
      return view(next);
    },

    async remove(id: string): Promise<void> {
      if (!stored().some((c) => c.id === id)) throw new UserFacingError({ kind: 'not-allowed', message: 'Only your own connections can be deleted.' });
      if (deps.vault.knownHint(id)) await withVault(() => deps.vault.deleteKey(id));
      dropModelCache(id);
      deps.settings.set(
        'connections',
        stored().filter((c) => c.id !== id),
      );
    },

    async models(id: string, refresh = false): Promise<ModelListResult> {
      const conn = find(id);
      const cached = deps.settings.get('modelCache')[id];
      if (cached && !refresh && now() - cached.fetchedAt < MODEL_CACHE_MS) {
        return { models: cached.models, fetchedAt: cached.fetchedAt, fromCache: true };
      }
      try {
        const models = await fetchModels(conn);
        const fetchedAt = now();
        deps.settings.set('modelCache', { ...deps.settings.get('modelCache'), [id]: { models, fetchedAt } });
        return { models, fetchedAt, fromCache: false };
      } catch (err) {
        const error = classifyError(err, { kind: conn.kind, name: conn.name });
        const fallback = cached?.models ?? conn.extraModels.map((m) => ({ id: m }));
        return { models: fallback, fetchedAt: cached?.fetchedAt ?? 0, fromCache: true, error };
      }
    },

    async test(id: string): Promise<ConnectionTestResult> {
      const conn = find(id);
      const started = now();
      try {
        const models = await fetchModels(conn);
        if (deps.vault.knownHint(id)) await deps.vault.markVerified(id, now());
        deps.settings.set('modelCache', { ...deps.settings.get('modelCache'), [id]: { models, fetchedAt: now() } });
        return { ok: true, latencyMs: now() - started, modelCount: models.length, connection: view(conn) };
      } catch (err) {
        return { ok: false, latencyMs: now() - started, error: classifyError(err, { kind: conn.kind, name: conn.name }), connection: view(conn) };
      }
    },
  };
}

export type ConnectionsService = ReturnType<typeof createConnectionsService>;
