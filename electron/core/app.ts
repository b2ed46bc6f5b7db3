// The engine: wires settings, vault, store, egress, providers and chat into one object whose
// `handlers` implement the IPC contract. Runs under plain Node (harness, tests) and in Electron's
// main process alike.
import { join } from 'node:path';
import type { AppInfo, SavedFile } from '../../shared/contract';
import type { ConnectionView, StreamEvent } from '../../shared/types';
import { createChatService } from './chat/chat-service';
import { createConnectionsService } from './connections/connections-service';
import { createEgress, type Fetch } from './egress/egress';
import type { Handlers } from './ipc/handlers';
import { UserFacingError } from './ipc/handlers';
import { findLocalServers } from './discovery/find-local-servers';
import { probeServer } from './discovery/probe-server';
import type { SettingsStore } from './settings/settings-store';
import { closeDatabase, openDatabase } from './store/database';
import { createConversationStore } from './store/conversation-store';
import type { Vault } from './vault/vault';
import { ledgerToCsv } from '../../shared/ledger-csv';
import { importInto, renderExport, saveToFolder } from './store/transfer';
import { preferences, updatePreferences } from './settings/preferences';
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
  log?: (message: string) => void;
  /** The data folder's lock, when the caller took it before creating settings; else taken here. */
  lock?: DataDirLock;
}

export interface Core {
  handlers: Handlers;
  onStream(listener: (events: StreamEvent[]) => void): () => void;
  /** URLs egress is fetching right now: lets tests prove no request bypasses it. */
  inFlight(): ReadonlySet<string>;
  close(): Promise<void>;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const log = opts.log ?? ((m: string) => console.error(m));
  // Throws DataDirLockedError before touching anything when another live engine owns the folder.
  const lock = opts.lock ?? acquireDataDirLock(opts.dataDir);
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(join(opts.dataDir, 'enclave.sqlite'));
  } catch (error) {
    lock.release();
    throw error;
  }
  const { db, notices: dbNotices } = opened;
  const store = createConversationStore(db);
  const interrupted = store.markInterruptedOnStartup();
  const keychain = await opts.vault.probe();
  const notices = [...opts.settings.notices, ...dbNotices];
  if (interrupted > 0) notices.push(`${interrupted} reply${interrupted > 1 ? 'ies were' : ' was'} cut off when Enclave last stopped; ${interrupted > 1 ? 'they are' : 'it is'} marked interrupted, with Retry and Continue.`);

  const listeners = new Set<(events: StreamEvent[]) => void>();
  const egress = createEgress({
    isOffline: () => opts.settings.get('offline'),
    // Called per request, long after `conns` below exists.
    allowedHosts: () => conns.allowedHosts(),
    record: (row) => store.insertLedger(row),
    ...(opts.transport ? { transport: opts.transport } : {}),
  });
  const conns = createConnectionsService({ settings: opts.settings, vault: opts.vault, egress, extra: opts.extraConnections ?? [] });
  const chat = createChatService({
    store,
    connections: conns,
    egress,
    log,
    emit: (events) => {
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
  });

  const handlers: Handlers = {
    getAppInfo: async () => info(),
    listConnections: async () => conns.list(),
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
    listConversations: async () => store.listConversations(),
    getConversation: async (req) => {
      const found = store.getConversation(req.id);
      if (!found) throw new UserFacingError({ kind: 'bad-request', message: 'That conversation does not exist any more.' });
      return found;
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
    exportLedger: async (req) => {
      const entries = store.listLedger({ limit: 1_000_000 });
      const stamp = new Date().toISOString().slice(0, 10);
      return req.format === 'csv'
        ? saveFile(`enclave-network-ledger-${stamp}.csv`, ledgerToCsv(entries))
        : saveFile(`enclave-network-ledger-${stamp}.json`, JSON.stringify(entries, null, 2) + '\n');
    },
    searchMessages: async (req) => store.search(req),
    exportConversations: async (req) => {
      const bundles = store.exportBundles(req.ids);
      if (bundles.length === 0) throw new UserFacingError({ kind: 'bad-request', message: 'There is nothing to export yet.' });
      const { name, content } = renderExport(bundles, req.format, req.branches);
      return saveFile(name, content);
    },
    importConversations: async (req) => importInto(store, req.content),
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
    onStream(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    inFlight: () => egress.inFlight(),
    async close() {
      chat.stopAll();
      store.close();
      closeDatabase(db);
      lock.release();
    },
  };
}
