// Passphrase-protected archives for exports and backups (format in docs/encrypted-archive.md):
// scrypt stretches the passphrase, AES-256-GCM encrypts and authenticates the content, and the
// header (format, version, KDF parameters) is bound to the ciphertext as associated data, so
// neither can be changed without the passphrase check failing.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey, MIN_PASSPHRASE_LENGTH, SCRYPT_PARAMS } from './passphrase';

export const ARCHIVE_FORMAT = 'enclave-encrypted';
export const ARCHIVE_VERSION = 1;

interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  kdf: { name: 'scrypt'; salt: string; N: number; r: number; p: number };
  cipher: 'aes-256-gcm';
  iv: string;
}

export interface Archive extends ArchiveHeader {
  tag: string;
  data: string;
}

export class ArchiveError extends Error {
  constructor(
    readonly reason: 'not-archive' | 'unsupported' | 'wrong-passphrase' | 'weak-passphrase',
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

const headerBytes = (h: ArchiveHeader) => Buffer.from(JSON.stringify([h.format, h.version, h.kdf, h.cipher, h.iv]));

export async function sealArchive(plaintext: string, passphrase: string): Promise<string> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new ArchiveError('weak-passphrase', `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    kdf: { name: 'scrypt', salt: salt.toString('base64'), ...SCRYPT_PARAMS },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
  };
  const key = await deriveKey(passphrase, salt, SCRYPT_PARAMS);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(headerBytes(header));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const archive: Archive = { ...header, tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  return JSON.stringify(archive);
}

export async function openArchive(text: string, passphrase: string): Promise<string> {
  let a: Partial<Archive>;
  try {
    a = JSON.parse(text) as Partial<Archive>;
  } catch {
    throw new ArchiveError('not-archive', 'This file is not an Enclave encrypted archive (it is not valid JSON).');
  }
  if (a?.format !== ARCHIVE_FORMAT) throw new ArchiveError('not-archive', 'This file is not an Enclave encrypted archive.');
  if (a.version !== ARCHIVE_VERSION || a.cipher !== 'aes-256-gcm' || a.kdf?.name !== 'scrypt') {
    throw new ArchiveError('unsupported', 'This archive was written by a newer Enclave; update Enclave to open it.');
  }
  const { N, r, p, salt } = a.kdf;
  const sane = [N, r, p].every(Number.isInteger) && N >= 2 ** 14 && N <= 2 ** 20 && r >= 1 && r <= 16 && p >= 1 && p <= 4;
  if (!sane || typeof salt !== 'string' || typeof a.iv !== 'string' || typeof a.tag !== 'string' || typeof a.data !== 'string') {
    throw new ArchiveError('unsupported', 'This archive is damaged: its header is incomplete.');
  }
  const key = await deriveKey(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(a.iv, 'base64'));
  decipher.setAAD(headerBytes(a as ArchiveHeader));
  decipher.setAuthTag(Buffer.from(a.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(a.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new ArchiveError('wrong-passphrase', 'The passphrase is wrong, or the archive was changed after it was written.');
  }
}
