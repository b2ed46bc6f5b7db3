// A child process for the change-of-passphrase test: opens the database with the old passphrase,
// changes it, and SIGKILLs itself right after the named step (or finishes when there is none).
import { join } from 'node:path';
import { changeDatabasePassphrase } from '../../electron/core/store/change-passphrase';
import { resolveDatabaseKey } from '../../electron/core/store/database-key';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { keyOnlyVault } from '../../electron/core/vault/vault';

const [dataDir, current, next, killAt] = process.argv.slice(2) as [string, string, string, string | undefined];
const { key } = await resolveDatabaseKey({ dataDir, vault: keyOnlyVault({ service: 'Enclave-test-none' }), passphrase: current });
const { db } = openDatabase(join(dataDir, 'enclave.sqlite'), { key });
await changeDatabasePassphrase({
  dataDir,
  db,
  current,
  next,
  onStep: (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
closeDatabase(db);
process.stdout.write('changed\n');
