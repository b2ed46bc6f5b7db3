// The lock screen: a passphrase field and nothing of the conversations.
import { useState, type FormEvent } from 'react';
import { call, errorMessage } from '../../bridge/api';
import { useLock } from '../../state/lock-store';
import './lock.css';

export function LockScreen() {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!passphrase || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      useLock.getState().set(await call('unlock', { passphrase }));
    } catch (err) {
      setError(errorMessage(err));
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="lock-screen">
      <form className="lock-card" onSubmit={(e) => void submit(e)} aria-labelledby="lock-title">
        <div className="lock-icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
            <rect x="4" y="10" width="16" height="11" rx="2" />
            <path d="M8 10V7a4 4 0 0 1 8 0v3" />
          </svg>
        </div>
        <h1 id="lock-title">Enclave is locked</h1>
        <p className="muted">Replies still being written are saved while locked.</p>
        <label className="lock-field">
          <span>Passphrase</span>
          <input type="password" autoFocus autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={!passphrase || busy}>
          {busy ? 'Checking…' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
