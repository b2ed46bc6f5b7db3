// Chat turns: send, regenerate, continue, stop, and one prompt to several models (compare).
import { z } from 'zod';
import type { ModelRef } from '../types';
import { attachment, call, id, modelRef, text } from './define';

export interface SendResult {
  streamId: string;
  userMessageId?: string;
  assistantMessageId: string;
}

export interface CompareResult {
  userMessageId: string;
  panes: { streamId: string; assistantMessageId: string; model: ModelRef }[];
}

export const chatCalls = {
  sendMessage: call<SendResult>()(
    z
      .object({
        conversationId: id,
        /** The message the new user message answers; null for the first. */
        parentId: id.nullable(),
        content: text(500_000),
        model: modelRef,
        attachments: z.array(attachment).max(10).optional(),
        /** From the conversation's preset; the provider's default when absent. */
        temperature: z.number().min(0).max(2).optional(),
        maxOutputTokens: z.number().int().positive().max(1_000_000).optional(),
      })
      .strict(),
  ),
  regenerate: call<SendResult>()(z.object({ messageId: id, model: modelRef.optional() }).strict()),
  continueMessage: call<SendResult>()(z.object({ messageId: id }).strict()),
  stopStream: call<{ stopped: boolean }>()(z.object({ streamId: id }).strict()),
  sendCompare: call<CompareResult>()(
    z
      .object({
        conversationId: id,
        parentId: id.nullable(),
        content: text(500_000),
        models: z.array(modelRef).min(2).max(6),
        attachments: z.array(attachment).max(10).optional(),
      })
      .strict(),
  ),
} as const;
