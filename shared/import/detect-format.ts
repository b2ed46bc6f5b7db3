// Tells the accepted files apart by shape: Enclave's envelope; conversations.json of a
// ChatGPT export (items have `mapping`) or a Claude export (items have `chat_messages`); a
// Chatbox backup; or a generic transcript with `messages`.
import { ENCLAVE_FORMAT } from '../export/enclave-format';
import { isChatboxBackup } from './chatbox-schema';
import { fail, type ImportSource, type Step } from './import-result';

export interface Detected {
  source: ImportSource;
  data: unknown;
}

const EXPECTED = 'Expected an Enclave export, conversations.json from a ChatGPT or Claude data export, a Chatbox backup, or a JSON chat with "messages"';

export function detectFormat(json: unknown): Step<Detected> {
  if (Array.isArray(json)) return detectList(json);
  if (json === null || typeof json !== 'object') return fail(`${EXPECTED}; found ${kindOf(json)}.`);
  const object = json as Record<string, unknown>;
  const format = object.format;
  if (format === ENCLAVE_FORMAT) return { ok: true, value: { source: 'enclave', data: json } };
  if (isChatboxBackup(object)) return { ok: true, value: { source: 'chatbox', data: json } };
  if (Array.isArray(object.messages)) return { ok: true, value: { source: 'messages', data: [json] } };
  if (format !== undefined) return fail(`${EXPECTED}; found an object with format ${JSON.stringify(format)?.slice(0, 60)}.`);
  const keys = Object.keys(json).slice(0, 5).join(', ');
  return fail(`${EXPECTED}; found an object with keys ${keys || '(none)'}.`);
}

function detectList(list: unknown[]): Step<Detected> {
  if (list.length === 0) return fail('The file holds an empty list: there are no conversations to import.');
  // The first recognisable item decides, so one broken item at the top cannot hide the format.
  for (const item of list.slice(0, 1000)) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    if ('mapping' in item) return { ok: true, value: { source: 'chatgpt', data: list } };
    if ('chat_messages' in item) return { ok: true, value: { source: 'claude', data: list } };
    if ('messages' in item) return { ok: true, value: { source: 'messages', data: list } };
  }
  return fail(`conversations[0]: ${EXPECTED}; this item has neither "mapping" (ChatGPT), "chat_messages" (Claude) nor "messages".`);
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : `a ${typeof value}`;
}
