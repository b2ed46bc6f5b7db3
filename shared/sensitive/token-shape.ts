// Measures of how random a token looks, used to tell secrets from identifiers.

export interface CharClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
}

export function charClasses(s: string): CharClasses {
  return { lower: /[a-z]/.test(s), upper: /[A-Z]/.test(s), digit: /\d/.test(s) };
}

export function classCount(s: string): number {
  const c = charClasses(s);
  return Number(c.lower) + Number(c.upper) + Number(c.digit);
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function classOf(code: number): number {
  if (code >= 97 && code <= 122) return 0;
  if (code >= 65 && code <= 90) return 1;
  if (code >= 48 && code <= 57) return 2;
  return 3;
}

/**
 * Share of neighbouring characters that change class (lower/upper/digit/other). Random
 * base62 changes about 60% of the time; camelCase names and paths about 10-25%.
 */
export function classSwitchRate(s: string): number {
  if (s.length < 2) return 0;
  let switches = 0;
  for (let i = 1; i < s.length; i++) {
    if (classOf(s.charCodeAt(i)) !== classOf(s.charCodeAt(i - 1))) switches++;
  }
  return switches / (s.length - 1);
}

/** Strings people put where a secret goes in examples and templates. */
export function isPlaceholder(s: string): boolean {
  return /your|xxxx|example|placeholder|changeme|change_me|dummy|redacted|insert|replace|\*{3}|\.{3}|<|>|\$\{|\{\{|process\.env|getenv|environ/i.test(s);
}
