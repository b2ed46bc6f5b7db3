import { useState } from 'react';
import type { SavedFile } from '../../../shared/contract';
import type { ExportFormat } from '../../../shared/types';
import { call, errorMessage } from '../../bridge/api';
import { Dialog } from '../../ui/Dialog';
import { countLabel } from './format';
import { SavedFileNote } from './SavedFileNote';
import { useApp } from '../../state/app-store';

export type ExportScope = { kind: 'all'; count: number } | { kind: 'one'; id: string; title: string };

type ExportState = { kind: 'choosing' } | { kind: 'saving' } | { kind: 'saved'; file: SavedFile } | { kind: 'error'; message: string };

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'markdown', label: 'Markdown', hint: 'Readable text, for notes and documents' },
  { value: 'json', label: 'JSON', hint: 'Everything, every branch: Enclave can import it again' },
  { value: 'html', label: 'HTML', hint: 'A single page that opens in any browser, no scripts' },
];

export function ExportDialog({ scope, onClose }: { scope: ExportScope; onClose(): void }) {
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [branches, setBranches] = useState<'current' | 'all'>('current');
  const [state, setState] = useState<ExportState>({ kind: 'choosing' });
  const saveDialog = useApp((s) => s.info?.saveDialog ?? false);
  const what = scope.kind === 'one' ? `“${scope.title || 'New chat'}”` : countLabel(scope.count, 'conversation');

  const save = async () => {
    setState({ kind: 'saving' });
    try {
      const file = await call('exportConversations', {
        ...(scope.kind === 'one' ? { ids: [scope.id] } : {}),
        format,
        branches: format === 'json' ? 'all' : branches,
      });
      setState({ kind: 'saved', file });
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) });
    }
  };

  return (
    <Dialog title={scope.kind === 'one' ? 'Export conversation' : 'Export all conversations'} onClose={onClose}>
      <div className="dialog-body" role="group" aria-label="Export options">
        <p className="muted small">
          Exports {what}. The file stays on this computer{saveDialog ? ': you choose the folder and name next.' : ', in Enclave’s exports folder.'}
        </p>
        <fieldset disabled={state.kind === 'saving'}>
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className="choice">
              <input type="radio" name="format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
              <span>
                {f.label} <span className="muted small">— {f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset disabled={state.kind === 'saving' || format === 'json'}>
          <legend>Branches</legend>
          <label className="choice">
            <input type="radio" name="branches" value="current" checked={format === 'json' ? false : branches === 'current'} onChange={() => setBranches('current')} />
            <span>The path you are looking at</span>
          </label>
          <label className="choice">
            <input type="radio" name="branches" value="all" checked={format === 'json' ? true : branches === 'all'} onChange={() => setBranches('all')} />
            <span>All branches (edits and retries too)</span>
          </label>
        </fieldset>
        <ExportOutcome state={state} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {state.kind === 'saved' ? 'Close' : 'Cancel'}
          </button>
          <button type="button" className="primary" disabled={state.kind === 'saving'} autoFocus onClick={() => void save()}>
            {state.kind === 'saving' ? 'Exporting…' : state.kind === 'saved' ? 'Export again' : saveDialog ? 'Save as…' : 'Export'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function ExportOutcome({ state }: { state: ExportState }) {
  switch (state.kind) {
    case 'choosing':
      return null;
    case 'saving':
      return (
        <p className="muted small" role="status">
          Writing the file…
        </p>
      );
    case 'saved':
      return <SavedFileNote file={state.file} />;
    case 'error':
      return (
        <p className="error-text small" role="alert">
          {state.message}
        </p>
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
