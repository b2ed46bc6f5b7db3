// The contract call's side of a change of database passphrase: only for a passphrase-protected
// folder, and every refusal in words the Privacy screen can show as it is.
import { UserFacingError } from '../errors/user-facing-error';
import { changeDatabasePassphrase } from './change-passphrase';
import { DatabaseKeyError, type KeySource } from './database-key';
import type { DatabaseKey, StoreDb } from './driver';

/** Data folders with a change under way: a second press must not interleave a second rekey. */
const changing = new Set<string>();

export async function changePassphraseForUser(opts: { dataDir: string; db: StoreDb; source: KeySource; current: string; next: string }): Promise<DatabaseKey> {
  if (opts.source !== 'passphrase') {
    throw new UserFacingError({ kind: 'bad-request', message: 'The key of your conversations is in the system keychain; there is no passphrase to change.' });
  }
  if (changing.has(opts.dataDir)) throw new UserFacingError({ kind: 'bad-request', message: 'The passphrase is being changed already; wait for that to finish.' });
  changing.add(opts.dataDir);
  try {
    return await changeDatabasePassphrase({ dataDir: opts.dataDir, db: opts.db, current: opts.current, next: opts.next });
  } catch (error) {
    if (error instanceof DatabaseKeyError) throw new UserFacingError({ kind: error.problem.kind === 'wrong-passphrase' ? 'not-allowed' : 'bad-request', message: error.message });
    throw error;
  } finally {
    changing.delete(opts.dataDir);
  }
}
