// Reads the write-ahead log the way SQLite does (https://www.sqlite.org/fileformat.html#the_write_ahead_log)
// before SQLite opens it. SQLite silently ignores a WAL whose header checksum fails, and every frame
// from the first bad checksum on: committed conversations vanish without a word. This finds that.
import { existsSync, readFileSync } from 'node:fs';

const HEADER = 32;
const FRAME_HEADER = 24;
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;

export type WalVerdict =
  | { kind: 'ok' }
  /** Frames SQLite will skip although they belong to the current log: committed data is lost. */
  | { kind: 'damaged'; reason: string; lostFrames: number };

/** SQLite's WAL checksum: pairs of 32-bit words, in the byte order the magic number names. */
function checksum(data: Buffer, start: number, end: number, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

export function checkWal(dbPath: string): WalVerdict {
  const path = `${dbPath}-wal`;
  if (!existsSync(path)) return { kind: 'ok' };
  const wal = readFileSync(path);
  if (wal.length < HEADER) return { kind: 'ok' };
  const magic = wal.readUInt32BE(0);
  const pageSize = wal.readUInt32BE(8);
  const frameSize = FRAME_HEADER + pageSize;
  const wholeFrames = pageSize >= 512 ? Math.floor((wal.length - HEADER) / frameSize) : 0;
  const bigEndian = (magic & 1) === 1;
  const header = checksum(wal, 0, 24, bigEndian, [0, 0]);
  const headerOk = (magic === MAGIC_LE || magic === MAGIC_BE) && header[0] === wal.readUInt32BE(24) && header[1] === wal.readUInt32BE(28);
  if (!headerOk) {
    if (wal.subarray(0, HEADER).every((b) => b === 0)) return { kind: 'ok' };
    return { kind: 'damaged', reason: 'the write-ahead log header is damaged', lostFrames: Math.max(wholeFrames, 1) };
  }
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let sum = header;
  for (let n = 0; n < wholeFrames; n++) {
    const at = HEADER + n * frameSize;
    // Frames of an earlier generation of the log (other salts) are meant to be ignored.
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) return { kind: 'ok' };
    sum = checksum(wal, at, at + 8, bigEndian, sum);
    sum = checksum(wal, at + FRAME_HEADER, at + frameSize, bigEndian, sum);
    if (sum[0] !== wal.readUInt32BE(at + 16) || sum[1] !== wal.readUInt32BE(at + 20)) {
      return { kind: 'damaged', reason: `frame ${n + 1} of the write-ahead log is damaged`, lostFrames: wholeFrames - n };
    }
  }
  return { kind: 'ok' };
}
