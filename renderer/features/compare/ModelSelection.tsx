import { modelsListing, useConnections } from '../../state/connections-store';
import { MAX_MODELS, useCompare } from '../../state/compare-store';
import { sameModel } from '../../state/preferences-store';
import { describeRef, parseRefKey, refKey } from './model-options';

/** The 2–6 models the prompt goes to: chips to remove, a grouped list to add from. */
export function ModelSelection({ localOnly }: { localOnly: boolean }) {
  const connections = useConnections((s) => s.connections);
  const models = useConnections((s) => s.models);
  const chosen = useCompare((s) => s.models);
  const addModel = useCompare((s) => s.addModel);
  const removeModel = useCompare((s) => s.removeModel);
  const full = chosen.length >= MAX_MODELS;
  const loading = modelsListing({ connections, models });

  return (
    <div className="cmp-models" role="group" aria-label="Models to compare">
      <ul className="cmp-chips" aria-label="Chosen models">
        {chosen.map((ref, i) => {
          const d = describeRef(ref, connections, models);
          const blocked = localOnly && !d.local;
          return (
            <li
              key={refKey(ref)}
              className={blocked ? 'cmp-chip blocked' : 'cmp-chip'}
              title={blocked ? 'This conversation is locked to local models: remove this cloud model to send' : `${d.label} via ${d.connectionName}`}
            >
              <span className="cmp-chip-num" aria-hidden>
                {i + 1}
              </span>
              <span className="cmp-chip-label">{d.label}</span>
              <span className="muted small">{d.connectionName}</span>
              <span className={`badge ${d.local ? 'local' : 'remote'}`}>{d.local ? 'local' : 'cloud'}</span>
              <button className="ghost" aria-label={`Remove ${d.label}`} onClick={() => removeModel(i)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <select aria-label="Add a model to compare" className="cmp-add" value="" disabled={full} onChange={(e) => e.target.value && addModel(parseRefKey(e.target.value))}>
        <option value="">{full ? `Up to ${MAX_MODELS} models` : loading ? 'Loading models…' : '+ Add a model…'}</option>
        {connections.map((c) => (
          <optgroup key={c.id} label={`${c.name} · ${c.local ? 'local' : 'cloud'}${localOnly && !c.local ? ' · locked out' : ''}`}>
            {(models[c.id]?.models ?? []).map((m) => {
              const ref = { connectionId: c.id, modelId: m.id };
              return (
                <option key={m.id} value={refKey(ref)} disabled={(localOnly && !c.local) || chosen.some((x) => sameModel(x, ref))}>
                  {m.label ?? m.id}
                </option>
              );
            })}
            {models[c.id]?.error && <option disabled>⚠ {models[c.id]?.error}</option>}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
