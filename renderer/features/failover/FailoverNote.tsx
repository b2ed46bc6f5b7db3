import type { AnsweringModel, FailedAttempt } from '../../../shared/types';

/** Says which model answered and why the turn moved to it along the fallback chain. */
export function FailoverNote({ failed, answeredBy }: { failed: FailedAttempt[]; answeredBy: AnsweringModel }) {
  const last = failed.at(-1)!;
  return (
    <div className="failover-note small" role="note">
      <span aria-hidden="true">⤳ </span>
      Answered by <strong>{answeredBy.modelId}</strong>
      {answeredBy.connectionName ? ` (${answeredBy.connectionName})` : ''} because <strong>{last.model.modelId}</strong> failed before answering: {last.error.message}
      {failed.length > 1 && (
        <details>
          <summary>{failed.length} models failed first</summary>
          <ol>
            {failed.map((f, i) => (
              <li key={i}>
                {f.model.modelId}
                {f.model.connectionName ? ` (${f.model.connectionName})` : ''}: {f.error.message}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
