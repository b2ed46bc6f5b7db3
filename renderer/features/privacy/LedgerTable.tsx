// Every request, newest first.
import type { LedgerEntry } from '../../../shared/types';
import { formatBytes, formatDuration, isThisMachine, outcomeLabel } from '../../state/ledger-view';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

export function LedgerTable({ entries, nameOf }: { entries: LedgerEntry[]; nameOf: (id: string | null) => string }) {
  return (
    <div className="table-scroll" tabIndex={0} aria-label="Requests">
      <table className="ledger-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Connection</th>
            <th scope="col">Host</th>
            <th scope="col">Model</th>
            <th scope="col" className="num">
              Sent
            </th>
            <th scope="col" className="num">
              Received
            </th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-outcome={e.outcome}>
              <td className="nowrap">{time.format(e.at)}</td>
              <td>{nameOf(e.connectionId)}</td>
              <td>
                <code title={`${e.method} ${e.path}`}>{e.host}</code>
                {!isThisMachine(e.host) && <span className="badge remote">internet</span>}
              </td>
              <td>
                {e.model ?? (
                  <span className="muted">
                    {e.method} {e.path}
                  </span>
                )}
              </td>
              <td className="num">{formatBytes(e.bytesUp)}</td>
              <td className="num">{formatBytes(e.bytesDown)}</td>
              <td className="num">{formatDuration(e.durationMs)}</td>
              <td>
                <span className={`outcome outcome-${e.outcome}`}>{outcomeLabel(e)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
