import type { ConnectionView } from '../../../shared/types';
import { ago } from './format';

/** What the renderer may know about a key: that it exists, its last four, when it last worked. */
export function KeyHintLine({ connection: c }: { connection: ConnectionView }) {
  if (!c.keyHint) return <span className="muted">No key</span>;
  const { last4, verifiedAt } = c.keyHint;
  return (
    <span className="key-hint">
      <span aria-label={`Key ending in ${last4}`}>Key ••••{last4}</span>
      {' · '}
      {verifiedAt ? <span title={new Date(verifiedAt).toLocaleString()}>verified {ago(verifiedAt)}</span> : <span className="muted">not verified yet</span>}
    </span>
  );
}
