// The IPC contract: every call between renderer and main, with its request schema and
// response type. Main validates each request against `request` before the handler runs.
// The same contract is served over Electron IPC (electron/main/ipc.ts) and over HTTP in
// the browser harness (harness/server.ts).
import { z } from 'zod';
import { PROVIDER_KINDS } from './types';
import { STALL_LIMITS } from './stall-timeouts';
import type {
  BuiltinModel,
  ChatError,
  GgufReport,
  Conversation,
  ConnectionView,
  LedgerEntry,
  LedgerTotals,
  Message,
  ModelHealth,
  ModelInfo,
  ModelRef,
  Preferences,
  SearchHit,
} from './types';

const id = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max);

const modelRef = z.object({ connectionId: id, modelId: z.string().min(1).max(300) }).strict();

const attachment = z
  .object({
    id,
    name: text(300),
    mimeType: text(100),
    size: z.number().int().nonnegative().max(20 * 1024 * 1024),
    data: z.string().max(28 * 1024 * 1024),
    kind: z.enum(['image', 'text']),
  })
  .strict();

const httpUrl = z
  .string()
  .max(2000)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** Declares one call. `R` is the response type; the schema is the request. */
function call<R>() {
  return <S extends z.ZodType>(request: S) => ({ request, response: undefined as unknown as R });
}

const empty = z.object({}).strict();

const ggufPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL');
const stallMs = z.number().int().min(STALL_LIMITS.minMs).max(STALL_LIMITS.maxMs);

export const contract = {
  getAppInfo: call<AppInfo>()(empty),

  listConnections: call<ConnectionView[]>()(empty),
  addConnection: call<ConnectionView>()(
    z
      .object({
        kind: z.enum(PROVIDER_KINDS),
        name: text(100).min(1),
        baseUrl: httpUrl.optional(),
        /** Received once by main and stored in the keychain; never sent back. */
        apiKey: z.string().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  updateConnection: call<ConnectionView>()(
    z
      .object({
        id,
        name: text(100).min(1).optional(),
        /** null drops an override and goes back to the provider's default address. */
        baseUrl: httpUrl.nullable().optional(),
        apiKey: z.string().min(1).max(1000).optional(),
        extraModels: z.array(z.string().min(1).max(300)).max(200).optional(),
        /** null goes back to the default for local or remote servers. */
        firstByteTimeoutMs: stallMs.nullable().optional(),
        stallTimeoutMs: stallMs.nullable().optional(),
      })
      .strict(),
  ),
  removeConnection: call<{ removed: true }>()(z.object({ id }).strict()),
  testConnection: call<ConnectionTestResult>()(z.object({ id }).strict()),
  listModels: call<ModelListResult>()(
    z.object({ connectionId: id, refresh: z.boolean().optional() }).strict(),
  ),
  findLocalServers: call<DiscoveredServer[]>()(empty),
  /** Probes one address the user typed ("127.0.0.1:8081"); loopback only. */
  probeLocalServer: call<ProbeLocalServerResult>()(z.object({ address: text(300).min(1) }).strict()),

  /** Built-in engine: a GGUF file on this machine, by its absolute path. */
  inspectGguf: call<GgufReport>()(z.object({ path: ggufPath }).strict()),
  /** Adds the file to the built-in engine, creating the "Built-in" connection on first use. */
  addBuiltinModel: call<{ model: BuiltinModel; connection: ConnectionView }>()(z.object({ path: ggufPath }).strict()),
  listBuiltinModels: call<BuiltinModelList>()(empty),
  removeBuiltinModel: call<{ removed: true }>()(z.object({ id }).strict()),

  listConversations: call<Conversation[]>()(empty),
  /**
   * With `limit`, a long conversation answers with the current branch's newest `limit` messages
   * (and their siblings) and `partial: true`; ask again without it for the rest.
   */
  getConversation: call<{ conversation: Conversation; messages: Message[]; partial?: boolean }>()(
    z.object({ id, limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  ),
  createConversation: call<Conversation>()(
    z.object({ title: text(200).optional(), localOnly: z.boolean().optional() }).strict(),
  ),
  updateConversation: call<Conversation>()(
    z
      .object({
        id,
        title: text(200).min(1).optional(),
        pinned: z.boolean().optional(),
        localOnly: z.boolean().optional(),
        systemPrompt: text(20000).optional(),
        currentLeafId: id.nullable().optional(),
      })
      .strict(),
  ),
  deleteConversation: call<{ deleted: true }>()(z.object({ id }).strict()),
  restoreConversation: call<Conversation>()(z.object({ id }).strict()),

  sendMessage: call<SendResult>()(
    z
      .object({
        conversationId: id,
        /** The message the new user message answers; null for the first. */
        parentId: id.nullable(),
        content: text(500_000),
        model: modelRef,
        attachments: z.array(attachment).max(10).optional(),
        /** From the conversation's preset; the provider's default when absent. */
        temperature: z.number().min(0).max(2).optional(),
        maxOutputTokens: z.number().int().positive().max(1_000_000).optional(),
      })
      .strict(),
  ),
  regenerate: call<SendResult>()(
    z.object({ messageId: id, model: modelRef.optional() }).strict(),
  ),
  continueMessage: call<SendResult>()(z.object({ messageId: id }).strict()),
  stopStream: call<{ stopped: boolean }>()(z.object({ streamId: id }).strict()),

  listLedger: call<LedgerEntry[]>()(
    z
      .object({
        host: text(300).optional(),
        since: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
  ),

  getLockState: call<LockState>()(z.object({ activity: z.boolean().optional() }).strict()),
  lockNow: call<LockState>()(empty),
  unlock: call<LockState>()(z.object({ passphrase: z.string().min(1).max(1000) }).strict()),
  setLockPassphrase: call<LockState>()(
    z.object({ passphrase: z.string().min(1).max(1000), current: z.string().max(1000).optional() }).strict(),
  ),
  disableLock: call<LockState>()(z.object({ current: z.string().max(1000) }).strict()),
  setLockIdle: call<LockState>()(z.object({ minutes: z.number().int().min(0).max(24 * 60) }).strict()),
  /** Passphrase-protected data folders only: re-encrypts the database under a new passphrase. */
  changeDatabasePassphrase: call<{ changed: true }>()(z.object({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) }).strict()),

  ledgerTotals: call<LedgerTotals>()(z.object({ since: z.number().int().nonnegative() }).strict()),
  providerHealth: call<ModelHealth[]>()(z.object({ days: z.union([z.literal(7), z.literal(30)]) }).strict()),

  getFallbackChain: call<ModelRef[]>()(z.object({ conversationId: id }).strict()),
  setFallbackChain: call<ModelRef[]>()(
    z.object({ conversationId: id, chain: z.array(modelRef).max(5) }).strict(),
  ),
  exportLedger: call<SavedFile>()(z.object({ format: z.enum(['csv', 'json']) }).strict()),

  searchMessages: call<SearchHit[]>()(
    z
      .object({
        query: text(500),
        connectionId: id.optional(),
        modelId: z.string().min(1).max(300).optional(),
        from: z.number().int().nonnegative().optional(),
        to: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
  ),
  exportConversations: call<SavedFile>()(
    z
      .object({
        ids: z.array(id).max(100_000).optional(),
        format: z.enum(['markdown', 'json', 'html']),
        branches: z.enum(['current', 'all']),
        /** Seals the export as an encrypted archive (always the lossless JSON inside). */
        passphrase: z.string().min(8).max(1000).optional(),
      })
      .strict(),
  ),
  importConversations: call<ImportSummary>()(
    z.object({ filename: text(500), content: z.string().max(210 * 1024 * 1024), passphrase: z.string().max(1000).optional() }).strict(),
  ),
  /** The same import, run in chunks: poll importStatus for progress; cancelImport writes nothing. */
  startImport: call<{ importId: string }>()(
    z.object({ filename: text(500), content: z.string().max(210 * 1024 * 1024) }).strict(),
  ),
  importStatus: call<ImportStatus>()(z.object({ importId: id }).strict()),
  cancelImport: call<{ cancelled: boolean }>()(z.object({ importId: id }).strict()),

  sendCompare: call<CompareResult>()(
    z
      .object({
        conversationId: id,
        parentId: id.nullable(),
        content: text(500_000),
        models: z.array(modelRef).min(2).max(6),
        attachments: z.array(attachment).max(10).optional(),
      })
      .strict(),
  ),

  getPreferences: call<Preferences>()(empty),
  updatePreferences: call<Preferences>()(
    z
      .object({
        theme: z.enum(['system', 'light', 'dark']).optional(),
        defaultLocalOnly: z.boolean().optional(),
        sensitive: z
          .object({
            disabled: z.array(z.string().min(1).max(100)).max(200),
            custom: z.array(z.object({ label: text(100).min(1), pattern: text(1000).min(1), isRegex: z.boolean() }).strict()).max(200),
          })
          .strict()
          .optional(),
        presets: z
          .array(
            z
              .object({
                id,
                name: text(100).min(1),
                systemPrompt: text(20_000),
                temperature: z.number().min(0).max(2).optional(),
                maxTokens: z.number().int().positive().max(1_000_000).optional(),
              })
              .strict(),
          )
          .max(200)
          .optional(),
        compareSets: z.array(z.object({ id, name: text(100).min(1), models: z.array(modelRef).min(1).max(8) }).strict()).max(100).optional(),
        favorites: z.array(modelRef).max(500).optional(),
        recentModels: z.array(modelRef).max(50).optional(),
      })
      .strict(),
  ),

  setOffline: call<AppInfo>()(z.object({ offline: z.boolean() }).strict()),
  openExternal: call<{ opened: boolean }>()(z.object({ url: text(4000) }).strict()),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallRequest<N extends CallName> = z.input<Contract[N]['request']>;
export type CallResponse<N extends CallName> = Contract[N]['response'];

export const CALL_NAMES = Object.keys(contract) as CallName[];

/** What a handler resolves to on the wire: a value or a typed error, never a throw. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The app lock as the renderer may know it: never the passphrase or its verifier. */
export interface LockState {
  enabled: boolean;
  locked: boolean;
  /** 0 = never locks by itself. */
  idleMinutes: number;
}

export interface IpcError {
  kind: 'invalid-request' | 'unknown-call' | 'forbidden' | 'failed' | 'locked';
  message: string;
  chatError?: ChatError;
}

export interface BuiltinModelList {
  models: BuiltinModel[];
  /** Id of the model in memory now, if any. */
  loadedId?: string;
  ramFreeBytes: number;
}

export interface AppInfo {
  version: string;
  demo: boolean;
  offline: boolean;
  keychain: { available: boolean; reason?: string; locked?: boolean };
  dataDir?: string;
  notices: string[];
  /** The conversation database could only be opened read-only (a full disk at start-up). */
  readOnly?: boolean;
  /** How the conversation database is encrypted on disk, and where its key lives (never the key). */
  atRest?: { cipher: string; keySource: 'keychain' | 'passphrase' };
}

export interface ConnectionTestResult {
  ok: boolean;
  latencyMs: number;
  modelCount?: number;
  error?: ChatError;
}

export interface ModelListResult {
  models: ModelInfo[];
  fetchedAt: number;
  fromCache: boolean;
  error?: ChatError;
}

export interface DiscoveredServer {
  kind: 'ollama' | 'openai-compatible';
  product: 'Ollama' | 'LM Studio' | 'llama.cpp' | 'vLLM' | 'OpenAI-compatible';
  baseUrl: string;
  models: string[];
  alreadyAdded: boolean;
}

export type ProbeLocalServerResult = { found: true; server: DiscoveredServer } | { found: false; message: string };

export interface SavedFile {
  saved: boolean;
  /** Where it went (Electron: the path the user chose; harness: its exports folder). */
  path?: string;
  bytes?: number;
}

export interface ImportSummary {
  source: 'enclave' | 'chatgpt' | 'claude' | 'chatbox' | 'messages';
  conversations: number;
  messages: number;
  warnings: string[];
  /** Conversations that were not imported, each with its place in the file and the reason. */
  skipped: { index: number; title: string; reason: string }[];
}

export type ImportStatus =
  | { state: 'running'; phase: 'reading' | 'converting' | 'writing'; percent: number }
  | { state: 'done'; summary: ImportSummary }
  | { state: 'cancelled' }
  | { state: 'failed'; message: string };

export interface CompareResult {
  userMessageId: string;
  panes: { streamId: string; assistantMessageId: string; model: ModelRef }[];
}

export interface SendResult {
  streamId: string;
  userMessageId?: string;
  assistantMessageId: string;
}

/** The renderer's view of the bridge: one named function per call, plus stream events. */
export type EnclaveApi = {
  [N in CallName]: (request: CallRequest<N>) => Promise<CallResult<CallResponse<N>>>;
} & {
  onStreamEvents(listener: (events: import('./types').StreamEvent[]) => void): () => void;
};
