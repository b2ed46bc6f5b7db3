// Provider health, from the user's own ledger: per model, how reliable and how fast it has been
// on this machine over the last 7 or 30 days.
import { useEffect, useState } from 'react';
import type { ModelHealth } from '../../../shared/types';
import { call, errorMessage } from '../../bridge/api';
import './failover.css';

type State = { kind: 'loading' } | { kind: 'ready'; rows: ModelHealth[] } | { kind: 'error'; message: string };

const ms = (v?: number) => (v === undefined ? '—' : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(1)} s`);
const pct = (v: number) => `${Math.round(v * 100)}%`;

export function HealthSection() {
  const [days, setDays] = useState<7 | 30>(7);
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    call('providerHealth', { days })
      .then((rows) => current && setState({ kind: 'ready', rows }))
      .catch((e: unknown) => current && setState({ kind: 'error', message: errorMessage(e) }));
    return () => {
      current = false;
    };
  }, [days]);

  return (
    <section className="card health" aria-labelledby="health-title">
      <div className="health-head">
        <h2 id="health-title">Provider health</h2>
        <label className="small">
          Last{' '}
          <select value={days} onChange={(e) => setDays(Number(e.target.value) === 30 ? 30 : 7)} aria-label="Period">
            <option value={7}>7 days</option>
            <option value={30}>30 days</option>
          </select>
        </label>
      </div>
      <p className="muted small">Measured on this machine from your own ledger; nothing is sent anywhere to compute it.</p>
      {state.kind === 'loading' && <p className="muted">Loading…</p>}
      {state.kind === 'error' && (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && state.rows.length === 0 && <p className="muted">No model requests in this period yet.</p>}
      {state.kind === 'ready' && state.rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Model</th>
              <th>Connection</th>
              <th className="num">Requests</th>
              <th className="num">Success</th>
              <th className="num">First token p50</th>
              <th className="num">First token p95</th>
              <th className="num">Tokens/s p50</th>
            </tr>
          </thead>
          <tbody>
            {state.rows.map((r) => (
              <tr key={`${r.connectionId}/${r.model}`}>
                <td>{r.model}</td>
                <td>{r.connectionName}</td>
                <td className="num">{r.requests}</td>
                <td
                  className="num"
                  title={r.lastFailure ? `Last failure: ${r.lastFailure.status || r.lastFailure.outcome} at ${new Date(r.lastFailure.at).toLocaleString()}` : undefined}
                >
                  {pct(r.successRate)}
                </td>
                <td className="num">{ms(r.ttftP50Ms)}</td>
                <td className="num">{ms(r.ttftP95Ms)}</td>
                <td className="num">{r.tokensPerSecondP50 === undefined ? '—' : r.tokensPerSecondP50.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
