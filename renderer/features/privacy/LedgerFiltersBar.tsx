// Host, connection, outcome and period filters for the ledger.
import { usePrivacy } from '../../state/privacy-store';
import { OUTCOMES, outcomeLabel, type OutcomeFilter, type Period } from '../../state/ledger-view';

const PERIODS: { value: Period; label: string }[] = [
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: 'all', label: 'All time' },
];

export function LedgerFiltersBar({ hosts, connections }: { hosts: string[]; connections: { id: string; name: string }[] }) {
  const filters = usePrivacy((s) => s.filters);
  const setFilters = usePrivacy((s) => s.setFilters);
  return (
    <div className="ledger-filters" role="group" aria-label="Filter the ledger">
      <label>
        Period
        <select value={filters.period} onChange={(e) => setFilters({ period: e.target.value as Period })}>
          {PERIODS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Host
        <select value={filters.host} onChange={(e) => setFilters({ host: e.target.value })}>
          <option value="">All hosts</option>
          {hosts.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      <label>
        Connection
        <select value={filters.connection} onChange={(e) => setFilters({ connection: e.target.value })}>
          <option value="">All connections</option>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Outcome
        <select value={filters.outcome} onChange={(e) => setFilters({ outcome: e.target.value as OutcomeFilter })}>
          <option value="any">Any outcome</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {outcomeLabel({ outcome: o, status: 0 })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
