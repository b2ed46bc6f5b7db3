import { useEffect, useState } from 'react';
import { useApp } from '../../state/app-store';
import { useConnections } from '../../state/connections-store';
import { AddConnectionForm } from './AddConnectionForm';
import { ConnectionCard } from './ConnectionCard';
import { DiscoveredList } from './DiscoveredList';
import './connections.css';

export function ConnectionsScreen() {
  const connections = useConnections((s) => s.connections);
  const discover = useConnections((s) => s.discover);
  const keychain = useApp((s) => s.info?.keychain);
  const refreshInfo = useApp((s) => s.refreshInfo);
  const reload = useConnections((s) => s.load);
  const [adding, setAdding] = useState(() => useApp.getState().addConnectionRequested);
  useEffect(() => useApp.setState({ addConnectionRequested: false }), []);
  const [finding, setFinding] = useState(false);

  return (
    <div className="screen connections">
      <div className="screen-header">
        <h1>Connections</h1>
        <div className="row">
          <button
            disabled={finding}
            onClick={async () => {
              setFinding(true);
              await discover().finally(() => setFinding(false));
            }}
          >
            {finding ? 'Looking…' : 'Find local servers'}
          </button>
          <button className="primary" onClick={() => setAdding(true)} disabled={adding}>
            + Add connection
          </button>
        </div>
      </div>
      {keychain?.locked ? (
        <div className="error-notice" role="alert">
          <strong>Your keychain is locked.</strong> Unlock it (Passwords and Keys, or your login keychain), then press Retry. Your keys are still there.{' '}
          <button onClick={() => void refreshInfo().then(reload)}>Retry</button>
        </div>
      ) : (
        keychain &&
        !keychain.available && (
          <div className="error-notice" role="alert">
            <strong>No keychain available: provider keys cannot be stored.</strong> {keychain.reason} Local models keep working.
          </div>
        )
      )}
      {adding && <AddConnectionForm onDone={() => setAdding(false)} />}
      <DiscoveredList onClose={() => useConnections.setState({ discovered: undefined })} />
      {connections.length === 0 && !adding ? (
        <div className="empty">
          <p>No connections yet.</p>
          <p className="muted">Add a provider key, or find a local server such as Ollama or LM Studio.</p>
        </div>
      ) : (
        <ul className="connection-list">
          {connections.map((c) => (
            <ConnectionCard key={c.id} connection={c} />
          ))}
        </ul>
      )}
    </div>
  );
}
