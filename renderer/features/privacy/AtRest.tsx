// What a stolen laptop or a synced folder would show: what is encrypted on disk, with which
// cipher, where the key lives, and what is not encrypted (and why that holds no conversation).
import { Lock, FileText } from 'lucide-react';
import { useApp } from '../../state/app-store';
import { ChangeDatabasePassphrase } from './ChangeDatabasePassphrase';

const ENCRYPTED = [
  'Every conversation, message, title and search index entry',
  'The write-ahead log that holds the newest writes',
  'The automatic backup made at each clean close',
  'Copies set aside after damage, and what recovery salvages',
  'The network ledger',
];

const NOT_ENCRYPTED = [
  { title: 'Settings', text: 'preferences, connection names and addresses, the last four characters of each API key. No conversation text.' },
  { title: 'Exports you save', text: 'plain files where you put them, unless you choose an encrypted backup.' },
];

export function AtRest() {
  const atRest = useApp((s) => s.info?.atRest);
  if (!atRest) return null;
  const keyText =
    atRest.keySource === 'keychain'
      ? 'A random 256-bit key made on first run, kept in the system keychain. It is never written to a file, a log or an export, and the window never sees it.'
      : 'No system keychain was there when this folder was set up, so the key is derived from your passphrase with scrypt. Enclave asks for it on its start-up page each time it starts; only a salt and a check value are stored, never the passphrase. Enclave cannot recover your conversations if you forget it.';
  return (
    <section className="card at-rest" aria-label="Encrypted on this computer">
      <h2>
        <Lock size={16} aria-hidden /> Encrypted on this computer
      </h2>
      <p className="privacy-sentence">Someone with your disk, a backup of it or a synced copy of the data folder cannot read your conversations.</p>
      <dl className="at-rest-facts">
        <dt>Cipher</dt>
        <dd>{atRest.cipher}</dd>
        <dt>Key</dt>
        <dd>
          <strong>{atRest.keySource === 'keychain' ? 'System keychain' : 'Your passphrase'}</strong> — {keyText}
        </dd>
      </dl>
      {atRest.keySource === 'passphrase' && <ChangeDatabasePassphrase />}
      <div className="at-rest-lists">
        <div>
          <h3>Encrypted</h3>
          <ul>
            {ENCRYPTED.map((t) => (
              <li key={t}>
                <Lock className="check" size={13} aria-hidden /> {t}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Not encrypted</h3>
          <ul>
            {NOT_ENCRYPTED.map((i) => (
              <li key={i.title}>
                <FileText size={13} aria-hidden />
                <span>
                  <strong>{i.title}</strong>: {i.text}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p className="muted small">
        A data folder from an older Enclave is encrypted at its first start and the plain file removed. On an SSD its old blocks may stay on the disk until reused; full-disk
        encryption covers that.
      </p>
    </section>
  );
}
