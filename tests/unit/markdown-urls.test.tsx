import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinkConfirm } from '../../renderer/features/markdown/LinkConfirm';
import { linkTarget, safeUrl } from '../../renderer/features/markdown/safe-url';

describe('safeUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    'file:///etc/passwd',
    'blob:https://example.com/uuid',
    'about:blank',
    'chrome://settings',
    'ftp://example.com/x',
    '//evil.example/x',
    '/relative/path',
    '../up',
    'relative',
    '#"><script>',
    '',
  ])('blocks %j', (url) => {
    expect(safeUrl(url)).toBe('');
  });

  it('allows https, http, mailto and plain in-document anchors, normalised', () => {
    expect(safeUrl('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(safeUrl('HTTPS://EXAMPLE.com')).toBe('https://example.com/');
    expect(safeUrl('http://example.com')).toBe('http://example.com/');
    expect(safeUrl('mailto:someone@example.com')).toBe('mailto:someone@example.com');
    expect(safeUrl('#user-content-fn-1')).toBe('#user-content-fn-1');
  });

  it('turns international host names into their ASCII (punycode) form', () => {
    expect(safeUrl('https://аpple.com/login')).toBe('https://xn--pple-43d.com/login');
  });
});

describe('linkTarget', () => {
  it('warns about punycode hosts, plain http, user names and mismatched link text', () => {
    const target = linkTarget('http://user@xn--pple-43d.com/', 'https://apple.com');
    expect(target.kind).toBe('external');
    if (target.kind !== 'external') return;
    expect(target.notes).toHaveLength(4);
  });

  it('has nothing to say about an ordinary https link', () => {
    expect(linkTarget('https://example.com/docs', 'the docs')).toEqual({
      kind: 'external',
      href: 'https://example.com/docs',
      notes: [],
    });
  });

  it('blocks what safeUrl blocks, even if handed an unsafe href directly', () => {
    expect(linkTarget('javascript:alert(1)')).toEqual({ kind: 'blocked' });
    expect(linkTarget(undefined)).toEqual({ kind: 'blocked' });
  });
});

describe('LinkConfirm', () => {
  it('shows the full address and the warnings before anything opens', () => {
    const html = renderToStaticMarkup(<LinkConfirm href="https://xn--pple-43d.com/a/very/long/path?with=query" notes={['Punycode.']} onClose={() => {}} />);
    expect(html).toContain('https://xn--pple-43d.com/a/very/long/path?with=query');
    expect(html).toContain('Punycode.');
    expect(html).toContain('>Open</button>');
    expect(html).toContain('>Cancel</button>');
  });
});
