// The app lock: while locked, no contract call but the few a lock screen needs is served, so
// nothing of the conversations can be read; streams go on being written. It locks on demand,
// after the idle time the user chose, and at start-up whenever a passphrase is set.
import type { LockState } from '../../../shared/contract';
import { UserFacingError } from '../errors/user-facing-error';
import { checkPassphrase, makeVerifier, MIN_PASSPHRASE_LENGTH, type PassphraseVerifier } from '../crypto/passphrase';

export interface LockSettings {
  verifier?: PassphraseVerifier;
  idleMinutes: number;
}

export interface AppLockDeps {
  load(): LockSettings;
  save(next: LockSettings): void;
  now?: () => number;
  /** How often the idle timer looks; tests make it short. */
  checkEveryMs?: number;
}

/** Calls a lock screen needs; everything else is refused while locked. */
export const ALLOWED_WHILE_LOCKED: ReadonlySet<string> = new Set(['getAppInfo', 'getLockState', 'unlock', 'lockNow']);

const wrong = () => new UserFacingError({ kind: 'not-allowed', message: 'That passphrase is not right.' });

export function createAppLock(deps: AppLockDeps) {
  const now = deps.now ?? Date.now;
  let settings = deps.load();
  let locked = settings.verifier !== undefined;
  let lastActivity = now();
  let failures = 0;
  let retryAfter = 0;

  const timer = setInterval(() => {
    if (!locked && settings.verifier && settings.idleMinutes > 0 && now() - lastActivity >= settings.idleMinutes * 60_000) locked = true;
  }, deps.checkEveryMs ?? 5_000);
  timer.unref?.();

  const save = (next: LockSettings) => {
    settings = next;
    deps.save(next);
  };

  /** Wrong guesses wait longer each time (1 s, 2 s, 4 s … 60 s): a passphrase cannot be tried fast. */
  async function verify(passphrase: string): Promise<boolean> {
    if (!settings.verifier) return true;
    if (now() < retryAfter) {
      throw new UserFacingError({ kind: 'rate-limited', message: `Too many wrong passphrases. Try again in ${Math.ceil((retryAfter - now()) / 1000)} s.`, retryAt: retryAfter });
    }
    const ok = await checkPassphrase(passphrase, settings.verifier);
    if (ok) {
      failures = 0;
      retryAfter = 0;
    } else {
      failures += 1;
      retryAfter = now() + Math.min(60_000, 1000 * 2 ** (failures - 1));
    }
    return ok;
  }

  return {
    isLocked: () => locked,
    touch() {
      lastActivity = now();
    },
    state(): LockState {
      return { enabled: settings.verifier !== undefined, locked, idleMinutes: settings.idleMinutes };
    },
    lockNow(): LockState {
      if (settings.verifier) locked = true;
      return this.state();
    },
    async unlock(passphrase: string): Promise<LockState> {
      if (!(await verify(passphrase))) throw wrong();
      locked = false;
      lastActivity = now();
      return this.state();
    },
    async setPassphrase(input: { passphrase: string; current?: string }): Promise<LockState> {
      if (input.passphrase.length < MIN_PASSPHRASE_LENGTH) {
        throw new UserFacingError({ kind: 'bad-request', message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.` });
      }
      if (settings.verifier && !(await verify(input.current ?? ''))) throw wrong();
      save({ ...settings, verifier: await makeVerifier(input.passphrase) });
      return this.state();
    },
    async disable(current: string): Promise<LockState> {
      if (!(await verify(current))) throw wrong();
      save({ idleMinutes: settings.idleMinutes });
      locked = false;
      return this.state();
    },
    setIdleMinutes(minutes: number): LockState {
      save({ ...settings, idleMinutes: minutes });
      return this.state();
    },
    dispose() {
      clearInterval(timer);
    },
  };
}

export type AppLock = ReturnType<typeof createAppLock>;
