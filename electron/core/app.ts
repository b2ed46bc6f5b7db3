// The engine: wires settings, vault, store, egress, providers and chat into one object whose
// `handlers` implement the IPC contract. Runs under plain Node (harness, tests) and in Electron's
// main process alike.
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppInfo, CallName, IpcError } from '../../shared/contract';
import type { ConnectionView, StreamEvent } from '../../shared/types';
import { createBuiltinService } from './builtin/builtin-service';
import { createLlamaEngine, type LlamaEngineOptions } from './builtin/llama-engine';
import { createModelLibrary } from './builtin/model-library';
import { createChatService } from './chat/chat-service';
import { createConnectionsService } from './connections/connections-service';
import { createEgress, type Fetch } from './egress/egress';
import { appHandlers } from './handlers/app-handlers';
import { builtinHandlers } from './handlers/builtin-handlers';
import { chatHandlers } from './handlers/chat-handlers';
import { connectionHandlers } from './handlers/connection-handlers';
import { conversationHandlers } from './handlers/conversation-handlers';
import { encryptionHandlers } from './handlers/encryption-handlers';
import { lockHandlers } from './handlers/lock-handlers';
import { privacyHandlers } from './handlers/privacy-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { transferHandlers } from './handlers/transfer-handlers';
import type { Handlers } from './ipc/handlers';
import { ALLOWED_WHILE_LOCKED, createAppLock } from './lock/app-lock';
import type { SettingsStore } from './settings/settings-store';
import { acquireDataDirLock, type DataDirLock } from './startup/data-dir-lock';
import { closeDatabase, requestCheckAtOpen } from './store/database';
import { DATABASE_FILE, resolveDatabaseKey, type ResolvedKey } from './store/database-key';
import { DATABASE_CIPHER_NAME } from './store/driver';
import { changePassphraseForUser } from './store/change-passphrase-call';
import { IDLE_CHECK_DEFAULTS, startIdleCheck } from './store/idle-check';
import { createImportJobs } from './store/import-job';
import { openStore } from './store/open-store';
import { createReadWorker, type ReadWorker } from './store/read-worker';
import { createExportSaver, type ChooseSavePath } from './store/export-saver';
import type { KeychainStatus, Vault } from './vault/vault';

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
  /** Asks where to save an export (Electron: a save dialog). Without it: <dataDir>/exports. */
  chooseSavePath?: ChooseSavePath;
  /** Shows a saved export in the file manager (Electron: shell.showItemInFolder). */
  showItemInFolder?: (path: string) => void;
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
    databaseKey =
      opts.databaseKey ??
      (await resolveDatabaseKey({ dataDir: opts.dataDir, vault: opts.vault, ...(opts.databasePassphrase !== undefined ? { passphrase: opts.databasePassphrase } : {}) }));
    opened = openStore(dbPath, databaseKey.key);
  } catch (error) {
    dirLock.release();
    throw error;
  }
  const { db, store, notices: dbNotices, interrupted, readOnly } = opened;
  // Search, loading and exports read on their own thread; this one persists streams.
  let reader = createReadWorker({ path: dbPath, key: databaseKey.key, log });
  // The handlers hold this forwarder, so a change of passphrase can swap the worker under them.
  const liveReader: ReadWorker = {
    search: (query) => reader.search(query),
    getConversation: (id, limit) => reader.getConversation(id, limit),
    exportBundles: (ids) => reader.exportBundles(ids),
    quickCheck: () => reader.quickCheck(),
    close: () => reader.close(),
  };
  const imports = createImportJobs(store, { newId: randomUUID });
  // Asked now, not waited for: getAppInfo waits for it, opening the engine does not.
  let keychain = opts.vault.probe();
  const notices = [...opts.settings.notices, ...dbNotices];
  if (interrupted > 0)
    notices.push(
      `${interrupted} reply${interrupted > 1 ? 'ies were' : ' was'} cut off when Enclave last stopped; ${interrupted > 1 ? 'they are' : 'it is'} marked interrupted, with Retry and Continue.`,
    );

  const listeners = new Set<(events: StreamEvent[]) => void>();
  let lastStreamAt = Date.now();
  const idleCheck = startIdleCheck({
    ...IDLE_CHECK_DEFAULTS,
    check: () => reader.quickCheck(),
    lastWriteAt: () => lastStreamAt,
    onProblem: (notice) => {
      notices.push(notice);
      // The notice says to restart: make sure that start checks (and repairs) even a big file.
      requestCheckAtOpen(dbPath);
    },
    log,
  });
  const egress = createEgress({
    isOffline: () => opts.settings.get('offline'),
    // Called per request, long after `conns` below exists.
    allowedHosts: () => conns.allowedHosts(),
    record: (row) => store.insertLedger(row),
    ...(opts.transport ? { transport: opts.transport } : {}),
  });
  const engine = createLlamaEngine(opts.builtin);
  const library = createModelLibrary({ settings: opts.settings, engine });
  const runtime = { engine, library };
  const conns = createConnectionsService({ settings: opts.settings, vault: opts.vault, egress, builtin: runtime, extra: opts.extraConnections ?? [] });
  const builtin = createBuiltinService({ settings: opts.settings, engine, library, connections: conns });
  const chat = createChatService({
    store,
    isOffline: () => opts.settings.get('offline'),
    connections: conns,
    egress,
    builtin: runtime,
    log,
    notice: (text) => notices.push(text),
    emit: (events) => {
      lastStreamAt = Date.now();
      for (const l of listeners) l(events);
    },
  });

  const exportSaver = createExportSaver({
    folder: join(opts.dataDir, 'exports'),
    settings: opts.settings,
    ...(opts.chooseSavePath ? { choose: opts.chooseSavePath } : {}),
    ...(opts.showItemInFolder ? { reveal: opts.showItemInFolder } : {}),
  });
  const saveFile = exportSaver.save;

  const info = async (options: { probeKeychain?: boolean } = {}): Promise<AppInfo> => {
    // Live: a keychain locked or unlocked since start-up shows as it is now.
    if (options.probeKeychain) keychain = opts.vault.probe();
    return appInfo(await keychain);
  };
  const appInfo = (keychain: KeychainStatus): AppInfo => ({
    version: opts.version ?? '0.1.0',
    demo: opts.demo ?? false,
    offline: opts.settings.get('offline'),
    keychain,
    notices,
    ...(readOnly ? { readOnly } : {}),
    ...(opts.chooseSavePath ? { saveDialog: true } : {}),
    atRest: { cipher: DATABASE_CIPHER_NAME, keySource: databaseKey.source },
  });

  const lock = createAppLock({
    load: () => opts.settings.get('appLock'),
    save: (next) => opts.settings.set('appLock', next),
  });

  const changePassphrase = async (current: string, next: string): Promise<void> => {
    // Leaving WAL for the rekey needs the only connection: the read worker's goes first, and
    // comes back under whichever key the database has afterwards.
    await reader.close();
    let key = databaseKey.key;
    try {
      key = await changePassphraseForUser({ dataDir: opts.dataDir, db, source: databaseKey.source, current, next });
      databaseKey = { key, source: 'passphrase' };
    } finally {
      reader = createReadWorker({ path: dbPath, key, log });
    }
  };

  const handlers: Handlers = {
    ...appHandlers({ settings: opts.settings, info, ...(opts.openExternal ? { openExternal: opts.openExternal } : {}) }),
    ...lockHandlers(lock),
    ...encryptionHandlers({ changePassphrase }),
    ...connectionHandlers({ conns, egress, ...(opts.discoveryCandidates ? { discoveryCandidates: opts.discoveryCandidates } : {}) }),
    ...builtinHandlers(builtin),
    ...conversationHandlers({ store, reader: liveReader, settings: opts.settings, conns }),
    ...chatHandlers(chat),
    ...privacyHandlers({ store, conns, saveFile }),
    ...transferHandlers({ store, reader: liveReader, imports, dataDir: opts.dataDir, saveFile, reveal: exportSaver.reveal }),
    ...settingsHandlers(opts.settings),
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
