// The parts of Claude's data export (conversations.json) that we read. Anthropic does not
// document the format; field notes come from real exports.
import { z } from 'zod';
import { IMPORT_LIMITS as L } from './limits';

// Room left for the ":n" suffix of attachment ids.
const uuid = z
  .string()
  .min(1)
  .max(L.maxIdLength - 10);
const short = z.string().max(L.maxShortTextLength);
const longText = z.string().max(L.maxTextLength);
const isoTime = z
  .string()
  .max(100)
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 date' });

/** content[] blocks: { type: 'text', text } | { type: 'thinking', thinking } | tool_use | tool_result ... */
const block = z.object({
  type: short,
  text: longText.nullish(),
  thinking: longText.nullish(),
});

const attachment = z.object({
  file_name: short.nullish(),
  file_size: z.number().nonnegative().nullish(),
  file_type: short.nullish(),
  extracted_content: z.string().max(L.maxAttachmentDataLength).nullish(),
});

const message = z.object({
  uuid,
  /** Position in the conversation in exports that carry it; the array is not always in order. */
  index: z.number().int().nonnegative().nullish(),
  text: longText.nullish(),
  content: z.array(block).max(10_000).nullish(),
  sender: z.enum(['human', 'assistant']),
  created_at: isoTime,
  updated_at: isoTime.nullish(),
  parent_message_uuid: uuid.nullish(),
  attachments: z.array(attachment).max(L.maxAttachmentsPerMessage).nullish(),
  files: z
    .array(z.object({ file_name: short.nullish() }))
    .max(L.maxAttachmentsPerMessage)
    .nullish(),
});

const conversation = z.object({
  uuid,
  name: z.string().max(L.maxTitleLength).nullish(),
  created_at: isoTime,
  updated_at: isoTime.nullish(),
  /** Present in some exports; otherwise the newest branch is shown. */
  current_leaf_message_uuid: uuid.nullish(),
  chat_messages: z.array(message).max(L.maxMessagesPerConversation),
});

export const claudeConversationSchema = conversation;

export type ClaudeConversation = z.infer<typeof conversation>;
export type ClaudeMessage = z.infer<typeof message>;
