// A block that starts with link-reference or footnote definitions may go on with ordinary
// content ("[d]: https://x\n## Heading"): CommonMark ends a link definition at its line, and a
// footnote at a line that would interrupt a paragraph. Split there, so the content after the
// definitions is rendered instead of being folded away with them.

const LINK_DEFINITION = /^ {0,3}(?:\[\^[^\]\n]+\]:|\[[^\]\n]+\]:[ \t]*\S)/;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\n]+\]:/;
const INDENTED = /^(?: |\t)/;
/** Lines that end a paragraph (and so a footnote's lazy continuation) without a blank line. */
const INTERRUPTS = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|`{3,}|~{3,}|\${2}|[-*+](?:[ \t]|$)|1[.)](?:[ \t]|$)|(?:[-*_][ \t]*){3,}$)/;

export function splitDefinitions(source: string): { definitions: string; rest: string } {
  const lines = source.split('\n');
  let inFootnote = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (LINK_DEFINITION.test(line)) {
      inFootnote = FOOTNOTE_DEFINITION.test(line);
      continue;
    }
    if (line.trim() === '') continue;
    if (inFootnote && (INDENTED.test(line) || !INTERRUPTS.test(line))) continue;
    return { definitions: lines.slice(0, i).join('\n'), rest: lines.slice(i).join('\n') };
  }
  return { definitions: source, rest: '' };
}
