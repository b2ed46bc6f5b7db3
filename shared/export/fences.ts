// Splits message text into prose and fenced code blocks (``` or ~~~, CommonMark rules:
// the closing fence uses the same character and is at least as long; an unclosed fence
// runs to the end). Both readable exporters need to leave code untouched.
export type TextBlock = { kind: 'prose'; lines: string[] } | { kind: 'code'; language: string; open: string; body: string[]; close: string | null };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;

export function splitFences(text: string): TextBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: TextBlock[] = [];
  let prose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    if (!fence) {
      prose.push(line);
      continue;
    }
    if (prose.length > 0) blocks.push({ kind: 'prose', lines: prose });
    prose = [];
    const end = closingFence(lines, i + 1, fence[1] as string);
    blocks.push({
      kind: 'code',
      language: fence[2] ?? '',
      open: line,
      body: lines.slice(i + 1, end),
      close: lines[end] ?? null,
    });
    i = end;
  }
  if (prose.length > 0) blocks.push({ kind: 'prose', lines: prose });
  return blocks;
}

function closingFence(lines: readonly string[], from: number, open: string): number {
  const char = open[0] === '`' ? '`' : '~';
  const closing = new RegExp(`^ {0,3}${char}{${open.length},}\\s*$`);
  for (let i = from; i < lines.length; i++) if (closing.test(lines[i] as string)) return i;
  return lines.length;
}
