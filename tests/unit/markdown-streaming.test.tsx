import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { rescanBlocks, type BlockScan } from '../../shared/markdown/incremental-blocks';
import { scanBlocks } from '../../shared/markdown/split-blocks';
import { MessageMarkdown } from '../../renderer/features/markdown/MessageMarkdown';
import { NaiveMarkdown } from '../../renderer/features/markdown/NaiveMarkdown';
import { propsOfBlocks } from '../../renderer/features/markdown/block-props';
import { MarkdownBlock } from '../../renderer/features/markdown/MarkdownBlock';
import { loadRichMarkdown } from '../../renderer/features/markdown/markdown-processor';
import { realisticMarkdownTokens } from '../fakes/markdown-tokens';

beforeAll(() => loadRichMarkdown());

// Lines that meet at block boundaries in every way that matters: headings straight after text,
// list markers still growing ("1" → "1." → "1. x"), fences, math, tables, quotes, definitions,
// CRLF halves, tabs and blank runs.
const vocabulary = [
  '## Part 1: reading a stream',
  '# Title',
  '#',
  'Some *text* with `code`',
  'Part 1:',
  '',
  '',
  '\r',
  '- item',
  '-',
  '  - nested',
  '1.',
  '1',
  '2) two',
  '```ts',
  '```',
  '~~~',
  'const a = 1;',
  '$$',
  'x^2',
  '| a | b |',
  '|---|---|',
  '> quote',
  '    indented',
  '[d]: https://example.com',
  'see [d]',
  '[^1]: note',
  '---',
  '===',
  '\t',
  '*',
  '_x_',
];
const markdown = fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 }).map((lines) => lines.join('\n'));
// Against micromark on the whole text, leave out two corners where block-by-block rendering still
// differs from it: whitespace-only lines after indented code (micromark keeps them in the code)
// a definition line glued to a table row, and a bare list marker after indented code (micromark
// makes it a paragraph there, an empty item on its own). The block property above covers them.
const EXOTIC = new Set(['\t', '[d]: https://example.com', '[^1]: note', '*', '-', '1.']);
// One more corner: after indented code and a blank line, micromark reads an ordered item that does
// not start at 1 ("2) two") as a paragraph, as if it interrupted one; CommonMark makes it a list,
// and so does block-by-block rendering.
const ORDERED_AFTER_INDENTED = /^ {4}.*\n(?:[ \t\r]*\n)+\d*[02-9]\d*[.)]/m;
const ordinary = fc
  .array(fc.constantFrom(...vocabulary.filter((l) => !EXOTIC.has(l))), { maxLength: 30 })
  .map((lines) => lines.join('\n'))
  .filter((text) => !ORDERED_AFTER_INDENTED.test(text));

/** `text` cut into consecutive chunks at the given (sorted, deduplicated) points. */
function chunksOf(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of [...points, text.length]) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  return chunks;
}

/** The rendered content without the message and group wrappers or whitespace between tags. */
const BARE_MARKER_LAST = /(?:^|[\r\n])[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]*$/;
const squash = (h: string) =>
  h
    .replace(/<div class="md(?:-group(?: done)?)?"[^>]*>|<\/div>/g, '')
    .replace(/>\s+</g, '><')
    .trim();

const html = (text: string) => renderToStaticMarkup(<MessageMarkdown text={text} streaming />);

describe('a reply streamed in chunks', () => {
  it('splits into exactly the blocks of the whole prefix after every chunk, for any Markdown and any split', () => {
    fc.assert(
      fc.property(markdown, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        let scan: BlockScan | undefined;
        let prefix = '';
        for (const chunk of chunksOf(text, cuts)) {
          prefix += chunk;
          scan = rescanBlocks(scan, prefix);
          expect(scan.blocks).toEqual(scanBlocks(prefix));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('renders after every chunk what rendering the whole prefix at once renders, for any Markdown and any split', () => {
    fc.assert(
      fc.property(ordinary, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        let scan: BlockScan | undefined;
        let prefix = '';
        for (const chunk of chunksOf(text, cuts)) {
          prefix += chunk;
          scan = rescanBlocks(scan, prefix);
          // A chunk may end just after the "-" of "- item": a bare list marker, which micromark reads
          // differently after indented code in a whole document (one of the listed exceptions).
          if (BARE_MARKER_LAST.test(prefix)) continue;
          const streamed = renderToStaticMarkup(
            <>
              {propsOfBlocks(scan.blocks).map((b, i) => (
                <MarkdownBlock key={i} {...b} />
              ))}
            </>,
          );
          // Compared up to whitespace: blocks are joined with \n and lose trailing blank lines, which
          // changes a CR or a trailing tab inside a code block and nothing a reader sees.
          const whole = renderToStaticMarkup(<NaiveMarkdown text={prefix.replace(/\r\n?/g, '\n')} />);
          expect(squash(streamed).replace(/\s+/g, ' ')).toBe(squash(whole).replace(/\s+/g, ' '));
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('shows a heading that arrives token by token as one heading, never "Part 1:## Part 1: …"', () => {
    const reply = 'Intro line.\n\n## Part 1: reading a stream\n\nBody text.\n## Part 2: writing';
    for (let end = 1; end <= reply.length; end += 1) {
      const out = html(reply.slice(0, end));
      expect(out).not.toMatch(/[^>]##/);
      expect(out).not.toContain('Part 1:## ');
    }
    expect(html(reply)).toContain('<h2>Part 1: reading a stream</h2>');
    expect(html(reply)).toContain('<h2>Part 2: writing</h2>');
  });

  it('matches rendering the whole text at once for a realistic 3,000-token reply fed in 16 ms batches', { timeout: 30_000 }, () => {
    const tokens = realisticMarkdownTokens(3000);
    let scan: BlockScan | undefined;
    let text = '';
    for (let i = 0; i < tokens.length; i += 16) {
      text += tokens.slice(i, i + 16).join('');
      scan = rescanBlocks(scan, text);
    }
    expect(scan?.blocks).toEqual(scanBlocks(text));
    expect(squash(html(text))).toBe(squash(renderToStaticMarkup(<NaiveMarkdown text={text} />)));
  });

  it('lets the browser skip complete groups of a long reply while out of view, never the group still growing', () => {
    const paragraphs = Array.from({ length: 70 }, (_, i) => `Paragraph ${i + 1} of a long reply.`);
    const out = renderToStaticMarkup(<MessageMarkdown text={paragraphs.join('\n\n')} streaming />);
    const groups = [...out.matchAll(/<div class="(md-group[^"]*)">/g)].map((m) => m[1]);
    // 70 blocks in groups of 32: two complete groups, then the one the stream is writing into.
    expect(groups).toEqual(['md-group done', 'md-group done', 'md-group']);
    expect(out).toContain('Paragraph 70 of a long reply.');
    const short = renderToStaticMarkup(<MessageMarkdown text="A short reply." streaming={false} />);
    expect(short).toContain('<div class="md-group">');
    expect(short).not.toContain('done');
  });
});
