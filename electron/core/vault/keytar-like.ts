// The slice of keytar the vault uses. keytar is a CommonJS native addon: it is loaded on first
// use, so importing the vault never fails on a machine whose keychain module is broken; the
// probe reports that instead.
import { createRequire } from 'node:module';

export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Thrown when the native keychain module itself cannot be loaded. */
export class KeytarLoadError extends Error {
  constructor(cause: unknown) {
    super('The keychain module (keytar) could not be loaded.', { cause });
    this.name = 'KeytarLoadError';
  }
}

function isKeytarLike(value: unknown): value is KeytarLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.getPassword === 'function' && typeof v.setPassword === 'function' && typeof v.deletePassword === 'function';
}

/** Returns a loader that requires keytar once, on first call. */
export function lazyKeytar(): () => KeytarLike {
  let loaded: KeytarLike | undefined;
  return () => {
    if (loaded) return loaded;
    let mod: unknown;
    try {
      mod = createRequire(import.meta.url)('keytar');
    } catch (err) {
      throw new KeytarLoadError(err);
    }
    if (!isKeytarLike(mod)) throw new KeytarLoadError(new TypeError('keytar has an unexpected shape'));
    loaded = mod;
    return mod;
  };
}
