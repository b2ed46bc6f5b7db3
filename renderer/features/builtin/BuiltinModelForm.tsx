// Adds a GGUF file on this computer to the built-in engine: check it first (header, size, RAM),
// then add. Used by the Connections screen and by onboarding.
import { useState } from 'react';
import type { BuiltinModel, ConnectionView, GgufReport } from '../../../shared/types';
import { call, errorMessage } from '../../bridge/api';
import { useConnections } from '../../state/connections-store';
import { GgufReportView } from './GgufReportView';
import './builtin.css';

export function BuiltinModelForm({ onAdded, onCancel }: { onAdded: (model: BuiltinModel, connection: ConnectionView) => void; onCancel?: () => void }) {
  const [path, setPath] = useState('');
  const [report, setReport] = useState<GgufReport>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'checking' | 'adding'>();

  const run = async (what: 'checking' | 'adding') => {
    setBusy(what);
    setError(undefined);
    try {
      if (what === 'checking') {
        setReport(await call('inspectGguf', { path: path.trim() }));
      } else {
        const { model, connection } = await call('addBuiltinModel', { path: path.trim() });
        await useConnections.getState().load();
        onAdded(model, connection);
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <form
      className="builtin-form"
      aria-label="Add a model file"
      onSubmit={(e) => {
        e.preventDefault();
        void run(report ? 'adding' : 'checking');
      }}
    >
      <label>
        GGUF model file
        <input
          value={path}
          required
          spellCheck={false}
          placeholder="/home/you/models/llama-3.2-1b-instruct.Q4_K_M.gguf"
          onChange={(e) => {
            setPath(e.target.value);
            setReport(undefined);
          }}
        />
      </label>
      <p className="muted small">The full path of a .gguf file on this computer. Enclave reads it where it is, runs it with llama.cpp, and sends nothing anywhere.</p>
      {report && <GgufReportView report={report} />}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        {report ? (
          <button type="submit" className="primary" disabled={!!busy || !report.supported}>
            {busy === 'adding' ? 'Adding…' : 'Add model'}
          </button>
        ) : (
          <button type="submit" className="primary" disabled={!!busy || path.trim() === ''}>
            {busy === 'checking' ? 'Reading the file…' : 'Check file'}
          </button>
        )}
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
