// Privacy screen: the app lock (set, change, remove the passphrase; idle time; lock now) and
// what it protects, said plainly.
import { useState, type FormEvent } from 'react';
import type { LockState } from '../../../shared/contract';
import { call, errorMessage } from '../../bridge/api';
import { useLock } from '../../state/lock-store';

const IDLE_CHOICES = [0, 1, 5, 15, 30, 60, 240];
const idleLabel = (m: number) => (m === 0 ? 'Never' : m < 60 ? `${m} min` : `${m / 60} h`);

export function AppLockSettings() {
  const state = useLock((s) => s.state);
  const [mode, setMode] = useState<'idle' | 'change' | 'remove'>('idle');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const run = async (work: () => Promise<LockState>, done: string) => {
    try {
      useLock.getState().set(await work());
      setMessage({ ok: true, text: done });
      setMode('idle');
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  };

  if (!state) return null;
  return (
    <section className="card lock-settings" aria-labelledby="app-lock-title">
      <h2 id="app-lock-title">App lock</h2>
      <p className="muted small">
        Asks for a passphrase when Enclave starts, on demand (Ctrl/⌘+Shift+L) and after the idle time below. While locked the window shows nothing of your conversations, and
        nothing can be read from the engine. Only a scrambled check of the passphrase is stored (scrypt), never the passphrase itself. The lock guards this window; it does not
        encrypt the files on disk.
      </p>
      {!state.enabled && mode !== 'change' && (
        <PassphraseForm submitLabel="Turn on the lock" onSubmit={(passphrase) => run(() => call('setLockPassphrase', { passphrase }), 'The lock is on.')} />
      )}
      {state.enabled && (
        <>
          <div className="lock-row">
            <button type="button" onClick={() => void run(() => call('lockNow', {}), 'Locked.')}>
              Lock now
            </button>
            <label>
              <span>Lock when idle for</span>
              <select value={state.idleMinutes} onChange={(e) => void run(() => call('setLockIdle', { minutes: Number(e.target.value) }), 'Saved.')}>
                {IDLE_CHOICES.map((m) => (
                  <option key={m} value={m}>
                    {idleLabel(m)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="ghost" onClick={() => setMode(mode === 'change' ? 'idle' : 'change')}>
              Change passphrase
            </button>
            <button type="button" className="ghost" onClick={() => setMode(mode === 'remove' ? 'idle' : 'remove')}>
              Turn off
            </button>
          </div>
          {mode === 'change' && (
            <PassphraseForm
              needsCurrent
              submitLabel="Change passphrase"
              onSubmit={(passphrase, current) => run(() => call('setLockPassphrase', { passphrase, current }), 'Passphrase changed.')}
            />
          )}
          {mode === 'remove' && <CurrentOnlyForm onSubmit={(current) => run(() => call('disableLock', { current }), 'The lock is off.')} />}
        </>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'small' : 'error-text small'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

export function PassphraseForm({ needsCurrent, submitLabel, onSubmit }: { needsCurrent?: boolean; submitLabel: string; onSubmit(p: string, current?: string): Promise<void> }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again !== '' && next !== again;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next.length < 8 || mismatch) return;
    void onSubmit(next, needsCurrent ? current : undefined).then(() => {
      setCurrent('');
      setNext('');
      setAgain('');
    });
  };
  return (
    <form onSubmit={submit}>
      {needsCurrent && (
        <label>
          <span>Current passphrase</span>
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
      )}
      <label>
        <span>New passphrase (8+ characters)</span>
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label>
        <span>Again</span>
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={mismatch} />
      </label>
      <button type="submit" className="primary" disabled={next.length < 8 || next !== again}>
        {submitLabel}
      </button>
      {mismatch && <span className="error-text small">The two passphrases differ.</span>}
    </form>
  );
}

function CurrentOnlyForm({ onSubmit }: { onSubmit(current: string): Promise<void> }) {
  const [current, setCurrent] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (current) void onSubmit(current);
      }}
    >
      <label>
        <span>Current passphrase</span>
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <button type="submit" disabled={!current}>
        Turn the lock off
      </button>
    </form>
  );
}
