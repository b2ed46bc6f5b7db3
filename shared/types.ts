// Domain types shared by core, main, harness and renderer. Pure types, no I/O.

export const PROVIDER_KINDS = ['openai', 'anthropic', 'google', 'mistral', 'groq', 'deepseek', 'xai', 'openai-compatible', 'ollama', 'builtin'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A configured way to reach models. The key itself lives in the keychain, never here. */
export interface Connection {
  id: string;
  kind: ProviderKind;
  name: string;
  /** Base URL for kinds that need one (ollama, openai-compatible) or an override. */
  baseUrl?: string;
  /** True when every request stays on this machine (loopback). Derived from baseUrl. */
  local: boolean;
  /** Manually added model ids the provider listing omits. */
  extraModels: string[];
  createdAt: number;
  /** Own limits for a reply to start / to pause mid-stream; absent: shared/stall-timeouts.ts defaults. */
  firstByteTimeoutMs?: number;
  stallTimeoutMs?: number;
}

/** A GGUF file the user added to the built-in engine (remembered by path, never copied). */
export interface BuiltinModel {
  id: string;
  name: string;
  path: string;
  architecture: string;
  /** As llama.cpp names it: Q4_K_M, Q8_0, F16 ... */
  quantisation: string;
  /** The context length the model was trained with. */
  contextLength?: number;
  parameters: number;
  sizeBytes: number;
  /** Weights plus the engine's context, estimated by llama.cpp's own rules. */
  ramNeededBytes: number;
  addedAt: number;
}

/** What a GGUF file's header says, and whether it fits in memory now; shown before adding. */
export interface GgufReport extends Omit<BuiltinModel, 'id' | 'addedAt'> {
  /** The context the engine will open: the trained length, capped. */
  contextSize: number;
  ramFreeBytes: number;
  fits: boolean;
  supported: boolean;
}

/** What the renderer may know about a stored key. */
export interface KeyHint {
  connectionId: string;
  last4: string;
  verifiedAt?: number;
}

export interface ConnectionView extends Connection {
  keyHint?: KeyHint;
  demo?: boolean;
}

export interface ModelRef {
  connectionId: string;
  modelId: string;
}

export interface ModelInfo {
  id: string;
  label?: string;
  contextWindow?: number;
  vision?: boolean;
  reasoning?: boolean;
}

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
  reasoningTokens?: number;
  cachedInputTokens?: number;
}

export type Role = 'system' | 'user' | 'assistant';

export type MessageStatus = 'complete' | 'streaming' | 'interrupted' | 'error';

export interface Attachment {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  /** base64 for images, utf-8 text for text files */
  data: string;
  kind: 'image' | 'text';
}

export interface Message {
  id: string;
  conversationId: string;
  parentId: string | null;
  role: Role;
  content: string;
  reasoning?: string;
  model?: AnsweringModel;
  status: MessageStatus;
  error?: ChatError;
  usage?: Usage;
  costUsd?: number;
  /** How the provider ended the reply (absent on user messages and on replies from before it was kept). */
  finish?: MessageFinishInfo;
  /** Measured on this machine: time to first token and total duration, ms. */
  timing?: { firstTokenMs?: number; totalMs?: number };
  attachments?: Attachment[];
  createdAt: number;
  updatedAt: number;
}

/** A model that was tried for a turn and failed before its first token, and why. */
export interface FailedAttempt {
  model: ModelRef & { connectionName?: string };
  error: Pick<ChatError, 'kind' | 'message'>;
}

/** The model that answered; `failedFirst` lists the fallback chain's earlier models that failed. */
export type AnsweringModel = ModelRef & { connectionName?: string; kind?: ProviderKind; failedFirst?: FailedAttempt[] };

export interface Conversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  pinned: boolean;
  /** When true the core refuses every non-local connection for this conversation. */
  localOnly: boolean;
  systemPrompt?: string;
  /** Sampling temperature (0–2) sent with every turn; absent = the provider's default. */
  temperature?: number;
  /** Leaf of the branch the user is looking at. */
  currentLeafId: string | null;
  deletedAt?: number;
}

/** Every way a turn can fail, as a value. */
export type ChatErrorKind =
  | 'auth'
  | 'quota'
  | 'rate-limited'
  | 'overloaded'
  | 'model-not-found'
  | 'context-too-long'
  | 'content-filtered'
  | 'bad-request'
  | 'server'
  | 'network'
  | 'tls'
  | 'first-byte-timeout'
  | 'stalled'
  | 'malformed-stream'
  | 'aborted'
  | 'offline'
  | 'not-allowed'
  | 'locked-local'
  | 'no-key'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'disk-full'
  | 'unknown';

export interface ChatError {
  kind: ChatErrorKind;
  /** A sentence a person can act on. Never contains a key. */
  message: string;
  status?: number;
  /** Epoch ms after which a retry is sensible (rate limits). */
  retryAt?: number;
  /** Provider's own words, trimmed, for the details disclosure. */
  detail?: string;
}

/** One shape for every provider's stream, after the adapter translated it. */
/** Rows a turn wrote, as the store holds them: the renderer shows these instead of re-reading. */
export interface TurnRows {
  conversation: Conversation;
  /** The user message (when the turn wrote one) and the reply row, in that order. */
  messages: Message[];
}

/**
 * The events of one turn, batched to the renderer. Times (`atMs`, `firstTokenMs`, `totalMs`) are
 * ms since the engine started the turn, measured as bytes arrive, so a live figure and the saved
 * one are the same number.
 */
export type StreamEvent =
  | { kind: 'start'; streamId: string; messageId: string; model: ModelRef; rows: TurnRows }
  /** `atMs`: when the last text of this (possibly merged) delta arrived. */
  | { kind: 'text-delta'; streamId: string; text: string; atMs: number }
  | { kind: 'reasoning-delta'; streamId: string; text: string; atMs: number }
  /** Once per turn, before its first delta. */
  | { kind: 'first-token'; streamId: string; firstTokenMs: number }
  | { kind: 'usage'; streamId: string; usage: Usage; costUsd?: number }
  /** `message`: the saved reply; absent only when the disk refused the final write. */
  | { kind: 'finish'; streamId: string; reason: FinishReason; timing: { firstTokenMs?: number; totalMs: number }; message?: Message }
  | { kind: 'error'; streamId: string; error: ChatError; partial: boolean; message?: Message }
  /** The model failed before its first token; the turn moves to the next model of the fallback chain. */
  | { kind: 'failover'; streamId: string; failed: FailedAttempt; next: AnsweringModel };

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'refusal' | 'tool-calls' | 'aborted' | 'error' | 'other';

/** A reply's end as stored with it: the reason, the provider's own word, and what it asked for that Enclave does not do. */
export interface MessageFinishInfo {
  reason: FinishReason;
  /** The provider's raw finish reason ("max_tokens", "SAFETY", "refusal"), for the details line. */
  raw?: string;
  /** Tools the model asked to call; Enclave runs none. */
  toolCalls?: string[];
}

export interface LedgerEntry {
  id: number;
  at: number;
  connectionId: string | null;
  host: string;
  model: string | null;
  method: string;
  path: string;
  bytesUp: number;
  bytesDown: number;
  durationMs: number;
  /** HTTP status, or 0 when no response (refused, network error). */
  status: number;
  outcome: 'ok' | 'http-error' | 'refused' | 'network-error' | 'aborted';
  /** Set on a chat turn's request: its measured time to first token, output tokens and generation time. */
  turn?: { ttftMs?: number; outputTokens?: number; generationMs?: number };
}

/** A ledger row as egress records it; `turnId` ties a chat turn's request to the turn's figures. */
export type LedgerRecord = Omit<LedgerEntry, 'id' | 'turn'> & { turnId?: string };

/** One model's record, computed from the ledger on this machine. */
export interface ModelHealth {
  connectionId: string;
  connectionName: string;
  model: string;
  requests: number;
  /** Share of requests that ended ok, 0..1. */
  successRate: number;
  ttftP50Ms?: number;
  ttftP95Ms?: number;
  tokensPerSecondP50?: number;
  lastFailure?: { at: number; status: number; outcome: LedgerEntry['outcome'] };
}

/** One conversation with its whole message tree: the unit of export, import and backup. */
export interface ConversationBundle {
  conversation: Conversation;
  messages: Message[];
}

export interface SearchHit {
  messageId: string;
  conversationId: string;
  conversationTitle: string;
  role: Role;
  /** Excerpt with matches wrapped in \u0001 … \u0002 markers (the renderer highlights them safely). */
  snippet: string;
  model?: ModelRef;
  createdAt: number;
}

export interface LedgerTotal {
  requests: number;
  bytesUp: number;
  bytesDown: number;
  durationMs: number;
  /** Requests that did not end 'ok'. */
  failures: number;
}

export interface LedgerTotals {
  byHost: Array<LedgerTotal & { host: string }>;
  /** `day` is the local calendar date, YYYY-MM-DD, oldest first. */
  byDay: Array<LedgerTotal & { day: string }>;
}

export type ExportFormat = 'markdown' | 'json' | 'html';

export interface Preferences {
  theme: 'system' | 'light' | 'dark';
  defaultLocalOnly: boolean;
  sensitive: { disabled: string[]; custom: { label: string; pattern: string; isRegex: boolean }[] };
  presets: { id: string; name: string; systemPrompt: string; temperature?: number; maxTokens?: number }[];
  compareSets: { id: string; name: string; models: ModelRef[] }[];
  favorites: ModelRef[];
  recentModels: ModelRef[];
}
