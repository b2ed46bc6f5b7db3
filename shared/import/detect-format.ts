// Tells the three accepted files apart by shape: Enclave's envelope, or the
// conversations.json list of a ChatGPT export (items have `mapping`) or of a Claude export
// (items have `chat_messages`).
import { ENCLAVE_FORMAT } from '../export/enclave-format';
import { fail, type ImportSource, type Step } from './import-result';

export interface Detected {
  source: ImportSource;
  data: unknown;
}

const EXPECTED =
  'Expected an Enclave export, or conversations.json from a ChatGPT or Claude data export';

export function detectFormat(json: unknown): Step<Detected> {
  if (Array.isArray(json)) return detectList(json);
  if (json === null || typeof json !== 'object') return fail(`${EXPECTED}; found ${kindOf(json)}.`);
  const format = (json as Record<string, unknown>).format;
  if (format === ENCLAVE_FORMAT) return { ok: true, value: { source: 'enclave', data: json } };
  if (format !== undefined) return fail(`${EXPECTED}; found an object with format ${JSON.stringify(format)?.slice(0, 60)}.`);
  const keys = Object.keys(json).slice(0, 5).join(', ');
  return fail(`${EXPECTED}; found an object with keys ${keys || '(none)'}.`);
}

function detectList(list: unknown[]): Step<Detected> {
  const first: unknown = list[0];
  if (list.length === 0) return fail('The file holds an empty list: there are no conversations to import.');
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    if ('mapping' in first) return { ok: true, value: { source: 'chatgpt', data: list } };
    if ('chat_messages' in first) return { ok: true, value: { source: 'claude', data: list } };
  }
  return fail(
    `conversations[0]: ${EXPECTED}; this item has neither "mapping" (ChatGPT) nor "chat_messages" (Claude).`,
  );
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : `a ${typeof value}`;
}
