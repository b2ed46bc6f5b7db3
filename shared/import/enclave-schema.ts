// The schema of Enclave's own export, mirroring shared/types.ts. Unknown keys are dropped
// (zod's default), so a file never brings fields the app does not know into the store.
import { z } from 'zod';
import { ENCLAVE_FORMAT, ENCLAVE_FORMAT_VERSION } from '../export/enclave-format';
import { PROVIDER_KINDS } from '../types';
import type { Attachment, ChatError, ChatErrorKind, Conversation, ConversationBundle, Message, Usage } from '../types';
import { IMPORT_LIMITS as L } from './limits';

const CHAT_ERROR_KINDS = [
  'auth',
  'quota',
  'rate-limited',
  'overloaded',
  'model-not-found',
  'context-too-long',
  'content-filtered',
  'bad-request',
  'server',
  'network',
  'tls',
  'first-byte-timeout',
  'stalled',
  'malformed-stream',
  'aborted',
  'offline',
  'not-allowed',
  'locked-local',
  'no-key',
  'keychain-unavailable',
  'keychain-locked',
  'disk-full',
  'unknown',
] as const satisfies readonly ChatErrorKind[];
// Fails to compile when types.ts gains an error kind this list lacks.
const _allKindsListed: Exclude<ChatErrorKind, (typeof CHAT_ERROR_KINDS)[number]> extends never ? true : never = true;

const id = z.string().min(1).max(L.maxIdLength);
const short = z.string().max(L.maxShortTextLength);
const longText = z.string().max(L.maxTextLength);
const time = z.number();
const count = z.number().nonnegative();

const chatError: z.ZodType<ChatError> = z.object({
  kind: z.enum(CHAT_ERROR_KINDS),
  message: z.string().max(10_000),
  status: z.number().int().optional(),
  retryAt: time.optional(),
  detail: z.string().max(10_000).optional(),
});

const usage: z.ZodType<Usage> = z.object({
  inputTokens: count.optional(),
  outputTokens: count.optional(),
  reasoningTokens: count.optional(),
  cachedInputTokens: count.optional(),
});

const attachment: z.ZodType<Attachment> = z.object({
  id,
  name: short,
  mimeType: short,
  size: z.number().int().nonnegative(),
  data: z.string().max(L.maxAttachmentDataLength),
  kind: z.enum(['image', 'text']),
});

const message: z.ZodType<Message> = z.object({
  id,
  conversationId: id,
  parentId: id.nullable(),
  role: z.enum(['system', 'user', 'assistant']),
  content: longText,
  reasoning: longText.optional(),
  model: z.object({ connectionId: id, modelId: short, connectionName: short.optional(), kind: z.enum(PROVIDER_KINDS).optional() }).optional(),
  status: z.enum(['complete', 'streaming', 'interrupted', 'error']),
  error: chatError.optional(),
  usage: usage.optional(),
  costUsd: count.optional(),
  timing: z.object({ firstTokenMs: count.optional(), totalMs: count.optional() }).optional(),
  attachments: z.array(attachment).max(L.maxAttachmentsPerMessage).optional(),
  finish: z
    .object({
      reason: z.enum(['stop', 'length', 'content-filter', 'refusal', 'tool-calls', 'aborted', 'error', 'other']),
      raw: short.optional(),
      toolCalls: z.array(short).max(64).optional(),
    })
    .optional(),
  createdAt: time,
  updatedAt: time,
});

const conversation: z.ZodType<Conversation> = z.object({
  id,
  title: z.string().max(L.maxTitleLength),
  createdAt: time,
  updatedAt: time,
  pinned: z.boolean(),
  localOnly: z.boolean(),
  systemPrompt: z.string().max(L.maxSystemPromptLength).optional(),
  temperature: z.number().min(0).max(2).optional(),
  currentLeafId: id.nullable(),
  deletedAt: time.optional(),
});

const bundle: z.ZodType<ConversationBundle> = z.object({
  conversation,
  messages: z.array(message).max(L.maxMessagesPerConversation),
});

export const enclaveExportSchema = z.object({
  format: z.literal(ENCLAVE_FORMAT),
  version: z.literal(ENCLAVE_FORMAT_VERSION),
  exportedAt: short,
  conversations: z.array(bundle).max(L.maxConversations),
});
export const enclaveBundleSchema = bundle;
