// Turning findings into a safe text, and into the counts the send-confirmation shows.
import type { Finding, SensitiveCategory } from './categories';

/** Replaces each finding with `[REDACTED:<category>]`; overlapping or out-of-range findings are skipped. */
export function redact(text: string, findings: readonly Finding[]): string {
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const f of ordered) {
    if (f.start < cursor || f.end > text.length || f.end <= f.start) continue;
    out += `${text.slice(cursor, f.start)}[REDACTED:${f.category}]`;
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

export type FindingCounts = Partial<Record<SensitiveCategory, number>>;

export function summarizeFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = {};
  for (const f of findings) counts[f.category] = (counts[f.category] ?? 0) + 1;
  return counts;
}
