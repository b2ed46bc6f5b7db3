// Encrypted exports and their import: the lossless JSON export sealed with a passphrase. An
// ArchiveError (wrong passphrase, not an archive) reaches the user through errors/error-map.ts.
import { looksLikeEncryptedArchive } from '../../../shared/export/archive-sniff';
import { toEnclaveJson } from '../../../shared/export/enclave-json';
import type { ConversationBundle } from '../../../shared/types';
import { UserFacingError } from '../errors/user-facing-error';
import { renderExport } from '../store/transfer';
import { openArchive, sealArchive } from './archive';

export async function sealedExport(bundles: ConversationBundle[], passphrase: string): Promise<{ name: string; content: string }> {
  const base = renderExport(bundles, 'json', 'all').name.replace(/\.json$/, '');
  return { name: `${base}.enclave`, content: await sealArchive(toEnclaveJson(bundles), passphrase) };
}

/** Plain content passes through; an archive needs its passphrase and yields the JSON inside. */
export async function openSealedImport(content: string, passphrase: string | undefined): Promise<string> {
  if (!looksLikeEncryptedArchive(content)) return content;
  if (!passphrase) throw new UserFacingError({ kind: 'bad-request', message: 'Nothing was imported: this file is encrypted. Enter its passphrase.' });
  return openArchive(content, passphrase);
}
