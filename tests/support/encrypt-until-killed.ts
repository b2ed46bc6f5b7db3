// A child process for the migration test: opens the store as the app does (which encrypts a plain
// database first) and SIGKILLs itself at the named step, or closes cleanly when there is none.
import { closeDatabase } from '../../electron/core/store/database';
import { openStore } from '../../electron/core/store/open-store';

const [path, keyHex, killAt] = process.argv.slice(2) as [string, string, string | undefined];
const opened = openStore(path, Buffer.from(keyHex, 'hex'), (step) => {
  if (step === killAt) process.kill(process.pid, 'SIGKILL');
});
opened.store.close();
closeDatabase(opened.db);
process.stdout.write('closed\n');
