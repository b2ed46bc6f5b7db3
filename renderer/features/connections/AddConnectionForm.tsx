import { useState } from 'react';
import { PROVIDER_KINDS, type ProviderKind } from '../../../shared/types';
import { errorMessage } from '../../bridge/api';
import { useApp } from '../../state/app-store';
import { useConnections } from '../../state/connections-store';
import { BuiltinModelForm } from '../builtin/BuiltinModelForm';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { KeyField } from './KeyField';
import { KIND_INFO } from './provider-kinds';

export function AddConnectionForm({ onDone }: { onDone: () => void }) {
  const add = useConnections((s) => s.add);
  const test = useConnections((s) => s.test);
  const remove = useConnections((s) => s.remove);
  /** A connection saved whose first test failed: kept only if the user says so. */
  const [failed, setFailed] = useState<{ id: string; name: string; message: string }>();
  const [kind, setKind] = useState<ProviderKind>('ollama');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState(KIND_INFO.ollama.defaultUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const info = KIND_INFO[kind];
  // Without a keychain a keyed provider cannot work: say so instead of saving a dead connection.
  const noKeychain = useApp((s) => s.info?.keychain.available === false);
  const blocked = noKeychain && info.needsKey;

  const kindSelect = (
    <label>
      Provider
      <select
        value={kind}
        onChange={(e) => {
          const k = e.target.value as ProviderKind;
          setKind(k);
          setBaseUrl(KIND_INFO[k].defaultUrl ?? '');
        }}
      >
        {PROVIDER_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_INFO[k].label}
          </option>
        ))}
      </select>
    </label>
  );

  // The built-in engine has no address and no key: its "connection" is a model file on disk.
  if (info.inApp) {
    return (
      <div className="card add-connection" role="group" aria-label="Add a connection">
        <h2>Add a connection</h2>
        {kindSelect}
        <BuiltinModelForm onAdded={onDone} onCancel={onDone} />
      </div>
    );
  }

  return (
    <form
      className="card add-connection"
      aria-label="Add a connection"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        try {
          const conn = await add({
            kind,
            name: name.trim() || info.label,
            baseUrl: baseUrl.trim() || undefined,
            apiKey: apiKey.trim() || undefined,
          });
          const result = await test(conn.id);
          if (result.ok) onDone();
          else setFailed({ id: conn.id, name: conn.name, message: result.error?.message ?? 'The test failed.' });
        } catch (err) {
          setError(errorMessage(err));
        } finally {
          // Main has answered, stored or refused: either way the renderer forgets the key.
          setApiKey('');
          setBusy(false);
        }
      }}
    >
      <h2>Add a connection</h2>
      {kindSelect}
      <label>
        Name
        <input value={name} placeholder={info.label} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        <span>Base URL {!info.needsUrl && <span className="muted small">(optional override)</span>}</span>
        <input value={baseUrl} required={info.needsUrl} placeholder={info.placeholderUrl ?? info.defaultUrl ?? 'provider default'} onChange={(e) => setBaseUrl(e.target.value)} />
      </label>
      <KeyField
        label={info.needsKey ? 'API key' : 'API key (only if your server requires one)'}
        value={apiKey}
        onChange={setApiKey}
        required={info.needsKey}
        hint="Stored in your system keychain. Enclave never shows it again."
      />
      {blocked && <p className="muted small">{info.label} needs a key, and there is no keychain to keep it in. Local servers work without one.</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {failed && (
        <ConfirmDialog
          title="Keep a connection that failed its test?"
          confirmLabel="Keep it anyway"
          onConfirm={() => {
            setFailed(undefined);
            onDone();
          }}
          onCancel={() => {
            setFailed(undefined);
            void remove(failed.id).catch((err: unknown) => setError(errorMessage(err)));
          }}
        >
          <p>
            Enclave saved “{failed.name}” and tried it: <strong>{failed.message}</strong>
          </p>
          <p>Keep it to fix later, or cancel to remove it and correct the details here.{info.needsKey ? ' You will need to enter the key again.' : ''}</p>
        </ConfirmDialog>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy || blocked}>
          {busy ? 'Saving…' : 'Save and test'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
