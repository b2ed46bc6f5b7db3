// The start-up page's passphrase form, between the posted body and the key: bodies are validated
// with caps, first run needs the same passphrase twice, a wrong one is answered only after a
// growing delay, and guesses sent in parallel are tried one after another, never side by side.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PASSPHRASE_KEY_FILE } from '../../electron/core/store/database-key';
import { answerPassphraseForm, createPassphraseGate, initialDatabaseKey, wrongAnswerDelayMs } from '../../electron/core/startup/passphrase-gate';
import { MAX_PASSPHRASE_LENGTH, parsePassphraseForm, passphrasePageHtml } from '../../electron/core/startup/passphrase-form';
import { noKeychainVault, useTempDirs } from '../support/no-keychain';

const freshDir = useTempDirs('enclave-gate-');
const noKeychain = noKeychainVault;
const body = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('the posted form', () => {
  test('reads a urlencoded body, keeping spaces, symbols and non-ASCII exactly', () => {
    const parsed = parsePassphraseForm(body({ passphrase: 'größe & 100% + spaces ', confirm: 'größe & 100% + spaces ' }));
    expect(parsed).toEqual({ ok: true, form: { passphrase: 'größe & 100% + spaces ', confirm: 'größe & 100% + spaces ' } });
  });

  test('refuses an empty, an over-long or an oversized body in words', () => {
    expect(parsePassphraseForm('')).toEqual({ ok: false, message: 'Type your passphrase.' });
    expect(parsePassphraseForm(body({ passphrase: 'x'.repeat(MAX_PASSPHRASE_LENGTH + 1) }))).toMatchObject({ ok: false, message: expect.stringContaining('at most 1024') });
    expect(parsePassphraseForm(`passphrase=${'x'.repeat(20_000)}`)).toMatchObject({ ok: false, message: expect.stringContaining('too large') });
  });

  test('the page escapes the message it repeats', () => {
    const html = passphrasePageHtml({ firstRun: false, action: '/__startup/passphrase', message: '<img src=x onerror=alert(1)>' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x');
  });
});

describe('the gate', () => {
  test('without a keychain the key cannot be had without asking', async () => {
    expect(await initialDatabaseKey({ dataDir: freshDir(), vault: noKeychain() })).toEqual({ kind: 'needs-passphrase' });
  });

  test('first run: two different passphrases or a short one write nothing; the same one twice makes the key file', async () => {
    const dataDir = freshDir();
    const gate = createPassphraseGate({ dataDir, vault: noKeychain() });
    expect(gate.firstRun()).toBe(true);
    expect(await answerPassphraseForm(gate, body({ passphrase: 'one passphrase', confirm: 'another one' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('not the same'),
    });
    expect(await answerPassphraseForm(gate, body({ passphrase: 'short', confirm: 'short' }))).toMatchObject({ ok: false, message: expect.stringContaining('at least 8') });
    expect(existsSync(join(dataDir, PASSPHRASE_KEY_FILE))).toBe(false);
    const answer = await answerPassphraseForm(gate, body({ passphrase: 'one passphrase', confirm: 'one passphrase' }));
    expect(answer.ok && answer.key.source).toBe('passphrase');
    expect(gate.firstRun()).toBe(false);
  });

  test('later runs: wrong answers wait longer each time, the right one gives the same key', async () => {
    const dataDir = freshDir();
    const first = await answerPassphraseForm(createPassphraseGate({ dataDir, vault: noKeychain() }), body({ passphrase: 'the right one', confirm: 'the right one' }));
    if (!first.ok) throw new Error(first.message);
    const delays: number[] = [];
    const gate = createPassphraseGate({ dataDir, vault: noKeychain(), delayMs: (failures) => (delays.push(failures), failures * 50) });
    const started = Date.now();
    // Sent together, as a script would: tried one by one, so the second waits for the first's delay.
    const [a, b] = await Promise.all([gate.submit({ passphrase: 'guess one' }), gate.submit({ passphrase: 'guess two' })]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(a).toMatchObject({ ok: false, message: expect.stringContaining('does not open') });
    expect(b).toMatchObject({ ok: false });
    expect(delays).toEqual([1, 2]);
    const right = await gate.submit({ passphrase: 'the right one' });
    expect(right.ok && right.key.key.equals(first.key.key)).toBe(true);
    await gate.submit({ passphrase: 'wrong again' });
    expect(delays).toEqual([1, 2, 1]); // the right one resets the count
  });

  test('the real delays grow 1 s, 2 s, 4 s and stop at a minute', () => {
    expect([1, 2, 3, 7, 20].map(wrongAnswerDelayMs)).toEqual([1000, 2000, 4000, 60_000, 60_000]);
  });
});
