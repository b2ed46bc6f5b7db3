// "In the last 30 days Enclave connected to…": the ledger's 30-day totals in one sentence.
import { usePrivacy } from '../../state/privacy-store';
import { formatBytes, isThisMachine } from '../../state/ledger-view';

export function PrivacySummary() {
  const summary = usePrivacy((s) => s.summary);
  const ledger = usePrivacy((s) => s.ledger);

  if (!summary) {
    return (
      <section className="card privacy-summary" aria-label="Last 30 days">
        <h2>Last 30 days</h2>
        {ledger.kind === 'error' ? (
          <p className="error-text" role="alert">
            {ledger.message}
          </p>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    );
  }
  const hosts = summary.byHost;
  const requests = hosts.reduce((n, h) => n + h.requests, 0);
  const up = hosts.reduce((n, h) => n + h.bytesUp, 0);
  const down = hosts.reduce((n, h) => n + h.bytesDown, 0);
  const remote = hosts.filter((h) => !isThisMachine(h.host));

  return (
    <section className="card privacy-summary" aria-label="Last 30 days">
      <h2>Last 30 days</h2>
      {requests === 0 ? (
        <p className="privacy-sentence">Enclave has not connected to anything in the last 30 days. Nothing was sent.</p>
      ) : (
        <>
          <p className="privacy-sentence">
            In the last 30 days Enclave connected to{' '}
            <strong>
              {hosts.length} {hosts.length === 1 ? 'host' : 'hosts'}
            </strong>
            ,{' '}
            <strong>
              {requests} {requests === 1 ? 'time' : 'times'}
            </strong>
            , sending <strong>{formatBytes(up)}</strong> and receiving <strong>{formatBytes(down)}</strong>.{' '}
            {remote.length === 0 ? 'All of them are on this machine.' : `${remote.length} of them ${remote.length === 1 ? 'is' : 'are'} outside this machine.`}
          </p>
          <ul className="privacy-hosts">
            {hosts.map((h) => (
              <li key={h.host}>
                <code>{h.host}</code>
                <span className={isThisMachine(h.host) ? 'badge local' : 'badge remote'}>{isThisMachine(h.host) ? 'this machine' : 'internet'}</span>
                <span className="muted">
                  {h.requests}× · ↑ {formatBytes(h.bytesUp)} · ↓ {formatBytes(h.bytesDown)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
