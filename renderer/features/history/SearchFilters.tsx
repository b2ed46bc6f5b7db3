import { useMemo } from 'react';
import { useConnections } from '../../state/connections-store';
import { useSearch } from '../../state/search-store';
import type { DateRange } from '../../state/date-range';

const RANGES: { kind: DateRange['kind']; label: string }[] = [
  { kind: 'any', label: 'Any time' },
  { kind: 'last-7-days', label: 'Last 7 days' },
  { kind: 'last-30-days', label: 'Last 30 days' },
  { kind: 'custom', label: 'Custom…' },
];

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function SearchFilters() {
  const connections = useConnections((s) => s.connections);
  const models = useConnections((s) => s.models);
  const model = useSearch((s) => s.model);
  const range = useSearch((s) => s.range);
  const setModel = useSearch((s) => s.setModel);
  const setRange = useSearch((s) => s.setRange);
  const options = useMemo(
    () => connections.flatMap((c) => (models[c.id]?.models ?? []).map((m) => ({ connectionId: c.id, modelId: m.id, label: `${m.label ?? m.id} · ${c.name}` }))),
    [connections, models],
  );
  const selected = model ? options.findIndex((o) => o.connectionId === model.connectionId && o.modelId === model.modelId) : -1;

  return (
    <div className="search-filters">
      <select
        aria-label="Filter by model"
        value={String(selected)}
        onChange={(e) => {
          const o = options[Number(e.target.value)];
          setModel(o ? { connectionId: o.connectionId, modelId: o.modelId } : undefined);
        }}
      >
        <option value="-1">Any model</option>
        {options.map((o, i) => (
          <option key={`${o.connectionId}/${o.modelId}`} value={String(i)}>
            {o.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by date"
        value={range.kind}
        onChange={(e) => {
          const kind = e.target.value as DateRange['kind'];
          setRange(kind === 'custom' ? { kind, from: '', to: today() } : { kind });
        }}
      >
        {RANGES.map((r) => (
          <option key={r.kind} value={r.kind}>
            {r.label}
          </option>
        ))}
      </select>
      {range.kind === 'custom' && (
        <div className="search-dates">
          <label>
            From <input type="date" aria-label="From date" value={range.from} max={range.to || undefined} onChange={(e) => setRange({ ...range, from: e.target.value })} />
          </label>
          <label>
            To <input type="date" aria-label="To date" value={range.to} min={range.from || undefined} onChange={(e) => setRange({ ...range, to: e.target.value })} />
          </label>
        </div>
      )}
    </div>
  );
}
