import { describe, expect, test } from 'vitest';
import type { LedgerEntry } from '../../shared/types';
import { DAY_MS, DEFAULT_FILTERS, DISCOVERY, filterLedger, formatBytes, isThisMachine, outcomeLabel, totalsByDay, totalsByHost } from '../../renderer/state/ledger-view';
import { findingsBeforeSend, segmentsOf } from '../../renderer/features/privacy/gate-check';

const NOW = new Date(2025, 5, 15, 12).getTime();
let nextId = 1;
function row(p: Partial<LedgerEntry>): LedgerEntry {
  return {
    id: nextId++,
    at: NOW,
    connectionId: 'c1',
    host: 'api.openai.com',
    model: 'gpt',
    method: 'POST',
    path: '/v1/chat',
    bytesUp: 100,
    bytesDown: 1000,
    durationMs: 50,
    status: 200,
    outcome: 'ok',
    ...p,
  };
}

describe('privacy ledger view', () => {
  const entries = [
    row({}),
    row({ host: '127.0.0.1:11434', connectionId: 'c2', at: NOW - 2 * DAY_MS }),
    row({ outcome: 'refused', status: 0, bytesDown: 0, at: NOW - 10 * DAY_MS }),
    row({ connectionId: null, host: '127.0.0.1:1234', at: NOW - 40 * DAY_MS }),
  ];

  test('filters by period, host, connection (including discovery) and outcome', () => {
    expect(filterLedger(entries, DEFAULT_FILTERS, NOW)).toHaveLength(3);
    expect(filterLedger(entries, { ...DEFAULT_FILTERS, period: '24h' }, NOW)).toHaveLength(1);
    expect(filterLedger(entries, { ...DEFAULT_FILTERS, period: 'all' }, NOW)).toHaveLength(4);
    expect(filterLedger(entries, { ...DEFAULT_FILTERS, host: '127.0.0.1:11434' }, NOW).map((e) => e.connectionId)).toEqual(['c2']);
    expect(filterLedger(entries, { ...DEFAULT_FILTERS, period: 'all', connection: DISCOVERY }, NOW).map((e) => e.host)).toEqual(['127.0.0.1:1234']);
    expect(filterLedger(entries, { ...DEFAULT_FILTERS, outcome: 'refused' }, NOW).map((e) => e.outcome)).toEqual(['refused']);
  });

  test('totals per host and per day count requests, bytes and failures', () => {
    const byHost = totalsByHost(entries.slice(0, 3));
    expect(byHost[0]).toMatchObject({ host: 'api.openai.com', requests: 2, bytesUp: 200, bytesDown: 1000, failures: 1 });
    const byDay = totalsByDay(entries.slice(0, 3));
    expect(byDay.map((d) => d.day)).toEqual(['2025-06-15', '2025-06-13', '2025-06-05']);
  });

  test('formats sizes and outcomes for people, and knows loopback is this machine', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(outcomeLabel({ outcome: 'http-error', status: 429 })).toBe('HTTP error 429');
    expect(isThisMachine('127.0.0.1:11434')).toBe(true);
    expect(isThisMachine('[::1]:8080')).toBe(true);
    expect(isThisMachine('api.openai.com')).toBe(false);
    expect(isThisMachine('127.example.com')).toBe(false);
  });
});

describe('sensitive-data check before sending', () => {
  const card = 'my card 4111 1111 1111 1111 ok';
  test('asks only for remote connections', () => {
    expect(findingsBeforeSend(card, { local: true }, undefined)).toEqual([]);
    expect(findingsBeforeSend(card, { local: false }, undefined).map((f) => f.category)).toEqual(['payment-card']);
  });
  test('follows the user settings: categories off, custom words on', () => {
    expect(findingsBeforeSend(card, { local: false }, { disabled: ['payment-card'], custom: [] })).toEqual([]);
    const found = findingsBeforeSend('about Falcon', { local: false }, { disabled: [], custom: [{ label: 'Code name', pattern: 'falcon', isRegex: false }] });
    expect(found.map((f) => [f.category, f.text])).toEqual([['custom', 'Falcon']]);
  });
  test('splits the text into plain runs and highlighted findings, losing nothing', () => {
    const findings = findingsBeforeSend(card, { local: false }, undefined);
    const segments = segmentsOf(card, findings);
    expect(segments.map((s) => s.text).join('')).toBe(card);
    expect(segments.filter((s) => s.finding).map((s) => s.text)).toEqual(['4111 1111 1111 1111']);
  });
});
