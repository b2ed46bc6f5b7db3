// The app lock: a passphrase that hides everything after a while without use.
import { z } from 'zod';
import { call, empty } from './define';

/** The app lock as the renderer may know it: never the passphrase or its verifier. */
export interface LockState {
  enabled: boolean;
  locked: boolean;
  /** 0 = never locks by itself. */
  idleMinutes: number;
}

export const lockCalls = {
  getLockState: call<LockState>()(z.object({ activity: z.boolean().optional() }).strict()),
  lockNow: call<LockState>()(empty),
  unlock: call<LockState>()(z.object({ passphrase: z.string().min(1).max(1000) }).strict()),
  setLockPassphrase: call<LockState>()(z.object({ passphrase: z.string().min(1).max(1000), current: z.string().max(1000).optional() }).strict()),
  disableLock: call<LockState>()(z.object({ current: z.string().max(1000) }).strict()),
  setLockIdle: call<LockState>()(
    z
      .object({
        minutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60),
      })
      .strict(),
  ),
} as const;
