// Tells an encrypted Enclave archive from a plain export by its first bytes, so the import dialog
// can ask for the passphrase before sending anything (format: docs/encrypted-archive.md).
export function looksLikeEncryptedArchive(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"enclave-encrypted"/.test(text.slice(0, 200));
}
