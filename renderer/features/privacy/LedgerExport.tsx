// Export the whole ledger as CSV or JSON, and say where the file went.
import { usePrivacy } from '../../state/privacy-store';
import { ShowInFolder } from '../history/ShowInFolder';
import { formatBytes } from '../../state/ledger-view';

export function LedgerExport() {
  const exported = usePrivacy((s) => s.exported);
  const run = usePrivacy((s) => s.exportLedger);
  const saving = exported.kind === 'saving';
  return (
    <div className="ledger-export">
      <button type="button" onClick={() => void run('csv')} disabled={saving}>
        {saving && exported.format === 'csv' ? 'Exporting…' : 'Export CSV'}
      </button>
      <button type="button" onClick={() => void run('json')} disabled={saving}>
        {saving && exported.format === 'json' ? 'Exporting…' : 'Export JSON'}
      </button>
      <span className="export-result" role="status">
        {exported.kind === 'saved' &&
          (exported.file.saved ? (
            <>
              Saved {exported.format.toUpperCase()}
              {exported.file.bytes !== undefined ? ` (${formatBytes(exported.file.bytes)})` : ''} to <code>{exported.file.path ?? 'the chosen file'}</code>
              {exported.file.canReveal && exported.file.path && (
                <>
                  {' '}
                  <ShowInFolder path={exported.file.path} />
                </>
              )}
            </>
          ) : (
            'Export cancelled.'
          ))}
        {exported.kind === 'error' && <span className="error-text">Export failed: {exported.message}</span>}
      </span>
    </div>
  );
}
