import { useState } from 'react';
import type { ConnectionView } from '../../../shared/types';
import { errorMessage } from '../../bridge/api';
import { useConnections } from '../../state/connections-store';

/** Model ids the provider's listing leaves out (previews, fine-tunes, aliases), added by hand. */
export function ExtraModels({ connection: c }: { connection: ConnectionView }) {
  const update = useConnections((s) => s.update);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();

  const save = async (extraModels: string[]) => {
    setError(undefined);
    try {
      await update({ id: c.id, extraModels });
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  };

  return (
    <div className="extra-models">
      {c.extraModels.length > 0 && (
        <ul aria-label="Models added by hand">
          {c.extraModels.map((m) => (
            <li key={m} className="chip">
              <code>{m}</code>
              <button type="button" className="ghost" aria-label={`Remove ${m}`} onClick={() => void save(c.extraModels.filter((x) => x !== m))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row"
        aria-label={`Add a model id to ${c.name}`}
        onSubmit={async (e) => {
          e.preventDefault();
          const id = draft.trim();
          if (!id) return;
          if (c.extraModels.includes(id) || (await save([...c.extraModels, id]))) setDraft('');
        }}
      >
        <input aria-label="Model id" placeholder="Model id the list omits, e.g. gpt-4.1-preview" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={draft.trim() === ''}>
          Add model id
        </button>
      </form>
      {error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
