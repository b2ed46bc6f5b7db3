// Export and import at the engine's edge: formats come from shared/, writing from the store.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSummary, SavedFile } from '../../../shared/contract';
import { toEnclaveJson } from '../../../shared/export/enclave-json';
import { toHtml } from '../../../shared/export/html';
import { toMarkdown } from '../../../shared/export/markdown';
import { parseImport } from '../../../shared/import/parse-import';
import type { ConversationBundle, ExportFormat } from '../../../shared/types';
import { UserFacingError } from '../ipc/handlers';
import type { ConversationStore } from './conversation-store';
import { BundleImportError } from './store-error';

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

/** Parses and writes in one transaction: a bad file writes nothing and says what is wrong. */
export function importInto(store: ConversationStore, content: string): ImportSummary {
  const parsed = parseImport(content);
  if (!parsed.ok) throw new UserFacingError({ kind: 'bad-request', message: `Nothing was imported: ${parsed.error}` });
  try {
    const written = store.importBundles(parsed.bundles);
    return { source: parsed.source, ...written, warnings: parsed.warnings };
  } catch (err) {
    if (err instanceof BundleImportError) {
      throw new UserFacingError({ kind: 'bad-request', message: `Nothing was imported: ${err.message}` });
    }
    throw err;
  }
}
