// Demo mode's replies: made on this machine from the prompt, short enough to always finish, and
// plain about being simulated, so nobody mistakes the demo for a model.
import type { RecordedRequest } from '../tests/fakes/types';

export const DEMO_NOTICE = '*Demo mode: a simulated reply made on this computer. No model read your message.*';

/** The newest user text in a chat request (Ollama and OpenAI-style bodies, string or parts). */
export function lastUserText(body: unknown): string {
  const messages = typeof body === 'object' && body !== null ? (body as { messages?: unknown }).messages : undefined;
  if (!Array.isArray(messages)) return '';
  for (const m of [...messages].reverse()) {
    if (typeof m !== 'object' || m === null || (m as { role?: unknown }).role !== 'user') continue;
    const content = (m as { content?: unknown }).content;
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) {
      return content.map((p) => (typeof p === 'object' && p !== null && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : '')).join(' ');
    }
  }
  return '';
}

type Kind = 'code' | 'table' | 'steps' | 'prose';

function kindOf(prompt: string): Kind {
  const p = prompt.toLowerCase();
  if (/\b(code|function|script|regex|python|typescript|javascript|rust|sql|bash|implement)\b/.test(p)) return 'code';
  if (/\b(compare|comparison|versus|vs\.?|table|difference|differences|pros|cons)\b/.test(p)) return 'table';
  if (/\b(how|steps|list|plan|guide|ideas|ways)\b/.test(p)) return 'steps';
  return 'prose';
}

/** A short, single-line quote of the prompt, safe to put inside Markdown emphasis. */
function quoted(prompt: string): string {
  const flat = prompt
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[*_`|<>[\]\\]/g, '');
  if (flat === '') return 'your message';
  return `“${flat.length > 80 ? `${flat.slice(0, 79)}…` : flat}”`;
}

/** Words of the prompt worth echoing, so different prompts give different replies. */
function keywords(prompt: string): string[] {
  const stop = new Set([
    'the',
    'and',
    'for',
    'with',
    'that',
    'this',
    'what',
    'how',
    'are',
    'you',
    'can',
    'please',
    'about',
    'from',
    'into',
    'write',
    'give',
    'make',
    'tell',
    'some',
    'between',
  ]);
  const words = prompt.toLowerCase().match(/[a-z][a-z0-9+#-]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !stop.has(w)))].slice(0, 3);
}

function body(kind: Kind, prompt: string, model: string): string {
  const topic = keywords(prompt);
  const subject = topic.length > 0 ? topic.join(', ') : 'your question';
  switch (kind) {
    case 'code':
      return [
        `Here is the shape a real answer about ${subject} could take, from the demo of ${model}:`,
        '',
        '```ts',
        `// A placeholder: a real model would write code for ${quoted(prompt)}.`,
        'export function answer(input: string): string {',
        '  return input.trim();',
        '}',
        '```',
        '',
        'Connect a real model in **Connections** to get working code.',
      ].join('\n');
    case 'table':
      return [
        `A simulated comparison for ${quoted(prompt)}:`,
        '',
        '| Aspect | Option A | Option B |',
        '| --- | --- | --- |',
        `| Fits ${topic[0] ?? 'the task'} | well | partly |`,
        '| Runs on this computer | yes | depends |',
        '| Cost | free | varies |',
        '',
        'The table is complete, but its contents are invented by the demo.',
      ].join('\n');
    case 'steps':
      return [
        `Simulated steps for ${quoted(prompt)}:`,
        '',
        `1. Say what you want to achieve with ${topic[0] ?? 'it'}.`,
        `2. Try the smallest version${topic[1] ? ` that involves ${topic[1]}` : ''}.`,
        '3. Check the result and adjust.',
        '',
        'A real model would tailor each step; add one in **Connections**.',
      ].join('\n');
    case 'prose':
      return [
        `You wrote ${quoted(prompt)}. In demo mode, ${model} does not understand text: this reply is put together from your words (${subject}) so you can try streaming, Markdown, search, export and compare without a real model.`,
        '',
        'To get real answers, add **Ollama**, **LM Studio** or a provider key in **Connections**.',
      ].join('\n');
  }
}

/** Splits into pieces of a word plus its leading whitespace, keeping newlines as their own pieces. */
function pieces(text: string): string[] {
  return text.match(/\n+|[^\S\n]*[^\s]+/g) ?? [];
}

export function demoReply(request: RecordedRequest, model: string): string[] {
  const prompt = lastUserText(request.body);
  return pieces(`${DEMO_NOTICE}\n\n${body(kindOf(prompt), prompt, model)}\n`);
}
