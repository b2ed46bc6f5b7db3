// Each conversation's fallback chain: the models to try, in order, when the chosen one fails
// before its first token. Kept out of exports on purpose: a chain names this machine's
// connection ids, which mean nothing on another machine.
import type { ModelRef } from '../../../shared/types';
import type { StoreContext } from './context';
import { parseJson } from './rows';
import { StoreError } from './store-error';

export function createFallbackChainsRepo({ db }: StoreContext) {
  const select = db.prepare('SELECT chain_json FROM fallback_chains WHERE conversation_id = ?');
  const upsert = db.prepare(
    `INSERT INTO fallback_chains (conversation_id, chain_json) VALUES (?, ?)
     ON CONFLICT(conversation_id) DO UPDATE SET chain_json = excluded.chain_json`,
  );
  const remove = db.prepare('DELETE FROM fallback_chains WHERE conversation_id = ?');
  const conversationExists = db.prepare('SELECT 1 FROM conversations WHERE id = ?');

  return {
    get(conversationId: string): ModelRef[] {
      const row = select.get(conversationId) as { chain_json: string } | undefined;
      const chain = parseJson<unknown>(row?.chain_json ?? null);
      return Array.isArray(chain) ? chain.filter(isModelRef) : [];
    },

    set(conversationId: string, chain: ModelRef[]): ModelRef[] {
      if (!conversationExists.get(conversationId)) throw new StoreError({ kind: 'not-found', entity: 'conversation', id: conversationId });
      const clean = chain.map(({ connectionId, modelId }) => ({ connectionId, modelId }));
      if (clean.length === 0) remove.run(conversationId);
      else upsert.run(conversationId, JSON.stringify(clean));
      return clean;
    },
  };
}

function isModelRef(v: unknown): v is ModelRef {
  return typeof v === 'object' && v !== null && typeof (v as ModelRef).connectionId === 'string' && typeof (v as ModelRef).modelId === 'string';
}
