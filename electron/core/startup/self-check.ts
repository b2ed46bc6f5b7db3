// Runs before the engine opens anything: can this machine hold Enclave's data? Each problem says
// what is wrong and what to do; `blocking` problems stop start-up (main and the harness show a
// page instead of the app), the others start the app with a notice.
import { mkdirSync, mkdtempSync, renameSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeychainStatus } from '../vault/vault';
import { checkSqlite, type SqliteModule } from './sqlite-check';

export type StartupProblemKind = 'sqlite-missing' | 'sqlite-feature' | 'data-dir' | 'disk-space' | 'keychain' | 'locked' | 'database-key' | 'unexpected';

export interface StartupProblem {
  kind: StartupProblemKind;
  blocking: boolean;
  title: string;
  detail: string;
  fix: string;
}

export interface SelfCheckOptions {
  dataDir: string;
  /** The keychain probe (vault.probe); absent: not checked. */
  keychain?: () => Promise<KeychainStatus>;
  keychainTimeoutMs?: number;
  /** Below this much free space in the data folder's file system Enclave does not start. */
  minFreeBytes?: number;
  loadSqlite?: () => Promise<SqliteModule>;
}

export const DEFAULT_MIN_FREE_BYTES = 200 * 1024 * 1024;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const mb = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

function checkDataDir(dataDir: string): StartupProblem | undefined {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = mkdtempSync(join(dataDir, '.write-check-'));
    writeFileSync(join(probe, 'a'), 'enclave');
    renameSync(join(probe, 'a'), join(probe, 'b'));
    rmSync(probe, { recursive: true, force: true });
    return undefined;
  } catch (error) {
    return {
      kind: 'data-dir',
      blocking: true,
      title: 'Enclave cannot write to its data folder',
      detail: `${dataDir}: ${message(error)}`,
      fix: 'Make the folder writable for your user (or free the disk it lives on), then start Enclave again.',
    };
  }
}

function checkDiskSpace(dataDir: string, minFreeBytes: number): StartupProblem | undefined {
  let free: number;
  try {
    const stats = statfsSync(dataDir);
    free = stats.bavail * stats.bsize;
  } catch {
    return undefined; // no statfs for this file system: the write check above is what counts
  }
  if (free >= minFreeBytes) return undefined;
  return {
    kind: 'disk-space',
    blocking: true,
    title: 'The disk is almost full',
    detail: `Only ${mb(free)} free where Enclave keeps its data (${dataDir}); it needs at least ${mb(minFreeBytes)} to write conversations safely.`,
    fix: 'Free some space on that disk, then start Enclave again.',
  };
}

async function checkKeychain(probe: () => Promise<KeychainStatus>, timeoutMs: number): Promise<StartupProblem | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<KeychainStatus>((resolve) => {
    timer = setTimeout(
      () => resolve({ available: false, reason: `The keychain did not answer within ${timeoutMs / 1000} s (is it locked, with an unlock prompt waiting?).` }),
      timeoutMs,
    );
  });
  const status = await Promise.race([probe().catch((error: unknown) => ({ available: false, reason: message(error) })), timedOut]);
  clearTimeout(timer);
  if (status.available) return undefined;
  return {
    kind: 'keychain',
    blocking: false,
    title: 'No keychain available',
    detail: status.reason ?? 'The system keychain could not be reached.',
    fix: 'Local models work without it. To use API keys, start your keychain (on Linux: gnome-keyring or KeePassXC with Secret Service), then restart Enclave.',
  };
}

export async function runSelfCheck(opts: SelfCheckOptions): Promise<StartupProblem[]> {
  const dirProblem = checkDataDir(opts.dataDir);
  if (dirProblem) return [dirProblem];
  // The keychain answers over IPC on another thread: asked first, it answers while SQLite is
  // checked on this one.
  const keychain = opts.keychain ? checkKeychain(opts.keychain, opts.keychainTimeoutMs ?? 10_000) : undefined;
  const problems: StartupProblem[] = [];
  const disk = checkDiskSpace(opts.dataDir, opts.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES);
  if (disk) problems.push(disk);
  const sqlite = await checkSqlite(opts.dataDir, opts.loadSqlite);
  if (sqlite) problems.push(sqlite);
  const keychainProblem = await keychain;
  if (keychainProblem) problems.push(keychainProblem);
  return problems;
}
