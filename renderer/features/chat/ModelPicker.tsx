import { useEffect } from 'react';
import { useConnections } from '../../state/connections-store';
import { useConversations } from '../../state/conversations-store';

export function ModelPicker() {
  const connections = useConnections((s) => s.connections);
  const models = useConnections((s) => s.models);
  const model = useConversations((s) => s.model);
  const setModel = useConversations((s) => s.setModel);
  const localOnly = useConversations((s) => s.conversation?.localOnly ?? false);

  // Pick the first available model when none is chosen yet.
  useEffect(() => {
    if (model) return;
    for (const c of connections) {
      const first = models[c.id]?.models[0];
      if (first && (!localOnly || c.local)) {
        setModel({ connectionId: c.id, modelId: first.id });
        return;
      }
    }
  }, [connections, models, model, setModel, localOnly]);

  const value = model ? JSON.stringify([model.connectionId, model.modelId]) : '';
  return (
    <select
      aria-label="Model"
      className="model-picker"
      value={value}
      onChange={(e) => {
        const [connectionId, modelId] = JSON.parse(e.target.value) as [string, string];
        setModel({ connectionId, modelId });
      }}
    >
      {!model && <option value="">Choose a model…</option>}
      {connections.map((c) => (
        <optgroup key={c.id} label={`${c.name} · ${c.local ? 'local' : 'remote'}${c.demo ? ' · demo' : ''}`}>
          {(models[c.id]?.models ?? []).map((m) => (
            <option key={m.id} value={JSON.stringify([c.id, m.id])} disabled={localOnly && !c.local}>
              {m.label ?? m.id}
            </option>
          ))}
          {models[c.id]?.error && <option disabled>⚠ {models[c.id]?.error}</option>}
        </optgroup>
      ))}
    </select>
  );
}
