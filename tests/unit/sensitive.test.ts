import { describe, expect, it } from 'vitest';
import { SENSITIVE_CATEGORIES } from '../../shared/sensitive/categories';
import { ibanValid, luhnValid, ssnValid } from '../../shared/sensitive/checksums';
import { compileSafely, mayBacktrackExponentially } from '../../shared/sensitive/detect-custom';
import { detectSensitive } from '../../shared/sensitive/detect';
import { redact, summarizeFindings } from '../../shared/sensitive/redact';

const categoriesOf = (text: string) => detectSensitive(text).map((f) => f.category);

describe('checksums', () => {
  it('accepts Luhn-valid card numbers and rejects a one-digit change', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });

  it('checks IBANs by country length and mod 97', () => {
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('DE89370400440532013001')).toBe(false); // checksum
    expect(ibanValid('DE8937040044053201300')).toBe(false); // 21 chars, DE needs 22
    expect(ibanValid('XX89370400440532013000')).toBe(false); // no such country
  });

  it('applies SSA area, group and serial rules', () => {
    expect(ssnValid('536', '22', '1894')).toBe(true);
    expect(ssnValid('000', '22', '1894')).toBe(false);
    expect(ssnValid('666', '22', '1894')).toBe(false);
    expect(ssnValid('912', '22', '1894')).toBe(false);
    expect(ssnValid('536', '00', '1894')).toBe(false);
    expect(ssnValid('536', '22', '0000')).toBe(false);
    expect(ssnValid('078', '05', '1120')).toBe(false); // the Woolworth wallet sample
  });
});

describe('detectSensitive', () => {
  it('reports offsets that point at the matched text', () => {
    const text = 'Mail ana@example.org, card 4111 1111 1111 1111.';
    const findings = detectSensitive(text);
    expect(findings.map((f) => [f.category, f.text])).toEqual([
      ['email', 'ana@example.org'],
      ['payment-card', '4111 1111 1111 1111'],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findings[0]!.label).toBe('Email address');
  });

  it('lets the longer, more specific finding win an overlap', () => {
    // The phone-shaped tail of the IBAN must not survive as a second finding.
    expect(categoriesOf('IBAN DE89 3704 0044 0532 0130 00')).toEqual(['iban']);
    // A token inside a URL's credentials is a key, not an email address.
    expect(categoriesOf('https://ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5@github.com/x')).toEqual(['api-key']);
  });

  it('skips disabled categories, including unknown ids from old settings', () => {
    const text = 'ana@example.org 192.168.1.20';
    expect(categoriesOf(text)).toEqual(['email', 'ip-address']);
    expect(detectSensitive(text, { disabled: ['email', 'no-such-category'] }).map((f) => f.category)).toEqual(['ip-address']);
  });

  it('finds custom words case-insensitively on word boundaries, with the user label', () => {
    const findings = detectSensitive('Project FALCON ships; falconry is a hobby.', {
      custom: [{ label: 'Codename', pattern: 'falcon', isRegex: false }],
    });
    expect(findings).toEqual([{ category: 'custom', start: 8, end: 14, text: 'FALCON', label: 'Codename' }]);
  });

  it('finds custom regexes and ignores invalid or explosive ones without throwing', () => {
    const custom = [
      { label: 'Employee id', pattern: 'EMP-\\d{5}', isRegex: true },
      { label: 'Broken', pattern: '([a-z', isRegex: true },
      { label: 'Explosive', pattern: '(a+)+$', isRegex: true },
    ];
    const text = `EMP-04211 and ${'a'.repeat(40)}!`;
    const findings = detectSensitive(text, { custom });
    expect(findings.map((f) => [f.label, f.text])).toEqual([['Employee id', 'EMP-04211']]);
  });

  it('does not report custom patterns when the custom category is disabled', () => {
    const custom = [{ label: 'Codename', pattern: 'falcon', isRegex: false }];
    expect(detectSensitive('falcon', { custom, disabled: ['custom'] })).toEqual([]);
  });

  it('exposes a label for every category', () => {
    expect(SENSITIVE_CATEGORIES.map((c) => c.id)).toContain('payment-card');
    for (const c of SENSITIVE_CATEGORIES) expect(c.label.length).toBeGreaterThan(0);
  });
});

describe('regex safety checks', () => {
  it('flags nested and alternated quantifiers and passes ordinary patterns', () => {
    expect(mayBacktrackExponentially('(a+)+')).toBe(true);
    expect(mayBacktrackExponentially('(\\w+\\s?)*$')).toBe(true);
    expect(mayBacktrackExponentially('(a|aa)*b')).toBe(true);
    expect(mayBacktrackExponentially('(.*a){20}')).toBe(true);
    expect(mayBacktrackExponentially('\\b(?:ACME|Initech)-\\d{4,}\\b')).toBe(false);
    expect(mayBacktrackExponentially('[(a+)+]')).toBe(false); // inside a class it is literal
    expect(compileSafely('[unclosed')).toBeUndefined();
    expect(compileSafely('foo\\d+')).toBeInstanceOf(RegExp);
  });
});

describe('redact and summarize', () => {
  it('replaces each finding with its category tag and keeps the rest intact', () => {
    const text = 'SSN 536-22-1894, mail bo@example.com.';
    expect(redact(text, detectSensitive(text))).toBe('SSN [REDACTED:us-ssn], mail [REDACTED:email].');
  });

  it('handles findings given out of order, overlapping or out of range', () => {
    const text = 'abcdefghij';
    const f = (start: number, end: number) => ({ category: 'custom' as const, start, end, text: '', label: 'x' });
    expect(redact(text, [f(6, 8), f(0, 2), f(1, 3), f(9, 20)])).toBe('[REDACTED:custom]cdef[REDACTED:custom]ij');
  });

  it('counts findings per category', () => {
    const text = 'a@example.com b@example.com 10.1.2.3';
    expect(summarizeFindings(detectSensitive(text))).toEqual({ email: 2, 'ip-address': 1 });
  });
});

describe('hostile input', () => {
  // Sizes chosen so a backtracking pattern (quadratic or worse) would not finish within the
  // test timeout; a linear scan takes milliseconds.
  const hostile: [string, string][] = [
    ['a long word with no @', 'a'.repeat(100_000)],
    ['many @ signs', 'a@'.repeat(50_000)],
    ['an email-like local part that never ends', `${'a.'.repeat(50_000)}@`],
    ['a long digit run', '4'.repeat(100_000)],
    ['digits separated by spaces', '1 '.repeat(50_000)],
    ['digits separated by dashes', '12-'.repeat(33_000)],
    ['dotted numbers', '1.'.repeat(50_000)],
    ['colons and hex', 'a:'.repeat(50_000)],
    ['base64-ish token run', 'aB3/'.repeat(25_000)],
    ['assignment keyword soup', 'api_key='.repeat(12_000)],
    ['uppercase run like an IBAN', `DE89${'A'.repeat(100_000)}`],
    ['plus signs and digits', '+1 '.repeat(33_000)],
    ['unterminated PEM header', `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(100_000)}`],
    ['many PEM headers', '-----BEGIN PRIVATE KEY-----'.repeat(4_000)],
    ['sk- prefix spam', 'sk-'.repeat(33_000)],
    ['JWT-looking prefix spam', 'eyJhbGciOi.'.repeat(10_000)],
  ];

  for (const [name, text] of hostile) {
    it(`scans ${name} (${Math.round(text.length / 1000)} KB) without hanging`, () => {
      expect(Array.isArray(detectSensitive(text))).toBe(true);
    });
  }

  it('still finds real data in a 100 KB message', () => {
    const filler = 'The quarterly numbers look fine, version 2.4.1 shipped on 2024-06-01. '.repeat(1_400);
    const text = `${filler} Contact ana@example.org or +44 20 7946 0958. ${filler}`;
    expect(text.length).toBeGreaterThan(100_000);
    expect(categoriesOf(text)).toEqual(['email', 'phone']);
  });
});
