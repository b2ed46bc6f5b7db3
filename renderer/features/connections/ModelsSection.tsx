import type { ConnectionView } from '../../../shared/types';
import { useConnections } from '../../state/connections-store';
import { ExtraModels } from './ExtraModels';
import { plural } from './format';

const SHOWN = 30;

/** The models a connection offers, and the ids added by hand for ones its listing omits. */
export function ModelsSection({ connection: c }: { connection: ConnectionView }) {
  const entry = useConnections((s) => s.models[c.id]);
  const models = entry?.models ?? [];
  const extra = new Set(c.extraModels);
  const listed = models.filter((m) => !extra.has(m.id));
  return (
    <details className="models-section">
      <summary>
        {entry?.loading && models.length === 0 ? 'Loading models…' : plural(models.length, 'model')}
        {entry?.error && <span className="error-text"> · list failed</span>}
      </summary>
      {listed.length > 0 && (
        <p className="model-ids small">
          {listed.slice(0, SHOWN).map((m) => (
            <code key={m.id}>{m.id}</code>
          ))}
          {listed.length > SHOWN && <span className="muted">and {listed.length - SHOWN} more</span>}
        </p>
      )}
      {entry?.error && <p className="error-text small">{entry.error}</p>}
      {!c.demo && <ExtraModels connection={c} />}
    </details>
  );
}
