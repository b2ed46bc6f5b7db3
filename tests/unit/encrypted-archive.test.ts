import { describe, expect, test } from 'vitest';
import { ArchiveError, openArchive, sealArchive } from '../../electron/core/crypto/archive';
import { checkPassphrase, makeVerifier } from '../../electron/core/crypto/passphrase';
import { createAppLock, type LockSettings } from '../../electron/core/lock/app-lock';
import { looksLikeEncryptedArchive } from '../../shared/export/archive-sniff';

const PASS = 'a long enough passphrase';
const SECRET = '{"conversations":[{"title":"Quarterly numbers nobody may see"}]}';

const reason = async (p: Promise<unknown>) =>
  p.then(
    () => 'opened',
    (e: unknown) => (e instanceof ArchiveError ? e.reason : String(e)),
  );

describe('encrypted archive', { timeout: 30_000 }, () => {
  test('round-trips, and the sealed text shows nothing of the content', async () => {
    const sealed = await sealArchive(SECRET, PASS);
    expect(looksLikeEncryptedArchive(sealed)).toBe(true);
    expect(sealed).not.toContain('Quarterly');
    expect(await openArchive(sealed, PASS)).toBe(SECRET);
    // A new salt and IV every time: the same content never seals to the same bytes.
    expect(await sealArchive(SECRET, PASS)).not.toBe(sealed);
  });

  test('a wrong passphrase, a changed byte of data and a weakened header all fail authentication', async () => {
    const sealed = await sealArchive(SECRET, PASS);
    expect(await reason(openArchive(sealed, 'another passphrase'))).toBe('wrong-passphrase');
    const a = JSON.parse(sealed) as { data: string; kdf: { N: number }; iv: string };
    const data = Buffer.from(a.data, 'base64');
    data[3] = data[3]! ^ 1;
    expect(await reason(openArchive(JSON.stringify({ ...a, data: data.toString('base64') }), PASS))).toBe('wrong-passphrase');
    expect(await reason(openArchive(JSON.stringify({ ...a, kdf: { ...a.kdf, N: 2 ** 14 } }), PASS))).toBe('wrong-passphrase');
  });

  test('refuses what is not an archive, a newer version, absurd KDF costs and weak passphrases, with reasons', async () => {
    const sealed = JSON.parse(await sealArchive(SECRET, PASS)) as Record<string, unknown>;
    expect(await reason(openArchive('not json', PASS))).toBe('not-archive');
    expect(await reason(openArchive('{"format":"other"}', PASS))).toBe('not-archive');
    expect(await reason(openArchive(JSON.stringify({ ...sealed, version: 2 }), PASS))).toBe('unsupported');
    expect(await reason(openArchive(JSON.stringify({ ...sealed, kdf: { name: 'scrypt', salt: 'AAAA', N: 2 ** 30, r: 8, p: 1 } }), PASS))).toBe('unsupported');
    expect(await reason(sealArchive(SECRET, 'short'))).toBe('weak-passphrase');
    expect(looksLikeEncryptedArchive('{"version":1,"conversations":[]}')).toBe(false);
  });

  test('passphrase verifiers check in constant time and hold no passphrase', async () => {
    const v = await makeVerifier(PASS);
    expect(JSON.stringify(v)).not.toContain(PASS);
    expect(await checkPassphrase(PASS, v)).toBe(true);
    expect(await checkPassphrase(`${PASS} `, v)).toBe(false);
  });
});

describe('app lock timer', { timeout: 30_000 }, () => {
  test('locks after the idle time the user chose, and activity postpones it', async () => {
    let clock = 0;
    let saved: LockSettings = { idleMinutes: 1, verifier: await makeVerifier(PASS) };
    const lock = createAppLock({ load: () => saved, save: (s) => void (saved = s), now: () => clock, checkEveryMs: 5 });
    try {
      expect(lock.isLocked()).toBe(true); // a set passphrase means the app starts locked
      await lock.unlock(PASS);
      clock = 50_000;
      lock.touch();
      clock = 100_000;
      await new Promise((r) => setTimeout(r, 30));
      expect(lock.isLocked()).toBe(false);
      clock = 111_000;
      await new Promise((r) => setTimeout(r, 30));
      expect(lock.isLocked()).toBe(true);
      await lock.unlock(PASS);
      lock.setIdleMinutes(0);
      clock = 10_000_000;
      await new Promise((r) => setTimeout(r, 30));
      expect(lock.isLocked()).toBe(false);
    } finally {
      lock.dispose();
    }
  });
});
