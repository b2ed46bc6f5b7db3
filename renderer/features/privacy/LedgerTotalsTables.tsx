// Totals of the filtered ledger, per host and per day.
import type { LedgerEntry, LedgerTotal } from '../../../shared/types';
import { formatBytes, totalsByDay, totalsByHost } from '../../state/ledger-view';

function TotalsTable({ caption, keyLabel, rows }: { caption: string; keyLabel: string; rows: (LedgerTotal & { key: string })[] }) {
  return (
    <table className="ledger-table totals">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <th scope="col" className="num">
            Requests
          </th>
          <th scope="col" className="num">
            Sent
          </th>
          <th scope="col" className="num">
            Received
          </th>
          <th scope="col" className="num">
            Not OK
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <code>{r.key}</code>
            </th>
            <td className="num">{r.requests}</td>
            <td className="num">{formatBytes(r.bytesUp)}</td>
            <td className="num">{formatBytes(r.bytesDown)}</td>
            <td className="num">{r.failures}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LedgerTotalsTables({ entries }: { entries: LedgerEntry[] }) {
  return (
    <div className="ledger-totals">
      <TotalsTable caption="Per host" keyLabel="Host" rows={totalsByHost(entries).map((t) => ({ key: t.host, ...t }))} />
      <TotalsTable caption="Per day" keyLabel="Day" rows={totalsByDay(entries).map((t) => ({ key: t.day, ...t }))} />
    </div>
  );
}
