// Encrypted exports and their import: the lossless JSON export sealed with a passphrase.
import { looksLikeEncryptedArchive } from '../../../shared/export/archive-sniff';
import { toEnclaveJson } from '../../../shared/export/enclave-json';
import type { ConversationBundle } from '../../../shared/types';
import { UserFacingError } from '../ipc/handlers';
import { renderExport } from '../store/transfer';
import { ArchiveError, openArchive, sealArchive } from './archive';

export async function sealedExport(bundles: ConversationBundle[], passphrase: string): Promise<{ name: string; content: string }> {
  const base = renderExport(bundles, 'json', 'all').name.replace(/\.json$/, '');
  try {
    return { name: `${base}.enclave`, content: await sealArchive(toEnclaveJson(bundles), passphrase) };
  } catch (err) {
    if (err instanceof ArchiveError) throw new UserFacingError({ kind: 'bad-request', message: err.message });
    throw err;
  }
}

/** Plain content passes through; an archive needs its passphrase and yields the JSON inside. */
export async function openSealedImport(content: string, passphrase: string | undefined): Promise<string> {
  if (!looksLikeEncryptedArchive(content)) return content;
  if (!passphrase) throw new UserFacingError({ kind: 'bad-request', message: 'Nothing was imported: this file is encrypted. Enter its passphrase.' });
  try {
    return await openArchive(content, passphrase);
  } catch (err) {
    if (err instanceof ArchiveError) throw new UserFacingError({ kind: 'bad-request', message: `Nothing was imported: ${err.message}` });
    throw err;
  }
}
