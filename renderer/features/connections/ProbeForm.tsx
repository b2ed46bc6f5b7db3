import { useState } from 'react';
import type { DiscoveredServer } from '../../../shared/contract';
import { errorMessage } from '../../bridge/api';
import { useConnections } from '../../state/connections-store';

/** "Is there a server at 127.0.0.1:8081?" for servers on ports discovery does not try. */
export function ProbeForm({ onFound }: { onFound: (server: DiscoveredServer) => void }) {
  const probe = useConnections((s) => s.probe);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  return (
    <form
      className="probe-form"
      aria-label="Check an address"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setMessage(undefined);
        try {
          const result = await probe(address.trim());
          if (result.found) {
            onFound(result.server);
            setAddress('');
          } else setMessage(result.message);
        } catch (err) {
          setMessage(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="row">
        <span className="small">Another port?</span>
        <input aria-label="Server address" placeholder="127.0.0.1:8081" value={address} required onChange={(e) => setAddress(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || address.trim() === ''}>
        {busy ? 'Checking…' : 'Check'}
      </button>
      {message && (
        <p className="error-text small probe-message" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
