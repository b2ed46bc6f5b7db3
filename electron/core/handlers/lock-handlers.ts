// The app lock's calls, the only ones answered while the app is locked (see lock/app-lock.ts).
import type { DomainHandlers } from '../ipc/handlers';
import type { AppLock } from '../lock/app-lock';

export function lockHandlers(lock: AppLock): DomainHandlers<'lock'> {
  return {
    getLockState: async (req) => {
      if (req.activity) lock.touch();
      return lock.state();
    },
    lockNow: async () => lock.lockNow(),
    unlock: (req) => lock.unlock(req.passphrase),
    setLockPassphrase: (req) => lock.setPassphrase(req),
    disableLock: (req) => lock.disable(req.current),
    setLockIdle: async (req) => lock.setIdleMinutes(req.minutes),
  };
}
