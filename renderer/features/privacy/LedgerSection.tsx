// The network ledger: filters, export, every request, and totals per host and per day.
import { useMemo } from 'react';
import { useConnections } from '../../state/connections-store';
import { LEDGER_PAGE, usePrivacy } from '../../state/privacy-store';
import { LedgerExport } from './LedgerExport';
import { LedgerFiltersBar } from './LedgerFiltersBar';
import { LedgerTable } from './LedgerTable';
import { LedgerTotalsTables } from './LedgerTotalsTables';
import { DEFAULT_FILTERS, DISCOVERY, filterLedger } from '../../state/ledger-view';

export function LedgerSection() {
  const entries = usePrivacy((s) => s.entries);
  const ledger = usePrivacy((s) => s.ledger);
  const filters = usePrivacy((s) => s.filters);
  const connections = useConnections((s) => s.connections);
  const shown = useMemo(() => filterLedger(entries, filters, Date.now()), [entries, filters]);

  const nameOf = useMemo(() => {
    const names = new Map(connections.map((c) => [c.id, c.name]));
    return (id: string | null) => (id === null ? 'Find local servers' : (names.get(id) ?? 'Removed connection'));
  }, [connections]);
  const connectionOptions = useMemo(() => {
    const ids = new Set(entries.map((e) => e.connectionId ?? DISCOVERY));
    return [...ids].map((id) => ({ id, name: nameOf(id === DISCOVERY ? null : id) })).sort((a, b) => a.name.localeCompare(b.name));
  }, [entries, nameOf]);
  const filtered = JSON.stringify(filters) !== JSON.stringify({ ...DEFAULT_FILTERS, period: filters.period });

  return (
    <section className="card ledger" aria-labelledby="ledger-title">
      <div className="ledger-head">
        <h2 id="ledger-title">Network ledger</h2>
        <LedgerExport />
      </div>
      <p className="muted small">One row per request Enclave made, including refused ones. Message text and keys are never recorded.</p>
      <LedgerFiltersBar hosts={[...new Set(entries.map((e) => e.host))].sort()} connections={connectionOptions} />
      {ledger.kind === 'error' && (
        <div className="error-notice" role="alert">
          Could not read the ledger: {ledger.message}{' '}
          <button type="button" onClick={() => void usePrivacy.getState().load()}>
            Try again
          </button>
        </div>
      )}
      {ledger.kind === 'loading' && entries.length === 0 && (
        <p className="muted" role="status">
          Loading the ledger…
        </p>
      )}
      {ledger.kind === 'ready' && entries.length === 0 && (
        <div className="empty ledger-empty">
          <p>
            <strong>Nothing was sent yet.</strong>
          </p>
          <p className="muted">When you chat, list models or look for local servers, each request shows up here.</p>
        </div>
      )}
      {entries.length > 0 && shown.length === 0 && (
        <div className="empty">
          <p className="muted">No request matches these filters.</p>
          <button type="button" onClick={() => usePrivacy.getState().setFilters({ ...DEFAULT_FILTERS, period: filters.period })}>
            Clear filters
          </button>
        </div>
      )}
      {shown.length > 0 && (
        <>
          <p className="muted small" aria-live="polite">
            {shown.length} {shown.length === 1 ? 'request' : 'requests'}
            {filtered ? ' match' : ''}
            {entries.length >= LEDGER_PAGE ? ` (the newest ${LEDGER_PAGE} are loaded; export for all)` : ''}
          </p>
          <LedgerTable entries={shown} nameOf={nameOf} />
          <LedgerTotalsTables entries={shown} />
        </>
      )}
    </section>
  );
}
