// Export and import at the engine's edge: formats come from shared/, writing from the store.
import type { ImportSummary } from '../../../shared/contract';
import { toEnclaveJson } from '../../../shared/export/enclave-json';
import { toHtml } from '../../../shared/export/html';
import { toMarkdown } from '../../../shared/export/markdown';
import type { ConversationBundle, ExportFormat } from '../../../shared/types';
import { UserFacingError } from '../errors/user-facing-error';
import type { ImportJobs } from './import-job';
import { roomFor } from './disk-space';
import { refuseDiskFull } from './export-file';

const EXTENSIONS: Record<ExportFormat, string> = { markdown: 'md', json: 'json', html: 'html' };

export function renderExport(bundles: ConversationBundle[], format: ExportFormat, branches: 'current' | 'all') {
  const content = format === 'json' ? toEnclaveJson(bundles) : format === 'html' ? toHtml(bundles, { branches }) : toMarkdown(bundles, { branches });
  const base = bundles.length === 1 ? safeName(bundles[0]!.conversation.title || 'conversation') : `enclave-${bundles.length}-conversations`;
  return { name: `${base}.${EXTENSIONS[format]}`, content };
}

function safeName(title: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N} _.-]+/gu, '')
      .trim()
      .slice(0, 80)
      .replace(/\s+/g, '-') || 'conversation'
  );
}

// Stored text is indexed for search (FTS5) and passes through the WAL: about three times its size.
const IMPORT_GROWTH = 3;

const mb = (bytes: number) => Math.ceil((bytes / (1024 * 1024)) * 10) / 10;

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
