// The engine: wires settings, vault, store, egress, providers and chat into one object whose
// `handlers` implement the IPC contract. Runs under plain Node (harness, tests) and in Electron's
// main process alike.
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppInfo, CallName, IpcError, SavedFile } from '../../shared/contract';
import { ALLOWED_WHILE_LOCKED, createAppLock } from './lock/app-lock';
import { openSealedImport, sealedExport } from './crypto/sealed-transfer';
import type { ConnectionView, StreamEvent } from '../../shared/types';
import { createBuiltinService } from './builtin/builtin-service';
import { clearBuiltinRuntime, setBuiltinRuntime } from './builtin/builtin-runtime';
import { createLlamaEngine, type LlamaEngineOptions } from './builtin/llama-engine';
import { createModelLibrary } from './builtin/model-library';
import { createChatService } from './chat/chat-service';
import { createConnectionsService } from './connections/connections-service';
import { createEgress, type Fetch } from './egress/egress';
import type { Handlers } from './ipc/handlers';
import { UserFacingError } from './ipc/handlers';
import { findLocalServers } from './discovery/find-local-servers';
import { probeServer } from './discovery/probe-server';
import type { SettingsStore } from './settings/settings-store';
import { closeDatabase } from './store/database';
import { openStore } from './store/open-store';
import { DATABASE_FILE, resolveDatabaseKey, type ResolvedKey } from './store/database-key';
import { DATABASE_CIPHER_NAME } from './store/driver';
import { createReadWorker } from './store/read-worker';
import { changePassphraseForUser } from './store/change-passphrase-call';
import { IDLE_CHECK_DEFAULTS, startIdleCheck } from './store/idle-check';
import { createImportJobs } from './store/import-job';
import type { Vault } from './vault/vault';
import { ledgerToCsv } from '../../shared/ledger-csv';
import { checkImportRoom, importInto, renderExport, saveToFolder } from './store/transfer';
import { preferences, updatePreferences } from './settings/preferences';
import { providerHealth } from './health/provider-health';
import { acquireDataDirLock, type DataDirLock } from './startup/data-dir-lock';

export interface CoreOptions {
  dataDir: string;
  settings: SettingsStore;
  vault: Vault;
  version?: string;
  demo?: boolean;
  /** Transient connections (demo servers), never persisted. */
  extraConnections?: ConnectionView[];
  /** Ports probed by "Find local servers" (tests point it at fakes). */
  discoveryCandidates?: string[];
  /** Opens external links after the user confirmed (Electron: shell.openExternal). */
  openExternal?: (url: string) => Promise<boolean>;
  /** Saves an export where the user wants it (Electron: a save dialog). Default: <dataDir>/exports. */
  saveFile?: (suggestedName: string, content: string) => Promise<SavedFile>;
  transport?: Fetch;
  /** The built-in llama.cpp engine's threads, idle unload and context cap. */
  builtin?: LlamaEngineOptions;
  log?: (message: string) => void;
  /** The data folder's lock, when the caller took it before creating settings; else taken here. */
  lock?: DataDirLock;
  /** The database passphrase, where no keychain holds the database key (see store/database-key). */
  databasePassphrase?: string;
  /** The key, when start-up already had it (the start-up page's passphrase form). */
  databaseKey?: ResolvedKey;
}

export interface Core {
  handlers: Handlers;
  /** Pass to dispatch: refuses every call but the lock screen's while the app is locked. */
  guard(name: CallName): IpcError | undefined;
  onStream(listener: (events: StreamEvent[]) => void): () => void;
  /** URLs egress is fetching right now: lets tests prove no request bypasses it. */
  inFlight(): ReadonlySet<string>;
  close(): Promise<void>;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const log = opts.log ?? ((m: string) => console.error(m));
  // Throws DataDirLockedError before touching anything when another live engine owns the folder.
  const dirLock = opts.lock ?? acquireDataDirLock(opts.dataDir);
  const dbPath = join(opts.dataDir, DATABASE_FILE);
  let opened: ReturnType<typeof openStore>;
  let databaseKey: ResolvedKey;
  try {
    databaseKey = opts.databaseKey ?? await resolveDatabaseKey({ dataDir: opts.dataDir, vault: opts.vault, ...(opts.databasePassphrase !== undefined ? { passphrase: opts.databasePassphrase } : {}) });
    opened = openStore(dbPath, databaseKey.key);
  } catch (error) {
    dirLock.release();
    throw error;
  }
  const { db, store, notices: dbNotices, interrupted, readOnly } = opened;
  // Search, loading and exports read on their own thread; this one persists streams.
  let reader = createReadWorker({ path: dbPath, key: databaseKey.key, log });
  const imports = createImportJobs(store, { newId: randomUUID });
  let keychain = await opts.vault.probe();
  const notices = [...opts.settings.notices, ...dbNotices];
  if (interrupted > 0) notices.push(`${interrupted} reply${interrupted > 1 ? 'ies were' : ' was'} cut off when Enclave last stopped; ${interrupted > 1 ? 'they are' : 'it is'} marked interrupted, with Retry and Continue.`);

  const listeners = new Set<(events: StreamEvent[]) => void>();
  let lastStreamAt = Date.now();
  const idleCheck = startIdleCheck({
    ...IDLE_CHECK_DEFAULTS,
    check: () => reader.quickCheck(),
    lastWriteAt: () => lastStreamAt,
    onProblem: (notice) => notices.push(notice),
    log,
  });
  const egress = createEgress({
    isOffline: () => opts.settings.get('offline'),
    // Called per request, long after `conns` below exists.
    allowedHosts: () => conns.allowedHosts(),
    record: (row) => store.insertLedger(row),
    ...(opts.transport ? { transport: opts.transport } : {}),
  });
  const conns = createConnectionsService({ settings: opts.settings, vault: opts.vault, egress, extra: opts.extraConnections ?? [] });
  const engine = createLlamaEngine(opts.builtin);
  const library = createModelLibrary({ settings: opts.settings, engine });
  const runtime = { engine, library };
  setBuiltinRuntime(runtime);
  const builtin = createBuiltinService({ settings: opts.settings, engine, library, connections: conns });
  const chat = createChatService({
    store,
    isOffline: () => opts.settings.get('offline'),
    connections: conns,
    egress,
    log,
    notice: (text) => notices.push(text),
    emit: (events) => {
      lastStreamAt = Date.now();
      for (const l of listeners) l(events);
    },
  });

  const saveFile = opts.saveFile ?? saveToFolder(join(opts.dataDir, 'exports'));

  const info = (): AppInfo => ({
    version: opts.version ?? '0.1.0',
    demo: opts.demo ?? false,
    offline: opts.settings.get('offline'),
    keychain,
    notices,
    ...(readOnly ? { readOnly } : {}),
    atRest: { cipher: DATABASE_CIPHER_NAME, keySource: databaseKey.source },
  });

  const lock = createAppLock({
    load: () => opts.settings.get('appLock'),
    save: (next) => opts.settings.set('appLock', next),
  });

  const handlers: Handlers = {
    getAppInfo: async () => {
      // Live: a keychain locked or unlocked since start-up shows as it is now.
      keychain = await opts.vault.probe();
      return info();
    },
    getLockState: async (req) => {
      if (req.activity) lock.touch();
      return lock.state();
    },
    lockNow: async () => lock.lockNow(),
    unlock: (req) => lock.unlock(req.passphrase),
    setLockPassphrase: (req) => lock.setPassphrase(req),
    disableLock: (req) => lock.disable(req.current),
    setLockIdle: async (req) => lock.setIdleMinutes(req.minutes),
    changeDatabasePassphrase: async (req) => {
      // Leaving WAL for the rekey needs the only connection: the read worker's goes first, and
      // comes back under whichever key the database has afterwards.
      await reader.close();
      let key = databaseKey.key;
      try {
        key = await changePassphraseForUser({ dataDir: opts.dataDir, db, source: databaseKey.source, current: req.current, next: req.next });
        databaseKey = { key, source: 'passphrase' };
      } finally {
        reader = createReadWorker({ path: dbPath, key, log });
      }
      return { changed: true as const };
    },
    listConnections: async () => {
      await conns.refreshHints();
      return conns.list();
    },
    addConnection: (req) => conns.add(req),
    updateConnection: (req) => conns.update(req),
    removeConnection: async (req) => {
      await conns.remove(req.id);
      return { removed: true };
    },
    testConnection: (req) => conns.test(req.id),
    listModels: (req) => conns.models(req.connectionId, req.refresh),
    findLocalServers: async () => {
      const known = conns.list().map((c) => c.baseUrl ?? '').filter(Boolean);
      return findLocalServers({
        fetch: egress.fetchFor({ connectionId: null, model: null }),
        knownBaseUrls: known,
        ...(opts.discoveryCandidates ? { candidates: opts.discoveryCandidates } : {}),
      });
    },
    probeLocalServer: async (req) => {
      const known = conns.list().map((c) => c.baseUrl ?? '').filter(Boolean);
      const result = await probeServer(req.address, { fetch: egress.fetchFor({ connectionId: null, model: null }), knownBaseUrls: known });
      return result.kind === 'found' ? { found: true, server: result.server } : { found: false, message: result.message };
    },
    inspectGguf: (req) => builtin.inspect(req.path),
    addBuiltinModel: (req) => builtin.add(req.path),
    listBuiltinModels: async () => builtin.list(),
    removeBuiltinModel: (req) => builtin.remove(req.id),
    listConversations: async () => store.listConversations(),
    getConversation: async (req) => {
      store.prepareRead();
      const found = await reader.getConversation(req.id, req.limit);
      if (!found) throw new UserFacingError({ kind: 'bad-request', message: 'That conversation does not exist any more.' });
      return { ...found, messages: store.withUnsaved(found.messages) };
    },
    createConversation: async (req) =>
      store.createConversation({ ...req, localOnly: req.localOnly ?? opts.settings.get('defaultLocalOnly') }),
    updateConversation: async ({ id, ...patch }) => store.updateConversation(id, patch),
    deleteConversation: async (req) => {
      store.deleteConversation(req.id);
      return { deleted: true };
    },
    restoreConversation: async (req) => {
      store.restoreConversation(req.id);
      const found = store.getConversation(req.id);
      if (!found) throw new UserFacingError({ kind: 'bad-request', message: 'That conversation does not exist any more.' });
      return found.conversation;
    },
    sendMessage: async (req) => chat.send(req),
    regenerate: async (req) => chat.regenerate(req),
    continueMessage: async (req) => chat.continueMessage(req),
    stopStream: async (req) => ({ stopped: chat.stop(req.streamId) }),
    listLedger: async (req) => store.listLedger(req),
    ledgerTotals: async (req) => store.ledgerTotals(req),
    providerHealth: async ({ days }) => {
      const names = new Map(conns.list().map((c) => [c.id, c.name]));
      return providerHealth(store.ledgerModelRows(Date.now() - days * 86_400_000), (id) => names.get(id));
    },
    getFallbackChain: async (req) => store.fallbackChain(req.conversationId),
    setFallbackChain: async (req) => {
      for (const ref of req.chain) conns.find(ref.connectionId); // an unknown connection is refused here
      return store.setFallbackChain(req.conversationId, req.chain);
    },
    exportLedger: async (req) => {
      const entries = store.listLedger({ limit: 1_000_000 });
      const stamp = new Date().toISOString().slice(0, 10);
      return req.format === 'csv'
        ? saveFile(`enclave-network-ledger-${stamp}.csv`, ledgerToCsv(entries))
        : saveFile(`enclave-network-ledger-${stamp}.json`, JSON.stringify(entries, null, 2) + '\n');
    },
    searchMessages: async (req) => {
      store.prepareRead();
      return reader.search(req);
    },
    exportConversations: async (req) => {
      store.prepareRead();
      const bundles = (await reader.exportBundles(req.ids)).map((b) => ({ ...b, messages: store.withUnsaved(b.messages) }));
      if (bundles.length === 0) throw new UserFacingError({ kind: 'bad-request', message: 'There is nothing to export yet.' });
      const { name, content } = req.passphrase
        ? await sealedExport(bundles, req.passphrase)
        : renderExport(bundles, req.format, req.branches);
      return saveFile(name, content);
    },
    importConversations: async (req) => importInto(imports, await openSealedImport(req.content, req.passphrase), opts.dataDir),
    startImport: async (req) => {
      try {
        checkImportRoom(opts.dataDir, req.content);
        return { importId: imports.start(req.content) };
      } catch (err) {
        if (err instanceof UserFacingError) throw err;
        throw new UserFacingError({ kind: 'bad-request', message: err instanceof Error ? err.message : String(err) });
      }
    },
    importStatus: async (req) => {
      const status = imports.status(req.importId);
      if (!status) throw new UserFacingError({ kind: 'bad-request', message: 'That import is not known (it may have finished long ago).' });
      return status;
    },
    cancelImport: async (req) => ({ cancelled: imports.cancel(req.importId) }),
    sendCompare: async (req) => chat.sendCompare(req),
    getPreferences: async () => preferences(opts.settings),
    updatePreferences: async (req) => updatePreferences(opts.settings, req),
    setOffline: async (req) => {
      opts.settings.set('offline', req.offline);
      return info();
    },
    openExternal: async (req) => {
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        return { opened: false };
      }
      if (url.protocol !== 'https:' || !opts.openExternal) return { opened: false };
      return { opened: await opts.openExternal(url.href) };
    },
  };

  return {
    handlers,
    guard(name) {
      if (lock.isLocked() && !ALLOWED_WHILE_LOCKED.has(name)) {
        return { kind: 'locked', message: 'Enclave is locked. Enter your passphrase to continue.' };
      }
      if (name !== 'getLockState') lock.touch();
      return undefined;
    },
    onStream(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    inFlight: () => egress.inFlight(),
    async close() {
      lock.dispose();
      idleCheck.stop();
      chat.stopAll();
      await engine.unload();
      clearBuiltinRuntime(runtime);
      await reader.close();
      try {
        store.close();
      } catch (err) {
        log(`[enclave] unsaved text could not be written at close: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (readOnly) db.close();
      else closeDatabase(db);
      dirLock.release();
    },
  };
}
