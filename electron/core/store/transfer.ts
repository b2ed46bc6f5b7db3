// Export and import at the engine's edge: formats come from shared/, writing from the store.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSummary, SavedFile } from '../../../shared/contract';
import { toEnclaveJson } from '../../../shared/export/enclave-json';
import { toHtml } from '../../../shared/export/html';
import { toMarkdown } from '../../../shared/export/markdown';
import type { ConversationBundle, ExportFormat } from '../../../shared/types';
import { UserFacingError } from '../errors/user-facing-error';
import type { ImportJobs } from './import-job';
import { freeMb, isDiskFull, roomFor } from './disk-space';

const EXTENSIONS: Record<ExportFormat, string> = { markdown: 'md', json: 'json', html: 'html' };

export function renderExport(bundles: ConversationBundle[], format: ExportFormat, branches: 'current' | 'all') {
  const content =
    format === 'json' ? toEnclaveJson(bundles) : format === 'html' ? toHtml(bundles, { branches }) : toMarkdown(bundles, { branches });
  const base = bundles.length === 1 ? safeName(bundles[0]!.conversation.title || 'conversation') : `enclave-${bundles.length}-conversations`;
  return { name: `${base}.${EXTENSIONS[format]}`, content };
}

function safeName(title: string): string {
  return title.replace(/[^\p{L}\p{N} _.-]+/gu, '').trim().slice(0, 80).replace(/\s+/g, '-') || 'conversation';
}

// Stored text is indexed for search (FTS5) and passes through the WAL: about three times its size.
const IMPORT_GROWTH = 3;

function refuseDiskFull(what: string, freeMbNow: number, neededMb?: number): never {
  const need = neededMb === undefined ? '' : ` It needs about ${neededMb} MB.`;
  throw new UserFacingError({ kind: 'disk-full', message: `Your disk is full — ${freeMbNow} MB free. ${what}${need} Free some space and try again.` });
}

const mb = (bytes: number) => Math.ceil((bytes / (1024 * 1024)) * 10) / 10;

export function saveToFolder(dir: string) {
  return async (name: string, content: string): Promise<SavedFile> => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    const bytes = Buffer.byteLength(content);
    const room = roomFor(dir, bytes);
    if (!room.fits) refuseDiskFull('Nothing was exported.', room.freeMb, mb(bytes));
    const temp = `${path}.partial`;
    try {
      // Via a temp file, so a disk that fills half-way leaves no truncated export behind.
      writeFileSync(temp, content);
      renameSync(temp, path);
    } catch (err) {
      rmSync(temp, { force: true });
      if (isDiskFull(err)) refuseDiskFull('Nothing was exported.', freeMb(dir), mb(bytes));
      throw err;
    }
    return { saved: true, path, bytes };
  };
}

/** Refuses before anything is written when the import cannot fit on the disk. */
export function checkImportRoom(dataDir: string, content: string): void {
  const needed = Buffer.byteLength(content) * IMPORT_GROWTH;
  const room = roomFor(dataDir, needed);
  if (!room.fits) refuseDiskFull('Nothing was imported.', room.freeMb, mb(needed));
}

/** The one-shot import call: runs the chunked import to its end and returns its report. */
export async function importInto(jobs: ImportJobs, content: string, dataDir?: string): Promise<ImportSummary> {
  if (dataDir) checkImportRoom(dataDir, content);
  const id = jobs.start(content);
  const status = await jobs.wait(id);
  if (status?.state === 'done') return status.summary;
  const message = status?.state === 'failed' ? status.message : 'Nothing was imported: the import was cancelled.';
  throw new UserFacingError({ kind: 'bad-request', message });
}
