import { useState } from 'react';
import type { ConnectionView } from '../../../shared/types';
import { useConnections } from '../../state/connections-store';
import { BuiltinModels } from '../builtin/BuiltinModels';
import { DeleteConfirm } from './DeleteConfirm';
import { EditConnectionForm } from './EditConnectionForm';
import { KeyHintLine } from './KeyHintLine';
import { ModelsSection } from './ModelsSection';
import { KIND_INFO } from './provider-kinds';
import { TestResult } from './TestResult';

type Mode = 'view' | 'edit' | 'delete';

export function ConnectionCard({ connection: c }: { connection: ConnectionView }) {
  const test = useConnections((s) => s.test);
  const result = useConnections((s) => s.tests[c.id]);
  const [mode, setMode] = useState<Mode>('view');
  const ownable = !c.demo;
  const inApp = KIND_INFO[c.kind].inApp ?? false;

  return (
    <li className="card connection" aria-label={c.name}>
      <div className="connection-head">
        <div className="connection-facts">
          <h2>
            {c.name} {c.demo && <span className="badge demo">demo</span>}
          </h2>
          <p className="muted small">
            {KIND_INFO[c.kind].label} · <span className={c.local ? 'badge local' : 'badge remote'}>{c.local ? 'local' : 'remote'}</span>
            {c.baseUrl && (
              <>
                {' '}
                · <span className="base-url">{c.baseUrl}</span>
              </>
            )}
          </p>
          <p className="small">
            <KeyHintLine connection={c} />
          </p>
        </div>
        {mode === 'view' && (
          <div className="row connection-actions">
            <button onClick={() => void test(c.id)} disabled={result === 'running'}>
              {result === 'running' ? 'Testing…' : 'Test'}
            </button>
            {ownable && !inApp && <button onClick={() => setMode('edit')}>Edit</button>}
            {ownable && (
              <button className="danger" onClick={() => setMode('delete')}>
                Delete
              </button>
            )}
          </div>
        )}
      </div>
      <TestResult result={result} />
      {mode === 'edit' && <EditConnectionForm connection={c} onDone={() => setMode('view')} />}
      {mode === 'delete' && <DeleteConfirm connection={c} onCancel={() => setMode('view')} />}
      {mode === 'view' && (inApp ? <BuiltinModels /> : <ModelsSection connection={c} />)}
    </li>
  );
}
