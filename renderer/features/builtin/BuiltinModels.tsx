// The Built-in connection's models: the GGUF files added, which one is in memory, remove, add.
import { useEffect, useState } from 'react';
import type { BuiltinModelList } from '../../../shared/contract';
import { call, errorMessage } from '../../bridge/api';
import { useApp } from '../../state/app-store';
import { useConnections } from '../../state/connections-store';
import { BuiltinModelForm } from './BuiltinModelForm';
import { formatBytes } from './format-bytes';

export function BuiltinModels() {
  const [list, setList] = useState<BuiltinModelList>();
  const [adding, setAdding] = useState(false);
  const toast = useApp((s) => s.toast);
  const refresh = () => call('listBuiltinModels', {}).then(setList, (err: unknown) => toast(errorMessage(err)));
  useEffect(() => {
    void refresh();
  }, []);

  return (
    <div className="builtin-models">
      {list && list.models.length === 0 && <p className="muted small">No model files yet.</p>}
      <ul aria-label="Built-in models">
        {list?.models.map((m) => (
          <li key={m.id}>
            <span className="builtin-model-name">{m.name}</span>
            <span className="muted small">
              {m.architecture} · {m.quantisation} · {formatBytes(m.sizeBytes)} · needs ~{formatBytes(m.ramNeededBytes)}
              {m.contextLength ? ` · ${m.contextLength.toLocaleString()} ctx` : ''}
            </span>
            {list.loadedId === m.id && <span className="badge local">in memory</span>}
            <button
              className="danger"
              onClick={async () => {
                await call('removeBuiltinModel', { id: m.id }).catch((err: unknown) => toast(errorMessage(err)));
                await refresh();
                await useConnections.getState().load();
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {adding ? (
        <BuiltinModelForm
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            void refresh();
          }}
        />
      ) : (
        <button onClick={() => setAdding(true)}>Add a GGUF file</button>
      )}
    </div>
  );
}
