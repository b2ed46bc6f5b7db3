// Privacy screen: a passphrase-sealed export of every conversation, and importing one back.
// Plain exports stay in the export dialog and say they are plain.
import { useState, type FormEvent } from 'react';
import { looksLikeEncryptedArchive } from '../../../shared/export/archive-sniff';
import { call, errorMessage } from '../../bridge/api';
import { useConversations } from '../../state/conversations-store';
import { ShowInFolder } from '../history/ShowInFolder';

export function EncryptedBackup() {
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [reveal, setReveal] = useState<string>();
  const [busy, setBusy] = useState(false);

  const work = async (job: () => Promise<string>) => {
    setBusy(true);
    setStatus(undefined);
    setReveal(undefined);
    try {
      setStatus({ ok: true, text: await job() });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const exportAll = (e: FormEvent) => {
    e.preventDefault();
    void work(async () => {
      const saved = await call('exportConversations', { format: 'json', branches: 'all', passphrase });
      setReveal(saved.canReveal ? saved.path : undefined);
      return saved.saved ? `Saved an encrypted archive${saved.path ? ` to ${saved.path}` : ''}.` : 'Not saved.';
    });
  };

  const importFile = () => {
    if (!file) return;
    void work(async () => {
      const content = await file.text();
      if (!looksLikeEncryptedArchive(content)) throw new Error('That file is not an encrypted Enclave archive. Use Import… in the sidebar for plain exports.');
      const summary = await call('importConversations', { filename: file.name, content, passphrase });
      void useConversations.getState().loadList();
      return `Imported ${summary.conversations} conversation${summary.conversations === 1 ? '' : 's'} (${summary.messages} messages).`;
    });
  };

  return (
    <section className="card lock-settings" aria-labelledby="backup-title">
      <h2 id="backup-title">Encrypted backup</h2>
      <p className="muted small">
        Every conversation in one file sealed with a passphrase (AES-256-GCM, key stretched with scrypt). Without the passphrase the file reveals nothing; it cannot be recovered if
        the passphrase is lost.
      </p>
      <form onSubmit={exportAll}>
        <label>
          <span>Archive passphrase (8+ characters)</span>
          <input type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || passphrase.length < 8}>
          Export encrypted…
        </button>
      </form>
      <div className="lock-row">
        <label>
          <span>Archive to import (.enclave)</span>
          <input type="file" accept=".enclave,application/json" onChange={(e) => setFile(e.target.files?.[0])} />
        </label>
        <button type="button" disabled={busy || !file || passphrase.length === 0} onClick={importFile}>
          Import with this passphrase
        </button>
      </div>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'small' : 'error-text small'}>
          {status.text}
        </p>
      )}
      {status?.ok && reveal && <ShowInFolder path={reveal} />}
    </section>
  );
}
