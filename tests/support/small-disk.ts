// A real small filesystem for disk-full tests: a tmpfs of a few MB (needs root or CAP_SYS_ADMIN,
// which the test machines have), filled to a chosen number of free bytes with a filler file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  free(): number;
  /** Fills the disk until at most `bytes` are free (the filler file is replaced each call). */
  leaveFree(bytes: number): void;
  /** Removes the filler: space comes back. */
  makeRoom(): void;
  unmount(): void;
}

const FILLER = '.filler';

export function mountSmallDisk(sizeMb: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'enclave-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`These tests need a small tmpfs (mount -t tmpfs needs root or CAP_SYS_ADMIN): ${(err as Error).message}`, { cause: err });
  }
  const free = () => {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  };
  const filler = join(dir, FILLER);
  return {
    dir,
    free,
    leaveFree(bytes) {
      rmSync(filler, { force: true });
      const size = free() - bytes;
      if (size > 0) writeFileSync(filler, Buffer.alloc(size));
    },
    makeRoom: () => rmSync(filler, { force: true }),
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function dataDirOn(disk: SmallDisk, name: string): string {
  const dir = join(disk.dir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
