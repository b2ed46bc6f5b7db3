// Writes one export file whole or not at all: room is checked first, the bytes go to a temporary
// file beside it and are renamed into place, so a disk that fills half-way, a folder removed
// meanwhile or a refused permission leaves no truncated file and says which of these happened.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SavedFile } from '../../../shared/contract';
import { UserFacingError } from '../errors/user-facing-error';
import { freeMb, isDiskFull, roomFor } from './disk-space';

const mb = (bytes: number) => Math.ceil((bytes / (1024 * 1024)) * 10) / 10;

export function refuseDiskFull(what: string, freeMbNow: number, neededMb?: number): never {
  const need = neededMb === undefined ? '' : ` It needs about ${neededMb} MB.`;
  throw new UserFacingError({ kind: 'disk-full', message: `Your disk is full — ${freeMbNow} MB free. ${what}${need} Free some space and try again.` });
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

function refuseWrite(err: unknown, dir: string, bytes: number): never {
  if (isDiskFull(err)) refuseDiskFull('Nothing was exported.', freeMb(dir), mb(bytes));
  const code = errorCode(err);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    throw new UserFacingError({ kind: 'bad-request', message: `Enclave may not write in ${dir} (permission denied). Nothing was saved; choose another folder.` });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    throw new UserFacingError({ kind: 'bad-request', message: `The folder ${dir} no longer exists. Nothing was saved; choose another folder.` });
  }
  throw err;
}

export function writeExportFile(path: string, content: string): SavedFile {
  const dir = dirname(path);
  const bytes = Buffer.byteLength(content);
  const temp = `${path}.partial`;
  try {
    // An empty file first: a folder we may not write in is a permission problem, not a "full" one.
    writeFileSync(temp, '');
    const room = roomFor(dir, bytes);
    if (!room.fits) refuseDiskFull('Nothing was exported.', room.freeMb, mb(bytes));
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    if (err instanceof UserFacingError) throw err;
    refuseWrite(err, dir, bytes);
  }
  return { saved: true, path, bytes };
}
