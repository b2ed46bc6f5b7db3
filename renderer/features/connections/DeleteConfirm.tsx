import { useState } from 'react';
import type { ConnectionView } from '../../../shared/types';
import { errorMessage } from '../../bridge/api';
import { useConnections } from '../../state/connections-store';

/** Asks once, inline, before a connection and its keychain entry go. */
export function DeleteConfirm({ connection: c, onCancel }: { connection: ConnectionView; onCancel: () => void }) {
  const remove = useConnections((s) => s.remove);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="delete-confirm" role="alertdialog" aria-label={`Delete ${c.name}?`}>
      <p>
        <strong>Delete {c.name}?</strong> {c.keyHint ? `Its key (••••${c.keyHint.last4}) is removed from your system keychain too.` : 'It has no stored key.'} Conversations stay.
      </p>
      {error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button
          className="danger-solid"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await remove(c.id);
            } catch (err) {
              setError(errorMessage(err));
              setBusy(false);
            }
          }}
        >
          {busy ? 'Deleting…' : 'Delete connection'}
        </button>
        <button onClick={onCancel} disabled={busy}>
          Keep it
        </button>
      </div>
    </div>
  );
}
