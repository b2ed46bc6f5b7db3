import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { MessageMarkdown } from '../../renderer/features/markdown/MessageMarkdown';
import { NaiveMarkdown } from '../../renderer/features/markdown/NaiveMarkdown';
import { loadRichMarkdown } from '../../renderer/features/markdown/markdown-processor';

// What the app shows once math and highlighting have loaded (they load after the first paint).
beforeAll(() => loadRichMarkdown());

const render = (text: string, streaming = false): string => renderToStaticMarkup(<MessageMarkdown text={text} streaming={streaming} />);

const textOf = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"');

/** Text is escaped in the output, so every `<` starts a real tag. */
const tagsOf = (html: string): string[] => html.match(/<[^>]*>/g) ?? [];

function expectInert(html: string): void {
  const tags = tagsOf(html);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(?:img|iframe|object|embed|video|audio|source|link|meta|style|form|svg)\b/i);
  expect(tags.filter((t) => /\son\w+\s*=/i.test(t))).toEqual([]);
  expect(tags.filter((t) => /\ssrc\s*=/i.test(t))).toEqual([]);
  expect(html).not.toMatch(/src="http/i);
  expect(html).not.toMatch(/(?:href|src|action|formaction|xlink:href)="\s*(?:javascript|data|vbscript|file|blob):/i);
}

describe('MessageMarkdown safety', () => {
  it.each([
    ['a javascript: link', '[x](javascript:alert(1))'],
    ['a mixed-case javascript: link', '[x](JaVaScRiPt:alert(1))'],
    ['an entity-encoded javascript: link', '[x](jav&#x61;script:alert(1))'],
    ['a javascript: link with an encoded tab', '[x](java&#9;script:alert(1))'],
    ['a data: link', '[x](data:text/html,<script>alert(1)</script>)'],
    ['a vbscript: reference link', '[x][r]\n\n[r]: vbscript:msgbox(1)'],
    ['a script tag', '<script>alert(1)</script>'],
    ['an img with onerror', '<img src=x onerror=alert(1)>'],
    ['an inline img with onerror', 'hello <img src=x onerror=alert(1)> world'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['an html anchor', '<a href="javascript:alert(1)">click</a>'],
    ['an svg', '<svg onload=alert(1)><circle/></svg>'],
    ['a data: image', '![pixel](data:image/png;base64,iVBORw0KGgo=)'],
    ['a KaTeX \\href', '$\\href{javascript:alert(1)}{click}$'],
    ['a KaTeX \\includegraphics', '$\\includegraphics{https://evil.example/x.png}$'],
    ['an autolink to javascript:', '<javascript:alert(1)>'],
  ])('renders %s inert', (_name, text) => {
    expectInert(render(text));
  });

  it('shows raw HTML as text rather than dropping it', () => {
    const html = render('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows a disabled link for a blocked address, keeping its text', () => {
    const html = render('[click me](javascript:alert(1))');
    expect(html).toContain('class="md-link-blocked"');
    expect(html).toContain('click me');
    expect(html).not.toContain('<a');
  });

  it('never loads an image: it shows a placeholder naming the full address', () => {
    const html = render('![a chart](https://evil.example/p.png?leak=secret)');
    expectInert(html);
    expect(html).toContain('🖼 image: a chart (https://evil.example/p.png?leak=secret)');
    expect(html).toMatch(/<span role="link" tabindex="0" class="md-image"/);
  });

  it('renders an image inside a link without nesting anchors', () => {
    const html = render('[![logo](https://evil.example/l.png)](https://example.com)');
    expectInert(html);
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it('renders safe links as anchors with the normalised address and no referrer', () => {
    const html = render('[docs](https://bücher.example/x) and www.example.com');
    expect(html).toContain('href="https://xn--bcher-kva.example/x"');
    expect(html).toContain('href="http://www.example.com/"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });
});

describe('MessageMarkdown formatting', () => {
  it('renders a GFM table, task list and strikethrough', () => {
    const html = render('| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~gone~~');
    expect(html).toContain('<table><thead><tr><th style="text-align:left">a</th><th style="text-align:right">b</th>');
    expect(html).toContain('<td style="text-align:left">1</td>');
    expect(html).toContain('<input type="checkbox" disabled="" checked=""/>');
    expect(html).toContain('<del>gone</del>');
  });

  it('renders inline and display math with KaTeX', () => {
    const html = render('Inline $e^{i\\pi} + 1 = 0$.\n\n$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$');
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">\\int_0^1 x\\,dx = \\frac{1}{2}</annotation>');
  });

  it('shows a code block with its language, highlighting and a Copy button', () => {
    const html = render('```ts\nconst answer: number = 42;\n```');
    expect(html).toContain('<span class="md-code-lang">ts</span>');
    expect(html).toContain('>Copy</button>');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
  });

  it('does not guess a language for an unlabelled block', () => {
    const html = render('```\nconst x = 1;\n```');
    expect(html).toContain('<span class="md-code-lang">text</span>');
    expect(html).not.toContain('hljs-');
  });

  it('renders inline code', () => {
    expect(render('Use `npm test` now.')).toContain('<code>npm test</code>');
  });

  it('renders an unclosed fence while streaming as code so far', () => {
    const html = render('Here:\n\n```py\nprint("hi")\n\nprint(', true);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('<span class="md-code-lang">py</span>');
    expect(textOf(html)).toContain('print("hi")\n\nprint(\n');
  });

  it('resolves reference links and footnotes defined in a later block', () => {
    const html = render('See [the docs][d] and a note[^1].\n\n[d]: https://example.com/docs\n\n[^1]: The note.');
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).toContain('The note.');
  });

  it('renders the same as the whole-text baseline for ordinary answers', () => {
    const answer = [
      '# Plan',
      'Some **bold** text with a [link](https://example.com).',
      '- one\n  - nested\n- two',
      '1. first\n\n2. second (loose)',
      '> quoted\n> more',
      '```js\nconst a = 1;\n\nconst b = 2;\n```',
      '| h | i |\n|---|---|\n| 1 | 2 |',
      '$$\nx^2\n$$',
      '---',
      'The end.',
    ].join('\n\n');
    // The wrapper differs (MessageMarkdown marks aria-busy); the content must not.
    // Blocks are reconciled in groups of 32: one group here, whose wrapper is dropped too.
    const squash = (html: string) => html.replace(/^<div[^>]*>(?:<div class="md-group">)?/, '').replace(/>\s+</g, '><');
    expect(squash(render(answer))).toBe(`${squash(renderToStaticMarkup(<NaiveMarkdown text={answer} />))}</div>`);
  });
});

describe('MessageMarkdown under hostile sizes', () => {
  it('renders a 1 MB code block without throwing, unhighlighted', () => {
    const code = 'const value = "abc"; // comment\n'.repeat(32_768);
    const started = performance.now();
    const html = render('```js\n' + code + '```');
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(html).toContain('<code class="language-js no-highlight">');
    expect(html).not.toContain('hljs-');
    expectInert(html);
  }, 30_000);

  it('renders a 10,000-row table', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| ${i} | **row** |`).join('\n');
    const html = render(`| n | label |\n|---|---|\n${rows}`);
    expect(html.match(/<tr>/g)).toHaveLength(10_001);
  }, 30_000);

  it.each([
    ['2,000 nested quotes', '>'.repeat(2000) + ' deep'],
    ['2,000 nested lists by indentation', Array.from({ length: 2000 }, (_, i) => ' '.repeat(i * 2) + '- deep').join('\n')],
    ['2,000 nested lists on one line', '- '.repeat(2000) + 'deep'],
    ['1,000 alternating quotes and lists', '> - '.repeat(1000) + 'deep'],
  ])(
    'shows %s as plain text quickly instead of crashing',
    (_name, text) => {
      const started = performance.now();
      const html = render(text);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(html).toContain('class="md-plain"');
      expect(html).toContain('deep');
    },
    30_000,
  );

  it('keeps modest nesting formatted', () => {
    const html = render(Array.from({ length: 10 }, (_, i) => ' '.repeat(i * 2) + '- level').join('\n'));
    expect(html.match(/<ul>/g)).toHaveLength(10);
  });

  it('shows a paragraph of 20,000 unmatched emphasis markers as plain text instead of stalling', () => {
    const started = performance.now();
    const html = render('*a'.repeat(20_000));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(html).toContain('class="md-plain"');
  }, 30_000);
});
