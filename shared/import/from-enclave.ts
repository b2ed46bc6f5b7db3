// Reads Enclave's own export (shared/export/enclave-json.ts): the envelope is checked as a
// whole, then each conversation on its own, so one damaged conversation skips only itself.
import { ENCLAVE_FORMAT_VERSION } from '../export/enclave-format';
import { fail, type Step } from './import-result';
import { IMPORT_LIMITS } from './limits';

export function enclaveConversations(data: Record<string, unknown>): Step<unknown[]> {
  const version = data.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > ENCLAVE_FORMAT_VERSION) {
    return fail(
      `This file was exported by a newer Enclave (format version ${version}); this version reads format version ` + `${ENCLAVE_FORMAT_VERSION}. Update Enclave to import it.`,
    );
  }
  if (version !== ENCLAVE_FORMAT_VERSION) {
    return fail(`version: expected ${ENCLAVE_FORMAT_VERSION}, found ${describeValue(version)}.`);
  }
  const list = data.conversations;
  if (!Array.isArray(list)) return fail(`Enclave export: conversations: expected a list, found ${describeValue(list)}.`);
  if (list.length > IMPORT_LIMITS.maxConversations) {
    return fail(`The file holds more than ${IMPORT_LIMITS.maxConversations} conversations; import it in parts.`);
  }
  return { ok: true, value: list };
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? typeof value;
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}
