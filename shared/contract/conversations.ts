// Conversations as stored: list, load, create, edit, delete and restore, search, fallback chains.
import { z } from 'zod';
import type { Conversation, Message, ModelRef, SearchHit } from '../types';
import { call, empty, id, modelRef, text } from './define';

export const conversationCalls = {
  listConversations: call<Conversation[]>()(empty),
  /**
   * With `limit`, a long conversation answers with the current branch's newest `limit` messages
   * (and their siblings) and `partial: true`; ask again without it for the rest.
   */
  getConversation: call<{ conversation: Conversation; messages: Message[]; partial?: boolean }>()(z.object({ id, limit: z.number().int().min(1).max(10_000).optional() }).strict()),
  createConversation: call<Conversation>()(z.object({ title: text(200).optional(), localOnly: z.boolean().optional() }).strict()),
  updateConversation: call<Conversation>()(
    z
      .object({
        id,
        title: text(200).min(1).optional(),
        pinned: z.boolean().optional(),
        localOnly: z.boolean().optional(),
        systemPrompt: text(20000).optional(),
        /** null goes back to the provider's default. */
        temperature: z.number().min(0).max(2).nullable().optional(),
        currentLeafId: id.nullable().optional(),
      })
      .strict(),
  ),
  deleteConversation: call<{ deleted: true }>()(z.object({ id }).strict()),
  restoreConversation: call<Conversation>()(z.object({ id }).strict()),

  searchMessages: call<SearchHit[]>()(
    z
      .object({
        query: text(500),
        connectionId: id.optional(),
        modelId: z.string().min(1).max(300).optional(),
        from: z.number().int().nonnegative().optional(),
        to: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
  ),

  getFallbackChain: call<ModelRef[]>()(z.object({ conversationId: id }).strict()),
  setFallbackChain: call<ModelRef[]>()(z.object({ conversationId: id, chain: z.array(modelRef).max(5) }).strict()),
} as const;
