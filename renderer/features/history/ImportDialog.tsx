import { useId } from 'react';
import { Dialog } from '../../ui/Dialog';
import { formatSize } from './format';
import { ImportReport } from './ImportReport';
import { useImportJob, type ImportState } from './use-import-job';

/** The engine refuses more than this in one request; saying so first beats a confusing failure. */
const MAX_BYTES = 200 * 1024 * 1024;

const PHASES: Record<string, string> = { reading: 'Reading', converting: 'Reading conversations', writing: 'Saving' };

export function ImportDialog({ onClose }: { onClose(): void }) {
  const { state, start, cancel, fail } = useImportJob();
  const inputId = useId();
  const running = state.kind === 'running';

  const importFile = async (file: File) => {
    if (file.size > MAX_BYTES) {
      fail(file.name, `Nothing was imported: the file is ${formatSize(file.size)}; the limit is ${formatSize(MAX_BYTES)}.`);
      return;
    }
    await start(file, await file.text());
  };

  return (
    <Dialog title="Import conversations" onClose={onClose} busy={running}>
      <div className="dialog-body">
        <p className="muted small">
          From an Enclave JSON export, a ChatGPT or Claude data export (<code>conversations.json</code>), a Chatbox backup, or a JSON chat with <code>messages</code>{' '}
          (OpenAI/OpenRouter style). Nothing is sent anywhere; conversations that cannot be read are listed and skipped, and Cancel adds nothing.
        </p>
        <label htmlFor={inputId} className="file-pick">
          Choose a file to import
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          disabled={running}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <ImportOutcome state={state} />
        <div className="dialog-actions">
          {running ? (
            <button type="button" onClick={() => void cancel()} disabled={state.cancelling}>
              {state.cancelling ? 'Cancelling…' : 'Cancel import'}
            </button>
          ) : (
            <button type="button" onClick={onClose} autoFocus>
              {state.kind === 'done' ? 'Done' : 'Close'}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

function ImportOutcome({ state }: { state: ImportState }) {
  switch (state.kind) {
    case 'choosing':
      return null;
    case 'running':
      return (
        <div className="import-progress" role="status" aria-busy="true">
          <p className="muted small">
            {PHASES[state.phase] ?? 'Importing'} {state.name} ({formatSize(state.size)})… {state.percent}%
          </p>
          <progress max={100} value={state.percent} aria-label="Import progress">
            {state.percent}%
          </progress>
        </div>
      );
    case 'done':
      return <ImportReport summary={state.summary} />;
    case 'cancelled':
      return (
        <p className="muted small" role="status">
          Import cancelled: nothing from {state.name} was added.
        </p>
      );
    case 'error':
      return (
        <div className="import-error" role="alert">
          <p className="error-text">{state.message}</p>
          <p className="muted small">{state.name} was not changed and no conversations were added.</p>
        </div>
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
