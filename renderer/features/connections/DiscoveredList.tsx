import { useConnections } from '../../state/connections-store';

export function DiscoveredList() {
  const discovered = useConnections((s) => s.discovered);
  const add = useConnections((s) => s.add);
  const discover = useConnections((s) => s.discover);
  if (!discovered) return null;
  return (
    <section className="card discovered" aria-label="Local servers found">
      <h2>Local servers on this machine</h2>
      {discovered.length === 0 && <p className="muted">Nothing answered on the usual ports (Ollama 11434, LM Studio 1234, llama.cpp 8080, vLLM 8000).</p>}
      <ul>
        {discovered.map((d) => (
          <li key={d.baseUrl} className="row spread">
            <span>
              <strong>{d.product}</strong> at {d.baseUrl} · {d.models.length} models
            </span>
            {d.alreadyAdded ? (
              <span className="muted small">added</span>
            ) : (
              <button
                className="primary"
                onClick={async () => {
                  await add({ kind: d.kind, name: d.product, baseUrl: d.baseUrl });
                  await discover();
                }}
              >
                Add
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
