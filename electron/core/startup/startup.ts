// Start-up for main and the harness alike: self-check, then the data folder's lock. Returns the
// lock to hand to the engine, or the problems to show instead of the app.
import type { KeychainStatus } from '../vault/vault';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE, type DataDirLock } from './data-dir-lock';
import { runSelfCheck, type SelfCheckOptions, type StartupProblem } from './self-check';

export type StartupResult = { kind: 'ready'; lock: DataDirLock; warnings: StartupProblem[] } | { kind: 'refused'; problems: StartupProblem[] };

export function lockedProblem(error: DataDirLockedError): StartupProblem {
  const since = error.owner.since ? ` since ${new Date(error.owner.since).toLocaleString()}` : '';
  return {
    kind: 'locked',
    blocking: true,
    title: 'Enclave is already running with this data folder',
    detail: `Process ${error.owner.pid}${error.owner.host ? ` on ${error.owner.host}` : ''} has been using ${error.dataDir}${since}. Two copies on one folder would overwrite each other's conversations and settings.`,
    fix: `Switch to the Enclave that is already open, or close it first. If you are sure none is running, delete ${LOCK_FILE} in that folder.`,
  };
}

export async function prepareStartup(opts: SelfCheckOptions & { keychain?: () => Promise<KeychainStatus> }): Promise<StartupResult> {
  const problems = await runSelfCheck(opts);
  if (problems.some((p) => p.blocking)) return { kind: 'refused', problems };
  try {
    return { kind: 'ready', lock: acquireDataDirLock(opts.dataDir), warnings: problems };
  } catch (error) {
    if (error instanceof DataDirLockedError) return { kind: 'refused', problems: [lockedProblem(error), ...problems] };
    throw error;
  }
}
