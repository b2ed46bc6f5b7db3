import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockPropsOf } from '../../renderer/features/markdown/block-props';
import { planBlockUpdates, sameBlockProps, type BlockProps } from '../../renderer/features/markdown/block-updates';
import { MarkdownBlock } from '../../renderer/features/markdown/MarkdownBlock';
import { splitBlocks } from '../../shared/markdown/split-blocks';

describe('splitBlocks', () => {
  it('splits paragraphs, headings and rules at blank lines', () => {
    expect(splitBlocks('# Title\n\nFirst para\nstill first\n\n\n---\n\nlast')).toEqual(['# Title', 'First para\nstill first', '---', 'last']);
  });

  it('keeps a fenced code block with blank lines in one block', () => {
    const fence = '```python\ndef f():\n\n    return 1\n\n\n```';
    expect(splitBlocks(`intro\n\n${fence}\n\nafter`)).toEqual(['intro', fence, 'after']);
  });

  it('keeps tilde fences, and does not let ``` close a ~~~ fence', () => {
    const fence = '~~~md\n```\n\nstill inside\n~~~';
    expect(splitBlocks(`${fence}\n\nout`)).toEqual([fence, 'out']);
  });

  it('needs a closing fence at least as long as the opening one', () => {
    const fence = '````\n```\n\ninner\n```\n````';
    expect(splitBlocks(`${fence}\n\nout`)).toEqual([fence, 'out']);
  });

  it('keeps a $$ math block with blank lines together, and one-line $$ blocks alone', () => {
    const math = '$$\na = b\n\nc = d\n$$';
    expect(splitBlocks(`${math}\n\n$$ x^2 $$\n\ntext`)).toEqual([math, '$$ x^2 $$', 'text']);
  });

  it('keeps a nested list together, and a loose list across blank lines', () => {
    const list = '- one\n  - nested\n    - deeper\n- two\n\n- three\n\n  continued paragraph of three\n\n1. ordered';
    expect(splitBlocks(`${list}\n\nAfter the list.`)).toEqual([list, 'After the list.']);
  });

  it('keeps a fence inside a list item with its blank lines', () => {
    const list = '1. step\n\n   ```sh\n   npm test\n\n   npm run lint\n   ```\n2. next';
    expect(splitBlocks(list)).toEqual([list]);
  });

  it('keeps a table together and an indented code block across blank lines', () => {
    const table = '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |';
    const code = '    line 1\n\n    line 3';
    expect(splitBlocks(`${table}\n\n${code}\n\nend`)).toEqual([table, code, 'end']);
  });

  it("keeps indented code that follows a heading or a closed fence together across blank lines, but not a paragraph's lazy line", () => {
    expect(splitBlocks('## Part 1\n    one\n\n    two')).toEqual(['## Part 1\n    one\n\n    two']);
    expect(splitBlocks('```\nx\n```\n    one\n\n    two')).toEqual(['```\nx\n```\n    one\n\n    two']);
    expect(splitBlocks('Para\n    lazy\n\n    code')).toEqual(['Para\n    lazy', '    code']);
  });

  it('returns an unclosed fence at the end as one growing block', () => {
    expect(splitBlocks('Here:\n\n```ts\nconst a = 1;\n\nconst b')).toEqual(['Here:', '```ts\nconst a = 1;\n\nconst b']);
  });

  it('handles CRLF and empty input', () => {
    expect(splitBlocks('a\r\nb\r\n\r\nc')).toEqual(['a\nb', 'c']);
    expect(splitBlocks('')).toEqual([]);
    expect(splitBlocks('\n\n  \n')).toEqual([]);
  });

  const vocabulary = [
    'Plain text with *em* and `code`',
    '',
    '',
    '- item',
    '  - nested item',
    '1. first',
    '```js',
    '```',
    '~~~',
    '$$',
    'x^2 + y',
    '| a | b |',
    '|---|---|',
    '> quote',
    '    indented',
    '# Heading',
    '[^1]: note',
    '\t',
  ];
  const documents = fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }).map((lines) => lines.join('\n'));

  it('never loses or reorders a non-blank line', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const nonBlank = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
        expect(nonBlank(splitBlocks(text).join('\n'))).toEqual(nonBlank(text));
      }),
    );
  });

  it('streams stably: appending text only ever changes the last two blocks', () => {
    fc.assert(
      fc.property(documents, fc.nat(), (text, cut) => {
        const prefix = text.slice(0, text.length === 0 ? 0 : cut % (text.length + 1));
        const partial = splitBlocks(prefix);
        const full = splitBlocks(text);
        const settled = Math.max(0, partial.length - 2);
        expect(full.slice(0, settled)).toEqual(partial.slice(0, settled));
      }),
      { numRuns: 500 },
    );
  });
});

describe('blockPropsOf', () => {
  it('hands link and footnote definitions to the blocks that may reference them', () => {
    const blocks = blockPropsOf('See [docs][1] and this[^n].\n\nNo refs here.\n\n[1]: https://example.com\n\n[^n]: A note.');
    expect(blocks).toEqual([
      { source: 'See [docs][1] and this[^n].', definitions: '[1]: https://example.com\n\n[^n]: A note.' },
      { source: 'No refs here.', definitions: '' },
    ]);
  });

  it('never appends definitions to an unclosed fence, where they would show as code', () => {
    const blocks = blockPropsOf('[1]: https://example.com\n\n```\nlist[0]');
    expect(blocks).toEqual([{ source: '```\nlist[0]', definitions: '' }]);
  });
});

describe('planBlockUpdates', () => {
  const props = (text: string): BlockProps[] => blockPropsOf(text);

  it('is the exact comparison React.memo uses for a block', () => {
    expect((MarkdownBlock as unknown as { compare: unknown }).compare).toBe(sameBlockProps);
  });

  it('re-renders only the growing block when text is appended', () => {
    const before = props('# Title\n\nPara one.\n\n```js\nconst a');
    const after = props('# Title\n\nPara one.\n\n```js\nconst a = 1;\n');
    expect(planBlockUpdates(before, after)).toEqual({ render: [2], keep: [0, 1], removed: 0 });
  });

  it('renders a new block without touching the finished ones', () => {
    const before = props('Para one.\n\nPara two');
    const after = props('Para one.\n\nPara two.\n\n- a');
    expect(planBlockUpdates(before, after)).toEqual({ render: [1, 2], keep: [0], removed: 0 });
  });

  it('keeps finished blocks untouched through a 5,000-token streamed answer', () => {
    const answer = longAnswer();
    const finalBlocks = props(answer);
    let previous: BlockProps[] = [];
    let blockRenders = 0;
    let naiveBlockParses = 0;
    const batch = 24; // characters per streamed batch, ~6 tokens
    for (let end = batch; end < answer.length + batch; end += batch) {
      const next = props(answer.slice(0, end));
      const plan = planBlockUpdates(previous, next);
      // Blocks finished before this batch (all but the previous last two) are never parsed again.
      const finished = Math.max(0, previous.length - 2);
      expect(plan.render.every((i) => i >= finished)).toBe(true);
      // Every block before those is already in its final form.
      next.slice(0, -2).forEach((block, i) => expect(sameBlockProps(block, finalBlocks[i]!)).toBe(true));
      blockRenders += plan.render.length;
      naiveBlockParses += next.length;
      previous = next;
    }
    expect(finalBlocks.length).toBeGreaterThan(100);
    // The naive renderer parses every block on every batch; we parse about one per batch.
    expect(blockRenders * 20).toBeLessThan(naiveBlockParses);
  });
});

/** About 5,000 tokens of typical assistant output. */
function longAnswer(): string {
  const section = (i: number) =>
    [
      `## Step ${i}`,
      `This paragraph explains step ${i} with **bold**, _italic_, \`inline code\` and a [link](https://example.com/${i}).`,
      `- first point about ${i}\n- second point\n  - nested detail\n- third point`,
      '```ts\n' + `export function step${i}(input: number): number {\n  const doubled = input * 2;\n\n  return doubled + ${i};\n}\n` + '```',
      `| key | value |\n|-----|-------|\n| step | ${i} |\n| done | yes |`,
      `$$\nE_${i} = mc^2\n$$`,
    ].join('\n\n');
  return Array.from({ length: 40 }, (_, i) => section(i + 1)).join('\n\n');
}
