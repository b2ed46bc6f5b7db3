// Passphrases stretched with scrypt (memory-hard, in node:crypto). Only a verifier is stored:
// salt, parameters and the derived hash. Never the passphrase.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PassphraseVerifier {
  kdf: 'scrypt';
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
  N: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 B = 32 MiB per derivation: slow to guess on a GPU, ~0.1 s here. */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
export const MIN_PASSPHRASE_LENGTH = 8;

export function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }, length = 32): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scryptCb(passphrase.normalize('NFC'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function makeVerifier(passphrase: string): Promise<PassphraseVerifier> {
  const salt = randomBytes(16);
  const hash = await deriveKey(passphrase, salt, SCRYPT_PARAMS);
  return { kdf: 'scrypt', salt: salt.toString('base64'), hash: hash.toString('base64'), ...SCRYPT_PARAMS };
}

export async function checkPassphrase(passphrase: string, v: PassphraseVerifier): Promise<boolean> {
  const expected = Buffer.from(v.hash, 'base64');
  const actual = await deriveKey(passphrase, Buffer.from(v.salt, 'base64'), v, expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
