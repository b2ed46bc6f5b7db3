// What parseImport returns: all the data, or a reason and nothing else.
import type { ConversationBundle } from '../types';

export type ImportSource = 'enclave' | 'chatgpt' | 'claude';

export type ImportResult =
  | { ok: true; source: ImportSource; bundles: ConversationBundle[]; warnings: string[] }
  | { ok: false; error: string };

export interface ImportOptions {
  /** Largest accepted file, in UTF-8 bytes. Default IMPORT_LIMITS.maxBytes (200 MB). */
  maxBytes?: number;
  /** Deepest accepted JSON nesting. Default IMPORT_LIMITS.maxDepth. */
  maxDepth?: number;
}

/** A step that either yields a value or stops the import with a human sentence. */
export type Step<T> = { ok: true; value: T } | { ok: false; error: string };

export function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
