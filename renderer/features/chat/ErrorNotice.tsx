import type { ChatError } from '../../../shared/types';

export function ErrorNotice({ error }: { error: ChatError }) {
  const retry = error.retryAt ? Math.max(0, Math.ceil((error.retryAt - Date.now()) / 1000)) : undefined;
  return (
    <div className={`error-notice ${error.kind}`} role="alert">
      <strong>{error.message}</strong>
      {retry !== undefined && retry > 0 && !/try again in/i.test(error.message) && <span> You can retry in about {retry} s.</span>}
      {error.detail && (
        <details>
          <summary>Details</summary>
          <code>{error.detail}</code>
        </details>
      )}
    </div>
  );
}
