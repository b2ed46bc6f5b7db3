// The database key before the engine starts. With a keychain (or a passphrase given by the
// harness's environment) it is had at once; without one the start-up page asks the person, and
// each answer goes through the gate: first run needs the passphrase twice, a wrong one is
// answered only after a growing delay (1 s, 2 s, 4 s … 60 s, as the app lock does), and attempts
// run one at a time so parallel guesses gain nothing. The passphrase is never stored or logged.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseKeyError, PASSPHRASE_KEY_FILE, resolveDatabaseKey, type ResolvedKey, type ResolveKeyOptions } from '../store/database-key';
import { parsePassphraseForm, type PassphraseForm } from './passphrase-form';

export type InitialKey = { kind: 'key'; key: ResolvedKey } | { kind: 'needs-passphrase' } | { kind: 'failed'; error: unknown };

/** The key without asking anyone, or why it cannot be had that way. */
export async function initialDatabaseKey(opts: ResolveKeyOptions): Promise<InitialKey> {
  try {
    return { kind: 'key', key: await resolveDatabaseKey(opts) };
  } catch (error) {
    if (error instanceof DatabaseKeyError && error.problem.kind === 'needs-passphrase') return { kind: 'needs-passphrase' };
    return { kind: 'failed', error };
  }
}

export type GateAnswer = { ok: true; key: ResolvedKey } | { ok: false; message: string };

export interface PassphraseGateOptions {
  dataDir: string;
  vault: ResolveKeyOptions['vault'];
  /** Delay before a wrong answer is given; tests shorten it. */
  delayMs?: (failures: number) => number;
}

export const wrongAnswerDelayMs = (failures: number) => Math.min(60_000, 1000 * 2 ** (failures - 1));

export function createPassphraseGate(opts: PassphraseGateOptions) {
  const delayMs = opts.delayMs ?? wrongAnswerDelayMs;
  let failures = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const firstRun = () => !existsSync(join(opts.dataDir, PASSPHRASE_KEY_FILE));

  async function attempt(form: PassphraseForm): Promise<GateAnswer> {
    if (firstRun() && form.confirm !== form.passphrase) {
      return { ok: false, message: 'The two passphrases are not the same. Type it again in both fields.' };
    }
    try {
      const key = await resolveDatabaseKey({ dataDir: opts.dataDir, vault: opts.vault, passphrase: form.passphrase });
      failures = 0;
      return { ok: true, key };
    } catch (error) {
      if (!(error instanceof DatabaseKeyError)) throw error;
      if (error.problem.kind === 'wrong-passphrase') {
        failures += 1;
        const wait = delayMs(failures);
        await sleep(wait);
        return { ok: false, message: `${error.message} Each wrong try waits longer before its answer (this one ${Math.round(wait / 1000)} s).` };
      }
      return { ok: false, message: error.message };
    }
  }

  return {
    firstRun,
    submit(form: PassphraseForm): Promise<GateAnswer> {
      const run = queue.then(() => attempt(form));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

export type PassphraseGate = ReturnType<typeof createPassphraseGate>;

/** A posted form body, validated, then tried: the key, or the words to show on the form again. */
export async function answerPassphraseForm(gate: PassphraseGate, body: string): Promise<GateAnswer> {
  const parsed = parsePassphraseForm(body);
  return parsed.ok ? gate.submit(parsed.form) : { ok: false, message: parsed.message };
}
