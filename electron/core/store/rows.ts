// Row shapes as SQLite returns them, and their mapping to the shared domain types. JSON
// columns are parsed leniently: a NULL or unreadable value becomes an absent field, never a
// crash (callers validate what they write; this only has to read back what is there).
import type { Conversation, Message } from '../../../shared/types';

export interface ConversationRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  pinned: number;
  local_only: number;
  current_leaf_id: string | null;
  deleted_at: number | null;
  system_prompt: string | null;
  temperature: number | null;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: string;
  content: string;
  reasoning: string | null;
  status: string;
  model_json: string | null;
  error_json: string | null;
  usage_json: string | null;
  cost_usd: number | null;
  attachments_json: string | null;
  timing_json: string | null;
  finish_json: string | null;
  created_at: number;
  updated_at: number;
}

/** 9999-12-31T23:59:59Z, as shared/import/times.ts. */
const MAX_TIME_MS = 253_402_300_799_000;

/**
 * A time column as SQL that always reads back as a JS number: a row written before imports
 * checked times (an integer past 2^53 makes node:sqlite throw on read, which broke the whole
 * list) reads as 0 instead of taking the list, search and export down with it.
 */
export function safeTimeColumn(column: string, alias: string): string {
  return `CASE WHEN ${column} IS NULL THEN NULL WHEN typeof(${column}) IN ('integer', 'real') AND ${column} BETWEEN 0 AND ${MAX_TIME_MS} THEN ${column} ELSE 0 END AS ${alias}`;
}

function columns(names: string, table: string): string {
  return names
    .split(', ')
    .map((name) => {
      const qualified = table ? `${table}.${name}` : name;
      return name.endsWith('_at') ? safeTimeColumn(qualified, name) : qualified;
    })
    .join(', ');
}

export const CONVERSATION_COLUMNS = 'id, title, created_at, updated_at, pinned, local_only, current_leaf_id, deleted_at, system_prompt, temperature';
export const MESSAGE_COLUMNS =
  'id, conversation_id, parent_id, role, content, reasoning, status, model_json, error_json, usage_json, cost_usd, attachments_json, timing_json, created_at, updated_at, finish_json';

/** What SELECTs read (INSERTs name the plain columns above). */
export const CONVERSATION_SELECT = columns(CONVERSATION_COLUMNS, '');
export const MESSAGE_SELECT = columns(MESSAGE_COLUMNS, '');

/** MESSAGE_SELECT through a table alias (`m.id, ...`). */
export function messageSelectOf(table: string): string {
  return columns(MESSAGE_COLUMNS, table);
}

export function toConversation(row: ConversationRow): Conversation {
  const conversation: Conversation = {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pinned: row.pinned !== 0,
    localOnly: row.local_only !== 0,
    currentLeafId: row.current_leaf_id,
  };
  if (row.system_prompt !== null) conversation.systemPrompt = row.system_prompt;
  if (typeof row.temperature === 'number' && row.temperature >= 0 && row.temperature <= 2) conversation.temperature = row.temperature;
  if (row.deleted_at !== null) conversation.deletedAt = row.deleted_at;
  return conversation;
}

export function toMessage(row: MessageRow): Message {
  const message: Message = {
    id: row.id,
    conversationId: row.conversation_id,
    parentId: row.parent_id,
    role: row.role as Message['role'],
    content: row.content,
    status: row.status as Message['status'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.reasoning !== null) message.reasoning = row.reasoning;
  if (row.cost_usd !== null) message.costUsd = row.cost_usd;
  const model = parseJson<Message['model']>(row.model_json);
  if (model !== undefined) message.model = model;
  const error = parseJson<Message['error']>(row.error_json);
  if (error !== undefined) message.error = error;
  const usage = parseJson<Message['usage']>(row.usage_json);
  if (usage !== undefined) message.usage = usage;
  const timing = parseJson<Message['timing']>(row.timing_json);
  if (timing !== undefined) message.timing = timing;
  const attachments = parseJson<Message['attachments']>(row.attachments_json);
  if (attachments !== undefined) message.attachments = attachments;
  const finish = parseJson<Message['finish']>(row.finish_json);
  if (finish !== undefined) message.finish = finish;
  return message;
}

/** The trust boundary is the caller's; here a value is only ever what we serialized. */
export function parseJson<T>(text: string | null): T | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value === null ? undefined : (value as T);
  } catch {
    return undefined;
  }
}

export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function toFlag(value: boolean | undefined): number {
  return value ? 1 : 0;
}
