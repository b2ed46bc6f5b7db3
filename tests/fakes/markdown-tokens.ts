// Deterministic, realistic Markdown answer pieces for benchmarks and demos: prose, lists, fenced
// code and a table, split the way models stream them (a word with its leading space).

function section(n: number): string {
  return [
    `## Part ${n}: reading a stream\n\n`,
    'A streaming client should render each piece as it arrives, keep the partial reply when the ',
    'connection drops, and never re-parse the whole message for every token. **Measure** the time ',
    `to first token and the total time on this machine; section ${n} shows why.\n\n`,
    '- Parse frames incrementally, one event at a time.\n',
    '- Ignore fields you do not know, and comments such as `: keep-alive`.\n',
    '- Treat a missing terminator as an *interrupted* answer.\n\n',
    '1. Open the request with an abort signal.\n',
    '2. Read the body chunk by chunk.\n',
    '3. Close the socket when the user presses Stop.\n\n',
    '```ts\n',
    `export async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {\n`,
    '  const decoder = new TextDecoder();\n',
    "  let text = '';\n",
    '  for await (const chunk of stream) text += decoder.decode(chunk, { stream: true });\n',
    `  return text + decoder.decode(); // part ${n}\n`,
    '}\n',
    '```\n\n',
    '| Provider | Framing | Terminator |\n',
    '| --- | --- | --- |\n',
    '| OpenAI | SSE `data:` | `[DONE]` |\n',
    '| Anthropic | SSE `event:` + `data:` | `message_stop` |\n',
    '| Gemini | SSE `data:` | connection close |\n',
    '| Ollama | NDJSON | `done: true` |\n\n',
    `That is all for part ${n}. The next part repeats the shapes with new numbers.\n\n`,
  ].join('');
}

/** Splits into pieces of a word plus its leading whitespace, keeping newlines as their own pieces. */
function pieces(text: string): string[] {
  return text.match(/\n+|[^\S\n]*[^\s]+/g) ?? [];
}

export function realisticMarkdownTokens(count: number): string[] {
  const out: string[] = [];
  for (let n = 1; out.length < count; n += 1) {
    for (const piece of pieces(section(n))) {
      if (out.length === count) break;
      out.push(piece);
    }
  }
  return out;
}
