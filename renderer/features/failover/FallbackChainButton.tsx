// The chat header's "Fallbacks" control: shows the conversation's chain and opens its editor.
import { useEffect, useState } from 'react';
import type { ModelRef } from '../../../shared/types';
import { call, errorMessage } from '../../bridge/api';
import { useConversations } from '../../state/conversations-store';
import { FallbackChainDialog } from './FallbackChainDialog';

export function FallbackChainButton() {
  const conversationId = useConversations((s) => s.conversation?.id);
  const [chain, setChain] = useState<ModelRef[]>([]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    setChain([]);
    if (!conversationId) return;
    let current = true;
    call('getFallbackChain', { conversationId })
      .then((c) => current && setChain(c))
      .catch((e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [conversationId]);

  if (!conversationId) return null;
  const label = chain.length === 0 ? 'No fallback' : `Fallback: ${chain.map((r) => r.modelId).join(' → ')}`;
  return (
    <>
      <button type="button" className="ghost small fallback-button" title="Models to try, in order, when the chosen one fails before answering" onClick={() => setOpen(true)}>
        <span aria-hidden="true">⤳ </span>
        {label}
      </button>
      {error && (
        <span role="alert" className="small error-text">
          {error}
        </span>
      )}
      {open && (
        <FallbackChainDialog
          initial={chain}
          onClose={() => setOpen(false)}
          onSave={async (next) => {
            const saved = await call('setFallbackChain', { conversationId, chain: next });
            setChain(saved);
            setError(undefined);
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
