// Turns a failed write into a StoreError the user can act on ("Your disk is full — 3.2 MB free")
// and remembers it, so a stream can stop at once instead of writing into a full disk for minutes.
import { dirname } from 'node:path';
import type { StoreDb } from './driver';
import { freeMb, isDiskFull } from './disk-space';
import { hasSqliteCode } from './driver';
import { StoreError, type StoreProblem } from './store-error';

function isReadOnly(error: unknown): boolean {
  return hasSqliteCode(error, 'SQLITE_READONLY');
}

export interface WriteGuard {
  /** Runs a write; a full disk or read-only database becomes a StoreError and is remembered. */
  run<T>(write: () => T): T;
  /** The last write failure, cleared by the next write that succeeds. */
  problem(): StoreProblem | undefined;
  /** Maps any error from a write the guard did not run (a timed flush). */
  record(error: unknown): unknown;
}

export function createWriteGuard(db: StoreDb): WriteGuard {
  let last: StoreProblem | undefined;
  const dir = () => {
    return db.memory ? '.' : dirname(db.name);
  };

  const record = (error: unknown): unknown => {
    if (error instanceof StoreError) {
      if (error.problem.kind === 'disk-full' || error.problem.kind === 'read-only') last = error.problem;
      return error;
    }
    if (isDiskFull(error)) {
      last = { kind: 'disk-full', freeMb: freeMb(dir()) };
      return new StoreError(last);
    }
    if (isReadOnly(error)) {
      last = { kind: 'read-only', freeMb: freeMb(dir()) };
      return new StoreError(last);
    }
    return error;
  };

  return {
    run(write) {
      try {
        const result = write();
        last = undefined;
        return result;
      } catch (error) {
        throw record(error);
      }
    },
    problem: () => last,
    record,
  };
}
