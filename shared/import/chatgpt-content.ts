// One ChatGPT message's `content` → text we can show. Images (asset pointers into the
// export's zip) cannot come along, so they become an "[image]" placeholder.
import type { ChatGptContent } from './chatgpt-schema';

export type ChatGptText =
  | { kind: 'text'; text: string; images: number; otherParts: number }
  | { kind: 'reasoning'; text: string }
  /** Nothing a reader needs: labels, hidden context, unknown types. */
  | { kind: 'skip'; known: boolean };

/** Content types that carry nothing to show ("Thought for 5 seconds", custom instructions...). */
const SILENT_TYPES = new Set([
  'reasoning_recap',
  'user_editable_context',
  'model_editable_context',
  'tether_browsing_display',
  'tether_quote',
  'system_error',
  'execution_output',
]);

export function chatGptText(content: ChatGptContent): ChatGptText {
  switch (content.content_type) {
    case 'text':
      return { kind: 'text', text: stringParts(content).join('\n'), images: 0, otherParts: 0 };
    case 'multimodal_text':
      return multimodal(content);
    case 'code':
      return { kind: 'text', text: codeFence(content.text ?? '', content.language ?? ''), images: 0, otherParts: 0 };
    case 'thoughts':
      return { kind: 'reasoning', text: thoughts(content) };
    default: {
      if (SILENT_TYPES.has(content.content_type)) return { kind: 'skip', known: true };
      const text = content.text ?? stringParts(content).join('\n');
      return text.trim() === '' ? { kind: 'skip', known: false } : { kind: 'text', text, images: 0, otherParts: 0 };
    }
  }
}

function multimodal(content: ChatGptContent): ChatGptText {
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
  return { kind: 'text', text: pieces.join('\n\n'), images, otherParts };
}

function stringParts(content: ChatGptContent): string[] {
  return (content.parts ?? []).filter((p): p is string => typeof p === 'string');
}

function codeFence(code: string, language: string): string {
  const lang = language === 'unknown' ? '' : language;
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(code) + 1));
  return `${fence}${lang}\n${code}\n${fence}`;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

function thoughts(content: ChatGptContent): string {
  return (content.thoughts ?? [])
    .map((t) => [t.summary ? `**${t.summary}**` : '', t.content ?? ''].filter(Boolean).join('\n\n'))
    .filter(Boolean)
    .join('\n\n');
}
