import { useId, useState } from 'react';
import type { ImportSummary } from '../../../shared/contract';
import { call, errorMessage } from '../../app/api';
import { useConversations } from '../../state/conversations-store';
import { Dialog } from './Dialog';
import { countLabel, formatSize, SOURCE_LABELS } from './format';

type ImportState =
  | { kind: 'choosing' }
  | { kind: 'importing'; name: string; size: number }
  | { kind: 'done'; name: string; summary: ImportSummary }
  | { kind: 'error'; name: string; message: string };

/** The engine refuses more than this in one request; saying so first beats a confusing failure. */
const MAX_BYTES = 200 * 1024 * 1024;

export function ImportDialog({ onClose }: { onClose(): void }) {
  const [state, setState] = useState<ImportState>({ kind: 'choosing' });
  const inputId = useId();

  const importFile = async (file: File) => {
    if (file.size > MAX_BYTES) {
      setState({ kind: 'error', name: file.name, message: `Nothing was imported: the file is ${formatSize(file.size)}; the limit is ${formatSize(MAX_BYTES)}.` });
      return;
    }
    setState({ kind: 'importing', name: file.name, size: file.size });
    try {
      const content = await file.text();
      const summary = await call('importConversations', { filename: file.name.slice(0, 500), content });
      setState({ kind: 'done', name: file.name, summary });
      await useConversations.getState().loadList();
    } catch (err) {
      const message = errorMessage(err);
      setState({ kind: 'error', name: file.name, message: message.startsWith('Nothing was imported') ? message : `Nothing was imported: ${message}` });
    }
  };

  return (
    <Dialog title="Import conversations" onClose={onClose}>
      <div className="dialog-body">
        <p className="muted small">
          From an Enclave JSON export, or a ChatGPT or Claude data export (<code>conversations.json</code>). Nothing is sent
          anywhere; a file that cannot be read adds nothing.
        </p>
        <label htmlFor={inputId} className="file-pick">
          Choose a file to import
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          disabled={state.kind === 'importing'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <ImportOutcome state={state} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={state.kind === 'importing'} autoFocus>
            {state.kind === 'done' ? 'Done' : 'Close'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function ImportOutcome({ state }: { state: ImportState }) {
  switch (state.kind) {
    case 'choosing':
      return null;
    case 'importing':
      return (
        <p className="muted small" role="status" aria-busy="true">
          <span className="spinner" aria-hidden /> Importing {formatSize(state.size)}…
        </p>
      );
    case 'done': {
      const { summary } = state;
      return (
        <div className="import-summary" role="status">
          <p className="dialog-ok">
            Imported {countLabel(summary.conversations, 'conversation')} and {countLabel(summary.messages, 'message')} from{' '}
            {SOURCE_LABELS[summary.source]}.
          </p>
          {summary.warnings.length > 0 && (
            <details>
              <summary className="small">{countLabel(summary.warnings.length, 'warning')}</summary>
              <ul className="small">
                {summary.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      );
    }
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
