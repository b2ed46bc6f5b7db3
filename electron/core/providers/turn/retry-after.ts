// When a provider says to come back: retry-after-ms, retry-after (seconds or an HTTP date),
// Google's RetryInfo.retryDelay ("12s"), or the "Please try again in 3.89s" sentence that
// OpenAI and Groq put in the message (Groq also writes "1m32.5s").
import type { ErrorFacts } from './error-facts';

/** Go-style durations: "12s", "3.89s", "120ms", "1m32.5s", "2h". */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m(?!s))?\s*(?:(\d+(?:\.\d+)?)s)?\s*(?:(\d+(?:\.\d+)?)ms)?\s*$/.exec(text);
  if (!m || (m[1] ?? m[2] ?? m[3] ?? m[4]) === undefined) return undefined;
  const [h, min, s, ms] = [m[1], m[2], m[3], m[4]].map((v) => (v === undefined ? 0 : Number(v))) as [number, number, number, number];
  return Math.round(((h * 60 + min) * 60 + s) * 1000 + ms);
}

function fromHeaders(headers: Record<string, string>, now: number): number | undefined {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const after = headers['retry-after'];
  if (after === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(after)) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function fromText(messages: readonly string[]): number | undefined {
  for (const message of messages) {
    const m = /(?:try again|retry) in ([\d.]+(?:ms|[hms])(?:[\d.]+(?:ms|[hms]))*)/i.exec(message);
    const parsed = m?.[1] === undefined ? undefined : parseDuration(m[1]);
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

/** Milliseconds to wait, or undefined when the provider did not say. */
export function retryDelayOf(facts: ErrorFacts, now: number): number | undefined {
  const header = fromHeaders(facts.headers, now);
  if (header !== undefined) return header;
  for (const d of facts.retryDelays) {
    const parsed = parseDuration(d);
    if (parsed !== undefined) return parsed;
  }
  return fromText(facts.providerMessages);
}
