// Export and import at the engine's edge: formats come from shared/, writing from the store.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSummary, SavedFile } from '../../../shared/contract';
import { toEnclaveJson } from '../../../shared/export/enclave-json';
import { toHtml } from '../../../shared/export/html';
import { toMarkdown } from '../../../shared/export/markdown';
import type { ConversationBundle, ExportFormat } from '../../../shared/types';
import { UserFacingError } from '../ipc/handlers';
import type { ImportJobs } from './import-job';

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

export function saveToFolder(dir: string) {
  return async (name: string, content: string): Promise<SavedFile> => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    writeFileSync(path, content);
    return { saved: true, path, bytes: Buffer.byteLength(content) };
  };
}

/** The one-shot import call: runs the chunked import to its end and returns its report. */
export async function importInto(jobs: ImportJobs, content: string): Promise<ImportSummary> {
  let id: string;
  try {
    id = jobs.start(content);
  } catch (err) {
    throw new UserFacingError({ kind: 'bad-request', message: `Nothing was imported: ${err instanceof Error ? err.message : String(err)}` });
  }
  const status = await jobs.wait(id);
  if (status?.state === 'done') return status.summary;
  const message = status?.state === 'failed' ? status.message : 'Nothing was imported: the import was cancelled.';
  throw new UserFacingError({ kind: 'bad-request', message });
}
