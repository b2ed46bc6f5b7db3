// The envelope of Enclave's own lossless export. Bump the version only for a change old
// readers cannot ignore; the importer refuses versions it does not know.
//
// Round trip (export → parseImport → export) gives identical bytes except `exportedAt`.
// The first export normalises what it is given, so bytes can differ from the in-memory
// objects in these documented ways: keys in canonical order, optional fields that are
// undefined left out, runtime fields outside shared/types.ts dropped, -0 written as 0.
import type { ConversationBundle } from '../types';

export const ENCLAVE_FORMAT = 'enclave.conversations';
export const ENCLAVE_FORMAT_VERSION = 1;

export interface EnclaveExport {
  format: typeof ENCLAVE_FORMAT;
  version: typeof ENCLAVE_FORMAT_VERSION;
  /** ISO 8601. The only field that differs between two exports of the same data. */
  exportedAt: string;
  conversations: ConversationBundle[];
}
