// Markdown as one line of plain words, for places that show a glimpse of a message: titles and
// search snippets. Not a renderer: it drops the marks people see as noise ("## ", "**", "|---|")
// and keeps every word. Control characters used as match markers pass through untouched.

const LINE_MARKS: [RegExp, string][] = [
  [/^\s{0,3}(```|~~~).*$/, ''], // fence lines
  [/^\s{0,3}#{1,6}\s+/, ''], // headings
  [/^\s{0,3}(>\s?)+/, ''], // quotes
  [/^\s*([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/, ''], // list items and task boxes
  [/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/, ''], // table separator rows
];

function plainLine(line: string): string {
  let out = line;
  for (const [re, to] of LINE_MARKS) out = out.replace(re, to);
  if (/^\s*\|.*\|\s*$/.test(out))
    out = out
      .trim()
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim())
      .join(' · ');
  return out
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2') // bold
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2') // *italic*
    .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2') // _italic_, not snake_case
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1') // strikethrough
    .replace(/`+([^`]*)`+/g, '$1'); // inline code
}

export function markdownToPlain(text: string): string {
  return (
    text
      .split('\n')
      .map(plainLine)
      .filter((l) => l.trim() !== '')
      .join(' ')
      // Whitespace only: the \u0001/\u0002 match markers are not whitespace and stay.
      .replace(/\s+/g, ' ')
      .trim()
  );
}
