// The key a harness started on `dataDir` will open its database with: the same keychain service
// and the same key resolution, so a test or bench can write conversations for it beforehand.
import { resolveDatabaseKey } from '../../electron/core/store/database-key';
import type { DatabaseKey } from '../../electron/core/store/driver';
import { keyOnlyVault } from '../../electron/core/vault/vault';

export async function harnessDatabaseKey(dataDir: string, service: string): Promise<DatabaseKey> {
  const passphrase = process.env.ENCLAVE_DB_PASSPHRASE;
  return (await resolveDatabaseKey({ dataDir, vault: keyOnlyVault({ service }), ...(passphrase ? { passphrase } : {}) })).key;
}
