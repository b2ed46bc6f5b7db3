// The parts of a Chatbox (chatboxai.app) backup that we read. Settings → Backup writes one
// JSON object of its storage keys: "chat-sessions-list" ([{ id, name }]), one "session:<id>"
// per conversation, settings (never read: they hold API keys), "__exported_items" and
// "__exported_at". Versions before 1.x kept every session under "chat-sessions"; the
// per-conversation export wraps one session as { __source: 'chatbox', session }.
// Shapes checked against Chatbox's own zod schemas (src/shared/types/session.ts).
import { z } from 'zod';
import { IMPORT_LIMITS as L } from './limits';

const id = z.string().min(1).max(L.maxIdLength);
const short = z.string().max(L.maxShortTextLength);
const longText = z.string().max(L.maxTextLength);

/** contentParts: text | image (storageKey) | reasoning | tool-call | info | app ... */
const part = z.object({
  type: short,
  text: longText.nullish(),
  toolName: short.nullish(),
  args: z.unknown().optional(),
  result: z.unknown().optional(),
});

const message = z.object({
  id,
  role: short,
  contentParts: z.array(part).max(10_000).nullish(),
  /** Before contentParts (Chatbox < 1.10), the text was a plain string here. */
  content: longText.nullish(),
  reasoningContent: longText.nullish(),
  model: short.nullish(),
  aiProvider: short.nullish(),
  timestamp: z.number().nullish(),
  error: z.string().max(100_000).nullish(),
  files: z
    .array(z.object({ name: short.nullish() }))
    .max(L.maxAttachmentsPerMessage)
    .nullish(),
  links: z
    .array(z.object({ url: z.string().max(10_000).nullish(), title: short.nullish() }))
    .max(L.maxAttachmentsPerMessage)
    .nullish(),
});

const thread = z.object({
  id,
  name: short.nullish(),
  messages: z.array(message).max(L.maxMessagesPerConversation),
  createdAt: z.number().nullish(),
});

const session = z.object({
  id,
  name: z.string().max(L.maxTitleLength).nullish(),
  type: short.nullish(),
  starred: z.boolean().nullish(),
  messages: z.array(message).max(L.maxMessagesPerConversation),
  /** Earlier context threads the user closed with "new thread": each becomes its own conversation. */
  threads: z.array(thread).max(10_000).nullish(),
  threadName: short.nullish(),
  /** Alternative replies the user regenerated; not brought over (a warning says how many). */
  messageForksHash: z.record(z.string(), z.unknown()).nullish(),
});

export const chatboxSessionSchema = session;
export type ChatboxSession = z.infer<typeof session>;
export type ChatboxMessage = z.infer<typeof message>;

export function isChatboxBackup(json: Record<string, unknown>): boolean {
  return (
    '__exported_items' in json ||
    Array.isArray(json['chat-sessions-list']) ||
    Array.isArray(json['chat-sessions']) ||
    (json.__source === 'chatbox' && typeof json.session === 'object')
  );
}

/** The sessions of a backup, in the order of its list; a listed session missing from the file stays as undefined. */
export function chatboxSessions(json: Record<string, unknown>): unknown[] {
  if (json.__source === 'chatbox' && json.session) return [json.session];
  const listed = Array.isArray(json['chat-sessions-list']) ? (json['chat-sessions-list'] as unknown[]) : [];
  const items: unknown[] = [];
  const seen = new Set<string>();
  for (const meta of listed) {
    const metaId = meta && typeof meta === 'object' ? (meta as { id?: unknown }).id : undefined;
    if (typeof metaId !== 'string') {
      items.push(meta);
      continue;
    }
    seen.add(metaId);
    items.push(json[`session:${metaId}`] ?? { id: metaId, name: (meta as { name?: unknown }).name, missing: true });
  }
  for (const [key, value] of Object.entries(json)) {
    if (key.startsWith('session:') && !seen.has(key.slice('session:'.length))) items.push(value);
  }
  // Old backups: one list. Newer ones may still carry it beside the per-session keys.
  if (items.length === 0 && Array.isArray(json['chat-sessions'])) items.push(...(json['chat-sessions'] as unknown[]));
  return items;
}
