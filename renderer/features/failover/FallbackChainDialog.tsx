// Edits a conversation's fallback chain: pick models in order; remote ones are marked, and a
// local-only conversation is told plainly that its remote fallbacks will be skipped.
import { useState } from 'react';
import type { ModelRef } from '../../../shared/types';
import { errorMessage } from '../../bridge/api';
import { useConnections } from '../../state/connections-store';
import { useConversations } from '../../state/conversations-store';
import { Dialog } from '../../ui/Dialog';
import { addToChain, MAX_FALLBACKS, moveInChain, removeFromChain, sameRef } from './chain-edit';
import './failover.css';

const encode = (r: ModelRef) => JSON.stringify([r.connectionId, r.modelId]);
const decode = (v: string): ModelRef => {
  const [connectionId, modelId] = JSON.parse(v) as [string, string];
  return { connectionId, modelId };
};

export function FallbackChainDialog({ initial, onClose, onSave }: { initial: ModelRef[]; onClose(): void; onSave(chain: ModelRef[]): Promise<void> }) {
  const connections = useConnections((s) => s.connections);
  const models = useConnections((s) => s.models);
  const localOnly = useConversations((s) => s.conversation?.localOnly ?? false);
  const [chain, setChain] = useState(initial);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const connOf = (id: string) => connections.find((c) => c.id === id);

  return (
    <Dialog title="Fallback models" onClose={onClose}>
      <div className="dialog-body fallback-dialog">
        <p className="muted small">
          When the model you chose fails before its first word (server error, overload, rate limit, no answer, nothing listening), Enclave tries these in order. A reply already
          under way is never moved.
          {localOnly && <strong> This conversation is local-only: remote models here are skipped.</strong>}
        </p>
        {chain.length === 0 ? (
          <p className="muted">No fallback yet: a failure ends the turn with Retry.</p>
        ) : (
          <ol className="fallback-list">
            {chain.map((ref, i) => {
              const conn = connOf(ref.connectionId);
              return (
                <li key={encode(ref)}>
                  <span className="fallback-rank muted">{i + 1}.</span>
                  <span className="fallback-model">{ref.modelId}</span>
                  <span className="muted small">{conn ? conn.name : 'removed connection'}</span>
                  <span className={`badge ${conn?.local ? 'local' : 'remote'}`}>{conn?.local ? 'local' : 'remote'}</span>
                  <span className="fallback-actions">
                    <button type="button" className="ghost small" aria-label={`Move ${ref.modelId} up`} disabled={i === 0} onClick={() => setChain(moveInChain(chain, i, -1))}>
                      ↑
                    </button>
                    <button
                      type="button"
                      className="ghost small"
                      aria-label={`Move ${ref.modelId} down`}
                      disabled={i === chain.length - 1}
                      onClick={() => setChain(moveInChain(chain, i, 1))}
                    >
                      ↓
                    </button>
                    <button type="button" className="ghost small" aria-label={`Remove ${ref.modelId}`} onClick={() => setChain(removeFromChain(chain, i))}>
                      Remove
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        <label className="fallback-add">
          <span>Add a model</span>
          <select value="" disabled={chain.length >= MAX_FALLBACKS} onChange={(e) => e.target.value && setChain(addToChain(chain, decode(e.target.value)))}>
            <option value="">{chain.length >= MAX_FALLBACKS ? `At most ${MAX_FALLBACKS}` : 'Choose…'}</option>
            {connections.map((c) => (
              <optgroup key={c.id} label={`${c.name} · ${c.local ? 'local' : 'remote'}`}>
                {(models[c.id]?.models ?? []).map((m) => {
                  const ref = { connectionId: c.id, modelId: m.id };
                  return (
                    <option key={m.id} value={encode(ref)} disabled={chain.some((r) => sameRef(r, ref))}>
                      {m.label ?? m.id}
                    </option>
                  );
                })}
              </optgroup>
            ))}
          </select>
        </label>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={saving}
            onClick={() => {
              setSaving(true);
              onSave(chain).catch((e: unknown) => {
                setError(errorMessage(e));
                setSaving(false);
              });
            }}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
