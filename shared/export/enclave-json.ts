// Enclave's lossless export. Export → import → export gives the same bytes except for
// `exportedAt`: keys are written in a fixed order (canonicalBundle) with two-space indent.
import type { ConversationBundle } from '../types';
import { canonicalBundle } from './canonical-bundle';
import { ENCLAVE_FORMAT, ENCLAVE_FORMAT_VERSION, type EnclaveExport } from './enclave-format';

export interface EnclaveJsonOptions {
  /** Clock for `exportedAt`, epoch ms. Injected so tests and fixtures are reproducible. */
  now?: () => number;
}

export function toEnclaveJson(bundles: readonly ConversationBundle[], opts: EnclaveJsonOptions = {}): string {
  const now = opts.now ?? Date.now;
  const envelope: EnclaveExport = {
    format: ENCLAVE_FORMAT,
    version: ENCLAVE_FORMAT_VERSION,
    exportedAt: new Date(now()).toISOString(),
    conversations: bundles.map(canonicalBundle),
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}
