import type { ConnectionView } from '../../../shared/types';
import { useConnections } from '../../state/connections-store';
import { KIND_INFO } from './provider-kinds';

export function ConnectionCard({ connection: c }: { connection: ConnectionView }) {
  const test = useConnections((s) => s.test);
  const remove = useConnections((s) => s.remove);
  const result = useConnections((s) => s.tests[c.id]);
  const modelCount = useConnections((s) => s.models[c.id]?.models.length ?? 0);

  return (
    <li className="card connection" aria-label={c.name}>
      <div className="connection-head">
        <div>
          <h2>
            {c.name} {c.demo && <span className="badge demo">demo</span>}
          </h2>
          <p className="muted small">
            {KIND_INFO[c.kind].label} · <span className={c.local ? 'badge local' : 'badge remote'}>{c.local ? 'local' : 'remote'}</span>
            {c.baseUrl && <> · {c.baseUrl}</>}
          </p>
          <p className="small">
            {c.keyHint ? (
              <>
                Key ••••{c.keyHint.last4}
                {c.keyHint.verifiedAt && <> · verified {new Date(c.keyHint.verifiedAt).toLocaleString()}</>}
              </>
            ) : (
              <span className="muted">No key</span>
            )}
            {' · '}
            {modelCount} models
          </p>
        </div>
        <div className="row">
          <button onClick={() => void test(c.id)} disabled={result === 'running'}>
            {result === 'running' ? 'Testing…' : 'Test'}
          </button>
          {!c.demo && (
            <button
              className="danger"
              onClick={() => {
                if (confirm(`Delete ${c.name}? Its key is removed from the keychain too.`)) void remove(c.id);
              }}
            >
              Delete
            </button>
          )}
        </div>
      </div>
      {result && result !== 'running' && (
        <p className={result.ok ? 'ok-text small' : 'error-text small'} role="status">
          {result.ok ? `Connected in ${result.latencyMs} ms · ${result.modelCount ?? 0} models` : result.error?.message}
        </p>
      )}
    </li>
  );
}
