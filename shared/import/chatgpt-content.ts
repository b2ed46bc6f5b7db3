// One ChatGPT message → what it is to a reader. Only user and assistant text addressed to
// the conversation is an answer; tool calls, tool output and reasoning become steps that
// fold into the reasoning of the next reply, and labels and hidden context are dropped.
// Images (asset pointers into the export's zip) cannot come along: they become "[image]".
import type { ChatGptContent, ChatGptMessage } from './chatgpt-schema';

export type ChatGptPart =
  | { kind: 'text'; text: string; images: number; otherParts: number }
  | { kind: 'reasoning'; text: string }
  /** A tool call or its output: shown collapsed, never as answer text. `images` the user saw. */
  | { kind: 'tool'; text: string; images: number }
  /** Nothing a reader needs: labels, hidden context, empty messages, unknown types. */
  | { kind: 'skip'; reason: 'hidden' | 'empty' | 'unknown' };

/** Labels and context the ChatGPT page never shows as a message. */
const SILENT_TYPES = new Set(['reasoning_recap', 'user_editable_context', 'model_editable_context', 'system_error']);

export function classifyChatGpt(message: ChatGptMessage): ChatGptPart {
  if (message.metadata?.is_visually_hidden_from_conversation) return { kind: 'skip', reason: 'hidden' };
  const role = message.author.role;
  const content = message.content;
  if (role === 'system') return { kind: 'skip', reason: 'hidden' };
  if (SILENT_TYPES.has(content.content_type)) return { kind: 'skip', reason: 'hidden' };
  if (content.content_type === 'thoughts') return nonEmpty({ kind: 'reasoning', text: thoughts(content) });
  if (role === 'tool') return toolOutput(message);
  const recipient = message.recipient ?? 'all';
  if (role === 'assistant' && recipient !== 'all') return toolCall(recipient, content);
  if (role !== 'user' && role !== 'assistant') return toolOutput(message);
  const text = visibleText(content);
  if (text === null) return { kind: 'skip', reason: 'unknown' };
  return text.text.trim() === '' ? { kind: 'skip', reason: 'empty' } : { kind: 'text', ...text };
}

function visibleText(content: ChatGptContent): { text: string; images: number; otherParts: number } | null {
  switch (content.content_type) {
    case 'text':
      return { text: stringParts(content).join('\n'), images: 0, otherParts: 0 };
    case 'multimodal_text':
      return multimodal(content);
    case 'code':
      return { text: fence(content.text ?? '', content.language ?? ''), images: 0, otherParts: 0 };
    default: {
      const text = content.text ?? stringParts(content).join('\n');
      return text.trim() === '' ? null : { text, images: 0, otherParts: 0 };
    }
  }
}

function toolCall(recipient: string, content: ChatGptContent): ChatGptPart {
  const body = content.content_type === 'code' ? (content.text ?? '') : (content.text ?? stringParts(content).join('\n'));
  const language = content.content_type === 'code' ? (content.language ?? '') : looksLikeJson(body) ? 'json' : '';
  return { kind: 'tool', text: `**Tool call: ${recipient}**\n\n${fence(body, language)}`, images: 0 };
}

function toolOutput(message: ChatGptMessage): ChatGptPart {
  const content = message.content;
  const name = message.author.name;
  let body: string;
  let images = 0;
  switch (content.content_type) {
    case 'execution_output':
      body = fence(content.text ?? stringParts(content).join('\n'), '');
      break;
    case 'tether_browsing_display':
      body = [content.summary, content.result].filter((s): s is string => Boolean(s?.trim())).join('\n\n');
      break;
    case 'tether_quote':
      body = [content.title, content.url, content.text].filter((s): s is string => Boolean(s?.trim())).join('\n\n');
      break;
    case 'multimodal_text': {
      const parts = multimodal(content);
      images = parts.images;
      body = parts.text;
      break;
    }
    default:
      body = content.text ?? stringParts(content).join('\n');
  }
  if (body.trim() === '') return { kind: 'skip', reason: 'empty' };
  return { kind: 'tool', text: `**${name ? `Tool result: ${name}` : 'Tool result'}**\n\n${body}`, images };
}

function multimodal(content: ChatGptContent): { text: string; images: number; otherParts: number } {
  let images = 0;
  let otherParts = 0;
  const pieces: string[] = [];
  for (const part of content.parts ?? []) {
    if (part === null) continue;
    if (typeof part === 'string') {
      if (part !== '') pieces.push(part);
    } else if (part.content_type === 'image_asset_pointer') {
      images++;
      pieces.push('[image]');
    } else if (typeof part.text === 'string' && part.text !== '') {
      pieces.push(part.text); // e.g. audio_transcription
    } else if (part.content_type !== 'audio_asset_pointer' && part.content_type !== 'audio_transcription') {
      otherParts++;
      pieces.push(`[${part.content_type ?? 'attachment'}]`);
    }
  }
  return { text: pieces.join('\n\n'), images, otherParts };
}

function stringParts(content: ChatGptContent): string[] {
  return (content.parts ?? []).filter((p): p is string => typeof p === 'string');
}

function fence(code: string, language: string): string {
  const lang = language === 'unknown' ? '' : language;
  const ticks = '`'.repeat(Math.max(3, longestBacktickRun(code) + 1));
  return `${ticks}${lang}\n${code}\n${ticks}`;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

function looksLikeJson(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

function thoughts(content: ChatGptContent): string {
  return (content.thoughts ?? [])
    .map((t) => [t.summary ? `**${t.summary}**` : '', t.content ?? ''].filter(Boolean).join('\n\n'))
    .filter(Boolean)
    .join('\n\n');
}

function nonEmpty(part: { kind: 'reasoning'; text: string }): ChatGptPart {
  return part.text.trim() === '' ? { kind: 'skip', reason: 'empty' } : part;
}
