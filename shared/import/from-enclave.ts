// Reads Enclave's own export (shared/export/enclave-json.ts). Lossless: what was written
// comes back, minus the envelope.
import { ENCLAVE_FORMAT_VERSION } from '../export/enclave-format';
import type { ConversationBundle } from '../types';
import { enclaveExportSchema } from './enclave-schema';
import { fail, type Step } from './import-result';
import { describeIssues } from './issue-path';

export function fromEnclave(data: Record<string, unknown>): Step<ConversationBundle[]> {
  const version = data.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > ENCLAVE_FORMAT_VERSION) {
    return fail(
      `This file was exported by a newer Enclave (format version ${version}); this version reads format version ` +
        `${ENCLAVE_FORMAT_VERSION}. Update Enclave to import it.`,
    );
  }
  if (version !== ENCLAVE_FORMAT_VERSION) {
    return fail(`version: expected ${ENCLAVE_FORMAT_VERSION}, found ${describeValue(version)}.`);
  }
  const parsed = enclaveExportSchema.safeParse(data);
  if (!parsed.success) return fail(`Enclave export: ${describeIssues(parsed.error, '')}`);
  return { ok: true, value: parsed.data.conversations };
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? typeof value;
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}
