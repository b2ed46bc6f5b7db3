import { useState } from 'react';
import type { DiscoveredServer } from '../../../shared/contract';
import { errorMessage } from '../../bridge/api';
import { useConnections } from '../../state/connections-store';
import { plural } from './format';
import { ProbeForm } from './ProbeForm';

function ServerRow({ server: d, onAdded }: { server: DiscoveredServer; onAdded: (baseUrl: string) => Promise<void> }) {
  const add = useConnections((s) => s.add);
  const test = useConnections((s) => s.test);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <li className="row spread" aria-label={`${d.product} at ${d.baseUrl}`}>
      <span>
        <strong>{d.product}</strong> at <code>{d.baseUrl}</code> · {plural(d.models.length, 'model')}
        {d.models.length > 0 && (
          <span className="muted small">
            {' '}
            ({d.models.slice(0, 3).join(', ')}
            {d.models.length > 3 ? ', …' : ''})
          </span>
        )}
        {error && <span className="error-text small"> {error}</span>}
      </span>
      {d.alreadyAdded ? (
        <span className="badge local">added</span>
      ) : (
        <button
          className="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              const conn = await add({ kind: d.kind, name: d.product, baseUrl: d.baseUrl });
              void test(conn.id);
              await onAdded(d.baseUrl);
            } catch (err) {
              setError(errorMessage(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          {busy ? 'Adding…' : 'Add'}
        </button>
      )}
    </li>
  );
}

/** Results of "Find local servers", plus a probe for one address typed by hand. */
export function DiscoveredList({ onClose }: { onClose: () => void }) {
  const discovered = useConnections((s) => s.discovered);
  const discover = useConnections((s) => s.discover);
  const [probed, setProbed] = useState<DiscoveredServer[]>([]);
  if (!discovered) return null;
  const rows = [...discovered, ...probed.filter((p) => !discovered.some((d) => d.baseUrl === p.baseUrl))];

  const refresh = async (added: string) => {
    await discover();
    setProbed((list) => list.map((p) => (p.baseUrl === added ? { ...p, alreadyAdded: true } : p)));
  };

  return (
    <section className="card discovered" aria-label="Local servers found">
      <div className="row spread">
        <h2>Local servers on this machine</h2>
        <button className="ghost" aria-label="Close the local servers list" onClick={onClose}>
          ×
        </button>
      </div>
      {rows.length === 0 && <p className="muted">Nothing answered on the usual ports (Ollama 11434, LM Studio 1234, llama.cpp 8080 and 9931, vLLM 8000).</p>}
      <ul>
        {rows.map((d) => (
          <ServerRow key={d.baseUrl} server={d} onAdded={refresh} />
        ))}
      </ul>
      <ProbeForm onFound={(server) => setProbed((list) => [...list.filter((p) => p.baseUrl !== server.baseUrl), server])} />
    </section>
  );
}
