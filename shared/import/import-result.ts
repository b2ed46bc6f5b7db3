// What parseImport returns: every conversation that could be read, and for each one that
// could not, where it was in the file and why.
import type { ConversationBundle } from '../types';

export type ImportSource = 'enclave' | 'chatgpt' | 'claude' | 'chatbox' | 'messages';

export interface SkippedConversation {
  /** 0-based position in the file's list of conversations. */
  index: number;
  title: string;
  reason: string;
}

export type ImportResult = { ok: true; source: ImportSource; bundles: ConversationBundle[]; skipped: SkippedConversation[]; warnings: string[] } | { ok: false; error: string };

export interface ImportOptions {
  /** Largest accepted file, in UTF-8 bytes. Default IMPORT_LIMITS.maxBytes (200 MB). */
  maxBytes?: number;
  /** Deepest accepted JSON nesting. Default IMPORT_LIMITS.maxDepth. */
  maxDepth?: number;
}

/** A step that either yields a value or stops with a human sentence. */
export type Step<T> = { ok: true; value: T } | { ok: false; error: string };

export function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
