// An import in two steps, so the engine can run it in chunks with progress and Cancel:
// planImport checks the raw text, parses it and finds the list of conversations; read(i)
// then turns one item into bundles, or says why that item is skipped. One bad item never
// stops the others.
import type { z } from 'zod';
import { formatSize } from '../export/labels';
import type { ConversationBundle } from '../types';
import { chatboxSessions, chatboxSessionSchema } from './chatbox-schema';
import { chatGptConversationSchema } from './chatgpt-schema';
import { claudeConversationSchema } from './claude-schema';
import { detectFormat } from './detect-format';
import { enclaveBundleSchema } from './enclave-schema';
import { fromChatboxSession } from './from-chatbox';
import { fromChatGptConversation } from './from-chatgpt';
import { fromClaudeConversation } from './from-claude';
import { enclaveConversations } from './from-enclave';
import { fromMessagesConversation } from './from-messages';
import { fail, type ImportOptions, type ImportSource, type Step } from './import-result';
import { exceedsUtf8Bytes, findExcessiveNesting } from './input-guards';
import { describeIssues } from './issue-path';
import { IMPORT_LIMITS } from './limits';
import { messagesConversationSchema } from './messages-schema';
import { clampBundleTimes } from './times';
import { verifyBundle } from './verify-bundles';
import type { Warnings } from './warnings';

export type ReadItem = { ok: true; bundles: ConversationBundle[] } | { ok: false; title: string; reason: string };

export interface ImportPlan {
  source: ImportSource;
  /** Items in the file (conversations; a Chatbox session with old threads gives several). */
  count: number;
  read(index: number, warnings: Warnings): ReadItem;
}

interface Converted {
  bundles: ConversationBundle[];
  label: string;
  badTimes?: number;
}

export function planImport(text: string, opts: ImportOptions = {}): Step<ImportPlan> {
  if (typeof text !== 'string') return fail('Nothing to import: expected the text of a file.');
  const maxBytes = limit(opts.maxBytes, IMPORT_LIMITS.maxBytes);
  if (exceedsUtf8Bytes(text, maxBytes)) return fail(`The file is larger than the import limit of ${formatSize(maxBytes)}.`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('The file is empty.');
  const maxDepth = limit(opts.maxDepth, IMPORT_LIMITS.maxDepth);
  const deepAt = findExcessiveNesting(body, maxDepth);
  if (deepAt !== null) {
    return fail(`The file nests deeper than ${maxDepth} levels (at character ${deepAt}); no export does that.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`The file is not valid JSON (it may be cut off or not an export): ${reason}`);
  }
  const detected = detectFormat(json);
  if (!detected.ok) return detected;
  const { source, data } = detected.value;
  const items = itemsOf(source, data);
  if (!items.ok) return items;
  if (items.value.length > IMPORT_LIMITS.maxConversations) {
    return fail(`The file holds more than ${IMPORT_LIMITS.maxConversations} conversations; import it in parts.`);
  }
  // An empty Enclave export is a real file (exported before any chat); other sources say so.
  if (items.value.length === 0 && source !== 'enclave') return fail('The file holds no conversations to import.');
  const list = items.value;
  return { ok: true, value: { source, count: list.length, read: (index, warnings) => readItem(source, list[index], index, warnings) } };
}

function itemsOf(source: ImportSource, data: unknown): Step<unknown[]> {
  switch (source) {
    case 'enclave':
      return enclaveConversations(data as Record<string, unknown>);
    case 'chatbox':
      return { ok: true, value: chatboxSessions(data as Record<string, unknown>) };
    case 'chatgpt':
    case 'claude':
    case 'messages':
      return { ok: true, value: data as unknown[] };
    default: {
      const unreachable: never = source;
      return fail(`Unknown source ${String(unreachable)}`);
    }
  }
}

function readItem(source: ImportSource, item: unknown, index: number, warnings: Warnings): ReadItem {
  const where = `conversations[${index}]`;
  try {
    const converted = convert(source, item, index, warnings);
    if (!converted.ok) return { ok: false, title: titleOf(item, index), reason: converted.error };
    const bundles: ConversationBundle[] = [];
    for (const raw of converted.value.bundles) {
      const bundle = clampBundleTimes(raw, converted.value.label, warnings, converted.value.badTimes ?? 0);
      const problem = verifyBundle(bundle);
      if (problem) return { ok: false, title: bundle.conversation.title, reason: problem };
      bundles.push(bundle);
    }
    return { ok: true, bundles };
  } catch (error) {
    // Only a bug (or an engine limit) gets here; it still skips just this item.
    return { ok: false, title: titleOf(item, index), reason: `${where} could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function convert(source: ImportSource, item: unknown, index: number, warnings: Warnings): Step<Converted> {
  switch (source) {
    case 'enclave':
      return validated(enclaveBundleSchema, item, index, (b) => ({ bundles: [b], label: `Conversation "${b.conversation.title}"` }));
    case 'chatgpt':
      return validated(chatGptConversationSchema, item, index, (c) => {
        const { bundle, label, badTimes } = fromChatGptConversation(c, warnings);
        return { bundles: [bundle], label, badTimes };
      });
    case 'claude':
      return validated(claudeConversationSchema, item, index, (c) => {
        const { bundle, label } = fromClaudeConversation(c, warnings);
        return { bundles: [bundle], label };
      });
    case 'chatbox':
      if (item && typeof item === 'object' && (item as { missing?: unknown }).missing === true) {
        return fail('listed in the backup, but its messages are not in the file.');
      }
      return validated(chatboxSessionSchema, item, index, (s) => fromChatboxSession(s, warnings));
    case 'messages':
      return validated(messagesConversationSchema, item, index, (c) => {
        const { bundle, label } = fromMessagesConversation(c, index, warnings);
        return { bundles: [bundle], label };
      });
    default: {
      const unreachable: never = source;
      return fail(`Unknown source ${String(unreachable)}`);
    }
  }
}

function validated<S extends z.ZodType>(schema: S, item: unknown, index: number, then: (value: z.output<S>) => Converted): Step<Converted> {
  const parsed = schema.safeParse(item);
  if (!parsed.success) return fail(describeIssues(parsed.error, `conversations[${index}]`));
  return { ok: true, value: then(parsed.data) };
}

/** A name for the report, even for an item too broken to read. */
function titleOf(item: unknown, index: number): string {
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    const inner = o.conversation && typeof o.conversation === 'object' ? (o.conversation as Record<string, unknown>) : {};
    for (const candidate of [o.title, o.name, inner.title, o.id, o.uuid, o.conversation_id]) {
      if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim().slice(0, 200);
    }
  }
  return `Conversation ${index + 1}`;
}

/** A caller's limit when it is a real one; NaN or a negative number must not switch a guard off. */
function limit(requested: number | undefined, fallback: number): number {
  return typeof requested === 'number' && requested >= 0 ? requested : fallback;
}
