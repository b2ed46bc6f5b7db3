// Timestamps from a file are untrusted: a ChatGPT create_time of 9.1e12 s or an Enclave
// createdAt of 2^60 is a valid JSON number but not a date, and SQLite hands integers past
// 2^53 back as errors. Every imported time is checked here and replaced by the nearest
// sensible one (its parent's, else its conversation's) with a warning.
import type { ConversationBundle } from '../types';
import { plural, type Warnings } from './warnings';

/** 9999-12-31T23:59:59Z: the last instant every date formatter in the app can print. */
export const MAX_TIME_MS = 253_402_300_799_000;

export function isValidTimeMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME_MS;
}

/** Seconds (ChatGPT's create_time) → ms, or null when absent or out of range. */
export function msFromSeconds(seconds: unknown): number | null {
  if (typeof seconds !== 'number') return null;
  const ms = Math.round(seconds * 1000);
  return isValidTimeMs(ms) ? ms : null;
}

/** True when the source gave a time that msFromSeconds had to refuse. */
export function isBadSeconds(seconds: unknown): boolean {
  return typeof seconds === 'number' && msFromSeconds(seconds) === null;
}

/** Replaces every out-of-range time in the bundle; returns how many were replaced. */
export function clampBundleTimes(bundle: ConversationBundle, label: string, warnings: Warnings, alreadyReplaced = 0): ConversationBundle {
  let replaced = alreadyReplaced;
  const fix = (value: number, fallback: number) => {
    if (isValidTimeMs(value)) return Math.round(value);
    replaced++;
    return fallback;
  };
  const firstGood = bundle.messages.find((m) => isValidTimeMs(m.createdAt))?.createdAt ?? 0;
  const createdAt = fix(bundle.conversation.createdAt, firstGood);
  const byId = new Map<string, number>();
  const messages = bundle.messages.map((m) => {
    const parentTime = m.parentId === null ? undefined : byId.get(m.parentId);
    const created = fix(m.createdAt, parentTime ?? createdAt);
    byId.set(m.id, created);
    return { ...m, createdAt: created, updatedAt: fix(m.updatedAt, created) };
  });
  const newest = messages.reduce((max, m) => Math.max(max, m.updatedAt), createdAt);
  const conversation = { ...bundle.conversation, createdAt, updatedAt: fix(bundle.conversation.updatedAt, newest) };
  if (bundle.conversation.deletedAt !== undefined && !isValidTimeMs(bundle.conversation.deletedAt)) {
    conversation.deletedAt = fix(bundle.conversation.deletedAt, conversation.updatedAt);
  }
  if (replaced > 0) {
    warnings.add(`${label}: ${plural(replaced, 'timestamp')} out of range (not a date between 1970 and 9999) replaced by the nearest valid time.`);
  }
  return { conversation, messages };
}

/**
 * A time in a loosely specified format (generic JSON): epoch seconds or ms, or an ISO string.
 * Numbers below 1e11 are seconds (1e11 ms is March 1973; 1e11 s is the year 5138).
 */
export function msFromLooseTime(value: unknown): number | null {
  if (typeof value === 'number') {
    const ms = Math.abs(value) < 1e11 ? Math.round(value * 1000) : Math.round(value);
    return isValidTimeMs(ms) ? ms : null;
  }
  if (typeof value === 'string' && value.length <= 100) {
    const ms = Date.parse(value);
    return isValidTimeMs(ms) ? ms : null;
  }
  return null;
}
