// Conversations out of and into Enclave: exports (plain or sealed) and imports, one-shot or chunked.
import { z } from 'zod';
import { call, id, text } from './define';

export interface SavedFile {
  saved: boolean;
  /** Where it went (Electron: the path the user chose; harness: its exports folder). */
  path?: string;
  bytes?: number;
  /** Whether showInFolder can open the file manager there (Electron, not the browser harness). */
  canReveal?: boolean;
}

export interface ImportSummary {
  source: 'enclave' | 'chatgpt' | 'claude' | 'chatbox' | 'messages';
  conversations: number;
  messages: number;
  warnings: string[];
  /** Conversations that were not imported, each with its place in the file and the reason. */
  skipped: { index: number; title: string; reason: string }[];
}

export type ImportStatus =
  | { state: 'running'; phase: 'reading' | 'converting' | 'writing'; percent: number }
  | { state: 'done'; summary: ImportSummary }
  | { state: 'cancelled' }
  | { state: 'failed'; message: string };

export const transferCalls = {
  exportConversations: call<SavedFile>()(
    z
      .object({
        ids: z.array(id).max(100_000).optional(),
        format: z.enum(['markdown', 'json', 'html']),
        branches: z.enum(['current', 'all']),
        /** Seals the export as an encrypted archive (always the lossless JSON inside). */
        passphrase: z.string().min(8).max(1000).optional(),
      })
      .strict(),
  ),
  /** Shows a file this session exported in the OS file manager (Electron only). */
  showInFolder: call<{ shown: boolean }>()(z.object({ path: z.string().min(1).max(4096) }).strict()),
  importConversations: call<ImportSummary>()(z.object({ filename: text(500), content: z.string().max(210 * 1024 * 1024), passphrase: z.string().max(1000).optional() }).strict()),
  /** The same import, run in chunks: poll importStatus for progress; cancelImport writes nothing. */
  startImport: call<{ importId: string }>()(z.object({ filename: text(500), content: z.string().max(210 * 1024 * 1024) }).strict()),
  importStatus: call<ImportStatus>()(z.object({ importId: id }).strict()),
  cancelImport: call<{ cancelled: boolean }>()(z.object({ importId: id }).strict()),
} as const;
