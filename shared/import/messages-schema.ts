// A generic chat transcript: the `messages[]` of an OpenAI-style request or response log, as
// OpenRouter, LiteLLM, scripts and many small clients save them. Either one object with
// `messages`, or a list of such objects. content is a string or an array of parts
// ({ type: 'text', text } | { type: 'image_url', ... }); OpenRouter adds `reasoning`.
import { z } from 'zod';
import { IMPORT_LIMITS as L } from './limits';

const short = z.string().max(L.maxShortTextLength);
const longText = z.string().max(L.maxTextLength);
const looseTime = z.union([z.number(), z.string().max(100)]).nullish();

const part = z.union([longText, z.object({ type: short.nullish(), text: longText.nullish() })]);

const toolCall = z.object({
  function: z.object({ name: short.nullish(), arguments: longText.nullish() }).nullish(),
});

const message = z.object({
  role: short,
  content: z.union([longText, z.array(part).max(10_000), z.null()]).optional(),
  reasoning: longText.nullish(),
  reasoning_content: longText.nullish(),
  name: short.nullish(),
  model: short.nullish(),
  tool_calls: z.array(toolCall).max(1_000).nullish(),
  created_at: looseTime,
  createdAt: looseTime,
  timestamp: looseTime,
});

const conversation = z.object({
  id: z.union([z.string().min(1).max(60), z.number()]).nullish(),
  title: z.string().max(L.maxTitleLength).nullish(),
  name: z.string().max(L.maxTitleLength).nullish(),
  model: short.nullish(),
  messages: z.array(message).max(L.maxMessagesPerConversation),
  created_at: looseTime,
  createdAt: looseTime,
});

export const messagesConversationSchema = conversation;
export type MessagesConversation = z.infer<typeof conversation>;
export type MessagesMessage = z.infer<typeof message>;
