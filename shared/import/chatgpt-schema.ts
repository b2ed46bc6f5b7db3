// The parts of ChatGPT's data export (conversations.json) that we read. Lenient where
// the format drifts (nullable times, extra keys), strict where a wrong type would make us
// lose text. Field notes come from real exports; OpenAI does not document the format.
import { z } from 'zod';
import { IMPORT_LIMITS as L } from './limits';

const nodeId = z.string().min(1).max(L.maxIdLength);
const seconds = z.number().nullish();
const longText = z.string().max(L.maxTextLength);
const short = z.string().max(L.maxShortTextLength);

/** multimodal_text parts: text, or objects such as { content_type: 'image_asset_pointer', asset_pointer }. */
const part = z.union([longText, z.object({ content_type: short.optional(), text: longText.optional() }), z.null()]);

const content = z.object({
  content_type: short,
  parts: z.array(part).max(10_000).optional(),
  /** content_type 'code' (and some tool outputs) carry `text` instead of parts. */
  text: longText.nullish(),
  language: short.nullish(),
  /** content_type 'thoughts': the reasoning shown under "Thought for N seconds". */
  thoughts: z
    .array(z.object({ summary: longText.nullish(), content: longText.nullish() }))
    .max(10_000)
    .nullish(),
  /** tether_browsing_display: what the browsing tool showed; tether_quote: a quoted page. */
  result: longText.nullish(),
  summary: longText.nullish(),
  title: short.nullish(),
  url: z.string().max(10_000).nullish(),
});

const message = z.object({
  id: nodeId,
  /** 'user' | 'assistant' | 'system' | 'tool'; a tool's `name` says which (python, browser, dalle.text2im). */
  author: z.object({ role: short, name: short.nullish() }),
  /** Who the message is addressed to: 'all' is the conversation; anything else is a tool call. */
  recipient: short.nullish(),
  create_time: seconds,
  update_time: seconds,
  content,
  metadata: z
    .object({
      model_slug: short.nullish(),
      is_visually_hidden_from_conversation: z.boolean().nullish(),
    })
    .nullish(),
});

const node = z.object({
  message: message.nullish(),
  parent: nodeId.nullish(),
  children: z.array(nodeId).max(L.maxMessagesPerConversation).nullish(),
});

const conversation = z
  .object({
    title: z.string().max(L.maxTitleLength).nullish(),
    create_time: seconds,
    update_time: seconds,
    mapping: z.record(nodeId, node).refine((m) => Object.keys(m).length <= L.maxMessagesPerConversation, {
      message: `more than ${L.maxMessagesPerConversation} messages in one conversation`,
    }),
    current_node: nodeId.nullish(),
    id: nodeId.nullish(),
    conversation_id: nodeId.nullish(),
  })
  .refine((c) => Boolean(c.id ?? c.conversation_id), { message: 'needs an "id" or "conversation_id"' });

export const chatGptConversationSchema = conversation;

export type ChatGptConversation = z.infer<typeof conversation>;
export type ChatGptMessage = z.infer<typeof message>;
export type ChatGptContent = z.infer<typeof content>;
