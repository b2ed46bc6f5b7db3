import { useState } from 'react';
import type { ConnectionView } from '../../../shared/types';
import { errorMessage } from '../../bridge/api';
import { useConnections } from '../../state/connections-store';
import { KeyField } from './KeyField';
import { KIND_INFO } from './provider-kinds';
import { msToSecondsText, parseStallSeconds } from './stall-seconds';
import { StallTimeoutFields } from './StallTimeoutFields';

/** Rename, move, or replace the key of one connection. The current key is never shown. */
export function EditConnectionForm({ connection: c, onDone }: { connection: ConnectionView; onDone: () => void }) {
  const update = useConnections((s) => s.update);
  const test = useConnections((s) => s.test);
  const info = KIND_INFO[c.kind];
  const [name, setName] = useState(c.name);
  const [baseUrl, setBaseUrl] = useState(c.baseUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [waits, setWaits] = useState({ firstByte: msToSecondsText(c.firstByteTimeoutMs), stall: msToSecondsText(c.stallTimeoutMs) });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="edit-connection"
      aria-label={`Edit ${c.name}`}
      onSubmit={async (e) => {
        e.preventDefault();
        const firstByte = parseStallSeconds('Wait for the first token', waits.firstByte);
        const stall = parseStallSeconds('Wait when a reply pauses', waits.stall);
        if ('error' in firstByte || 'error' in stall) {
          setError('error' in firstByte ? firstByte.error : 'error' in stall ? stall.error : undefined);
          return;
        }
        setBusy(true);
        setError(undefined);
        const url = baseUrl.trim();
        const key = apiKey.trim();
        try {
          await update({
            id: c.id,
            name: name.trim() || c.name,
            // An emptied override goes back to the provider's own address.
            ...(url !== (c.baseUrl ?? '') ? { baseUrl: url === '' ? null : url } : {}),
            ...(key ? { apiKey: key } : {}),
            ...(firstByte.ms !== (c.firstByteTimeoutMs ?? null) ? { firstByteTimeoutMs: firstByte.ms } : {}),
            ...(stall.ms !== (c.stallTimeoutMs ?? null) ? { stallTimeoutMs: stall.ms } : {}),
          });
          onDone();
          if (key || url !== (c.baseUrl ?? '')) void test(c.id);
        } catch (err) {
          setError(errorMessage(err));
        } finally {
          setApiKey('');
          setBusy(false);
        }
      }}
    >
      <label>
        Name
        <input value={name} required onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        <span>Base URL {!info.needsUrl && <span className="muted small">(empty: the provider&apos;s own address)</span>}</span>
        <input value={baseUrl} required={info.needsUrl} placeholder={info.placeholderUrl ?? info.defaultUrl} onChange={(e) => setBaseUrl(e.target.value)} />
      </label>
      <KeyField
        label="Replace key"
        value={apiKey}
        onChange={setApiKey}
        required={false}
        hint={c.keyHint ? `Leave empty to keep the key ending in ${c.keyHint.last4}.` : 'Leave empty to keep using no key.'}
      />
      <StallTimeoutFields
        local={c.local}
        value={waits}
        onChange={(v) => {
          setWaits(v);
          setError(undefined);
        }}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
