import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../shared/export/html';
import type { ConversationBundle } from '../../shared/types';
import { bundlesArb, hostileText } from '../fixtures/export/arbitrary-bundles';
import { SAMPLE_BUNDLES } from '../fixtures/export/sample-bundles';

const ALLOWED_TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'article',
  'header',
  'footer',
  'section',
  'h1',
  'h2',
  'p',
  'div',
  'span',
  'time',
  'blockquote',
  'pre',
  'code',
  'strong',
  'a',
  // A reply's Markdown: its headings start at h3 under the page's own h1/h2.
  'h3',
  'h4',
  'h5',
  'h6',
  'em',
  'del',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'br',
  'sup',
]);

/** Every tag in the document. Text never contains a raw "<" (it is escaped), so this finds them all. */
function tags(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

/** What a hostile input must never achieve in the export, as a list of problems (empty when inert). */
function inertProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('contains <script');
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  if (/url\(|@import|expression\(/i.test(css)) problems.push('CSS loads something');
  for (const tag of tags(html)) {
    const name = /^<\/?([!a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? tag;
    if (!ALLOWED_TAGS.has(name)) problems.push(`unexpected tag ${tag}`);
    if (/\son[a-z]*\s*=/i.test(tag)) problems.push(`event handler in ${tag}`);
    if (/javascript:|data:|vbscript:/i.test(tag)) problems.push(`script URL in ${tag}`);
    if (/\ssrc\s*=/i.test(tag)) problems.push(`src in ${tag}`);
    if (tag.startsWith('<a ') && !/^<a href="https:\/\/[^"\s]+" rel="noopener noreferrer">$/.test(tag)) {
      problems.push(`unsafe link ${tag}`);
    }
  }
  const opened = html.match(/<section\b/g)?.length ?? 0;
  const closed = html.match(/<\/section>/g)?.length ?? 0;
  if (opened !== closed) problems.push(`${opened} <section> but ${closed} </section>`);
  return problems;
}

function expectInert(html: string): void {
  expect(inertProblems(html)).toEqual([]);
}

function single(title: string, content: string): ConversationBundle {
  return {
    conversation: { id: 'c', title, createdAt: 0, updatedAt: 0, pinned: false, localOnly: false, currentLeafId: 'm' },
    messages: [{ id: 'm', conversationId: 'c', parentId: null, role: 'user', content, status: 'complete', createdAt: 0, updatedAt: 0 }],
  };
}

describe('toHtml', () => {
  it('is one self-contained page under a CSP that allows only inline styles', () => {
    const html = toHtml(SAMPLE_BUNDLES, { branches: 'all' });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<(img|link|iframe|object|embed|script)\b/i);
    expectInert(html);
  });

  it('shows titles and text containing markup as text', () => {
    const html = toHtml([single(`</title><script>alert("t")</script>`, `<img src=x onerror=alert(1)> & "quotes" 'too'`)], {
      branches: 'current',
    });
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</title>');
    // The reply's raw HTML is text: "<" escaped, so no tag is made of it.
    expect(html).toContain(`<p>&lt;img src=x onerror=alert(1)> &amp; "quotes" 'too'</p>`);
    expectInert(html);
  });

  it('links only https URLs, and shows images as text instead of loading them', () => {
    const html = toHtml([single('t', '[ok](https://a.test/x?y=1&z=2) [bad](javascript:alert%281%29) [plain](http://a.test) ![pic](https://a.test/p.png)')], {
      branches: 'current',
    });
    expect(html).toContain('<a href="https://a.test/x?y=1&amp;z=2" rel="noopener noreferrer">ok</a>');
    expect(html).toContain('</a> bad plain (http://a.test/) <span');
    expect(html).toContain('<span class="image-ref">[image: pic] https://a.test/p.png</span>');
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it('renders fenced code as escaped preformatted text, even when the fence is never closed', () => {
    const html = toHtml([single('t', 'before\n```html\n<b>bold</b>\n```\nafter\n~~~\n</pre><script>x()</script>')], {
      branches: 'current',
    });
    expect(html).toContain('<pre><span class="lang">html</span><code>&lt;b>bold&lt;/b></code></pre>');
    expect(html).toContain('<pre><code>&lt;/pre>&lt;script>x()&lt;/script></code></pre>');
    expectInert(html);
  });

  it('renders lists, italics, tables and task lists as real HTML, as the app does (issue 20)', () => {
    const reply = [
      '## Plan',
      'Some *italic*, _also italic_, **bold** and ~~gone~~.',
      '- one\n  - nested\n- two',
      '1. first\n2. second',
      '| Model | Speed |\n|:--|--:|\n| a | 12 |\n| b | 7 |',
      '- [x] done\n- [ ] open',
      '> quoted',
    ].join('\n\n');
    const html = toHtml([single('t', reply)], { branches: 'current' });
    expect(html).toContain('<h4>Plan</h4>');
    expect(html).toContain('<em>italic</em>, <em>also italic</em>, <strong>bold</strong> and <del>gone</del>');
    expect(html).toContain('<ul>\n<li>one\n<ul>\n<li>nested</li>\n</ul>\n</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<ol>\n<li>first</li>\n<li>second</li>\n</ol>');
    expect(html).toMatch(/<table>\s*<thead>\s*<tr>\s*<th align="left">Model<\/th>\s*<th align="right">Speed<\/th>/);
    expect(html).toMatch(/<td align="left">b<\/td>\s*<td align="right">7<\/td>/);
    expect(html).toContain('☑ done');
    expect(html).toContain('☐ open');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(html).not.toMatch(/[*_~|]{1,2}(?:italic|bold|gone|Model)/);
    expectInert(html);
  });

  it('keeps hostile Markdown inert: autolinks, reference links, footnotes, math and HTML in lists and tables', () => {
    const reply = [
      '- <script>alert(1)</script>\n- <img src=x onerror=alert(2)>',
      '| <iframe src=//x> | [x](javascript:alert(3)) |\n|---|---|\n| a | b |',
      'See [ref][r] and <javascript:alert(4)> and www.example.com and a note[^1].',
      '[r]: data:text/html,<script>alert(5)</script>',
      '[^1]: [evil](vbscript:msgbox)',
      '$\\href{javascript:alert(6)}{x}$',
      '![x](https://tracker.test/pixel.gif)',
    ].join('\n\n');
    const html = toHtml([single('t', reply)], { branches: 'current' });
    expectInert(html);
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('[image: x] https://tracker.test/pixel.gif');
    expect(html).not.toMatch(/<a [^>]*href="(?!https:)/);
  });

  it('shows a reply too complex to format as plain text instead of stalling', () => {
    const html = toHtml([single('t', '*a'.repeat(20_000))], { branches: 'current' });
    expect(html).toContain('*a*a*a');
    expectInert(html);
  });

  it('stays inert for any hostile title and text', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (title, content) => {
        expect(inertProblems(toHtml([single(title, content)], { branches: 'current' }))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('stays inert and balanced for random trees with every field set', () => {
    fc.assert(
      fc.property(bundlesArb, fc.constantFrom('current' as const, 'all' as const), (bundles, branches) => {
        expect(inertProblems(toHtml(bundles, { branches }))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
