// Privacy screen, passphrase-protected folders only: change the passphrase that encrypts the
// conversation database (the engine re-encrypts it; a cut-off change is settled at next start).
import { useState } from 'react';
import { call, errorMessage } from '../../bridge/api';
import { PassphraseForm } from '../lock/AppLockSettings';

export function ChangeDatabasePassphrase() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const change = async (next: string, current?: string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await call('changeDatabasePassphrase', { current: current ?? '', next });
      setMessage({ ok: true, text: 'Passphrase changed. Your conversations are now encrypted with the new one; use it from the next start.' });
      setOpen(false);
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="at-rest-change" aria-label="Change the database passphrase" role="group">
      <button type="button" className="ghost" onClick={() => setOpen(!open)} disabled={busy}>
        Change passphrase…
      </button>
      {open && <PassphraseForm needsCurrent submitLabel={busy ? 'Re-encrypting…' : 'Re-encrypt with the new passphrase'} onSubmit={change} />}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'small' : 'error-text small'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
