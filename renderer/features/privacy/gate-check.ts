// Decides whether an outgoing message needs the sensitive-data question: only when it is going
// to a remote connection and the detector (with the user's settings) finds something.
import type { Connection, Preferences } from '../../../shared/types';
import type { Finding } from '../../../shared/sensitive/categories';
import { detectSensitive } from '../../../shared/sensitive/detect';

export function findingsBeforeSend(content: string, connection: Pick<Connection, 'local'> | undefined, sensitive: Preferences['sensitive'] | undefined): Finding[] {
  // Unknown connection: check anyway; the core decides where it goes, better one question too many.
  if (connection?.local) return [];
  return detectSensitive(content, { disabled: sensitive?.disabled ?? [], custom: sensitive?.custom ?? [] });
}

export type GateChoice = 'send' | 'redact' | 'local' | 'builtin' | 'cancel';

/** Splits the text into plain runs and findings, in order, for highlighting. */
export function segmentsOf(text: string, findings: readonly Finding[]): { text: string; finding?: Finding }[] {
  const out: { text: string; finding?: Finding }[] = [];
  let cursor = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < cursor || f.end > text.length) continue;
    if (f.start > cursor) out.push({ text: text.slice(cursor, f.start) });
    out.push({ text: text.slice(f.start, f.end), finding: f });
    cursor = f.end;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}
