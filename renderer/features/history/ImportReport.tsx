// What an import did, in words: how many conversations and messages arrived, which were
// skipped and why, and the warnings (placeholders, clamped dates, tool steps).
import type { ImportSummary } from '../../../shared/contract';
import { countLabel, SOURCE_LABELS } from './format';

export function ImportReport({ summary }: { summary: ImportSummary }) {
  const { skipped, warnings } = summary;
  const nothing = summary.conversations === 0;
  return (
    <div className="import-summary" role="status">
      {nothing ? (
        <p className="error-text">Nothing was imported: every conversation in the file was skipped.</p>
      ) : (
        <p className="dialog-ok">
          Imported {countLabel(summary.conversations, 'conversation')} and {countLabel(summary.messages, 'message')} from {SOURCE_LABELS[summary.source]}.
        </p>
      )}
      <dl className="import-counts small">
        <dt>Imported</dt>
        <dd>{summary.conversations}</dd>
        <dt>Skipped</dt>
        <dd>{skipped.length}</dd>
        <dt>Warnings</dt>
        <dd>{warnings.length}</dd>
      </dl>
      {skipped.length > 0 && (
        <details open>
          <summary className="small">{countLabel(skipped.length, 'skipped conversation')}</summary>
          <ul className="small import-skipped">
            {skipped.map((s, i) => (
              <li key={i}>
                <strong>{s.title}</strong> (#{s.index + 1}): {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {warnings.length > 0 && (
        <details>
          <summary className="small">{countLabel(warnings.length, 'warning')}</summary>
          <ul className="small">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
