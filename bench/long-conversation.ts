// 5. A 10,000-message conversation in the real app through the harness: click → first messages
// painted, scrolling end to end, DOM size and JS heap. Baseline: a 10-message conversation
// opened the same way, in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeDatabase, openDatabase } from '../electron/core/store/database';
import { createConversationStore } from '../electron/core/store/conversation-store';
import { launchChromium } from './lib/browser';
import { callHarness, startHarness } from './lib/harness';
import { BENCH_KEYCHAIN_SERVICE } from './lib/child';
import { messageText, rng } from './lib/text-gen';
import { percentile, ratio } from './lib/stats';
import type { Row } from './lib/report';
import type { BenchOptions, Section } from './lib/section';
import { harnessDatabaseKey } from '../tests/support/harness-key';

export const LONG_TITLE = 'Bench long conversation';
export const SHORT_TITLE = 'Bench short conversation';

/** Writes the two conversations with the real store (addMessage), inside one transaction each. */
export async function writeConversations(dataDir: string, longCount: number): Promise<void> {
  // The key the harness will look for: same data folder, same keychain service.
  const key = await harnessDatabaseKey(dataDir, BENCH_KEYCHAIN_SERVICE);
  const { db } = openDatabase(join(dataDir, 'enclave.sqlite'), { key });
  const store = createConversationStore(db);
  const r = rng(7);
  const start = Date.now() - longCount * 60_000;
  for (const [title, count] of [
    [SHORT_TITLE, 10],
    [LONG_TITLE, longCount],
  ] as const) {
    const conversation = store.createConversation({ title });
    let parentId: string | null = null;
    db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < count; i += 1) {
      const role = i % 2 === 0 ? 'user' : 'assistant';
      const message = store.addMessage({
        conversationId: conversation.id,
        parentId,
        role,
        content: messageText(r, role),
        status: 'complete',
        createdAt: start + i * 60_000,
        ...(role === 'assistant' ? { model: { connectionId: 'conn-bench', modelId: 'bench-model', connectionName: 'Bench' } } : {}),
      });
      parentId = message.id;
    }
    db.exec('COMMIT');
  }
  store.close();
  closeDatabase(db);
}

interface Opened {
  firstPaintMs: number;
  domNodes: number;
  heapMb: number;
}

/** Clicks the conversation in the sidebar and waits, in the page, for a painted message. */
async function open(page: Page, title: string): Promise<Opened> {
  const firstPaintMs = await page.evaluate(async (t) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes(t));
    if (!button) throw new Error(`no sidebar entry for ${t}`);
    // Rows are keyed by message id: the open conversation's rows leave the DOM when another opens.
    const before = document.querySelector('[data-testid="messages"] article.message');
    const started = performance.now();
    button.click();
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (performance.now() - started > 15_000) return reject(new Error(`${t} did not open within 15 s`));
        const shown = document.querySelector('[data-testid="messages"] article.message');
        if (shown && (!before || !before.isConnected))
          setTimeout(resolve, 0); // after this frame's paint
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    return performance.now() - started;
  }, title);
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { firstPaintMs, domNodes, heapMb: heap / 1024 / 1024 };
}

/** Scrolls the message list from the end to the top in `frames` steps, one per frame. */
async function scrollFrames(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const list = document.querySelector<HTMLElement>('[data-testid="messages"]');
    if (!list) throw new Error('no message list');
    list.scrollTop = list.scrollHeight;
    const times: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let i = 0; i < n; i += 1) {
      // The virtualiser measures rows as they appear, so the total height moves while we go.
      list.scrollTop = list.scrollHeight * (1 - (i + 1) / n);
      const t = await new Promise<number>((r) => requestAnimationFrame(r));
      times.push(t - last);
      last = t;
    }
    return times;
  }, frames);
}

async function idleFrames(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const times: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let i = 0; i < n; i += 1) {
      const t = await new Promise<number>((r) => requestAnimationFrame(r));
      times.push(t - last);
      last = t;
    }
    return times;
  }, frames);
}

async function measure(opts: BenchOptions): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enclave-bench-long-'));
  // Quick mode checks the path on a smaller conversation; the full run measures the 10,000 the target names.
  const count = opts.quick ? 3_000 : 10_000;
  await writeConversations(dataDir, count);
  const harness = await startHarness(dataDir);
  const browser = await launchChromium();
  try {
    // With no connection the chat pane shows onboarding; nothing listens on this port.
    await callHarness(harness.url, 'addConnection', { kind: 'openai-compatible', name: 'Bench', baseUrl: 'http://127.0.0.1:9/v1' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx compiles with keepNames: functions passed to page.evaluate may call its __name helper.
    page.on('crash', () => opts.log('  the page crashed'));
    page.on('pageerror', (e) => opts.log(`  page error: ${e.message}`));
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(harness.url);
    await page.getByText(LONG_TITLE).first().waitFor();
    const small = await open(page, SHORT_TITLE);
    const long = await open(page, LONG_TITLE);
    const frames = opts.quick ? 60 : 400;
    const scroll = await scrollFrames(page, frames);
    const idle = await idleFrames(page, 60);
    return [
      {
        section: '5',
        metric: `open ${count.toLocaleString('en-US')} messages: click → painted`,
        unit: 'ms',
        value: long.firstPaintMs,
        target: { op: '<=', value: 150 },
        baseline: small.firstPaintMs,
        ratio: ratio(long.firstPaintMs, small.firstPaintMs),
        note: 'baseline = a 10-message conversation',
      },
      {
        section: '5',
        metric: 'scroll end to end: frame p95',
        unit: 'ms',
        value: percentile(scroll, 95),
        target: { op: '<=', value: 16.7 },
        baseline: percentile(idle, 95),
        ratio: ratio(percentile(scroll, 95), percentile(idle, 95)),
        note: `${frames} frames, p50 ${percentile(scroll, 50).toFixed(1)} ms, max ${Math.max(...scroll).toFixed(0)} ms; baseline = idle frames`,
      },
      {
        section: '5',
        metric: 'DOM nodes with it open',
        unit: '',
        value: long.domNodes,
        target: { op: '<=', value: 5000 },
        baseline: small.domNodes,
        ratio: ratio(long.domNodes, small.domNodes),
      },
      {
        section: '5',
        metric: 'JS heap used after opening',
        unit: 'MB',
        value: long.heapMb,
        target: { op: '<=', value: 150 },
        baseline: small.heapMb,
        ratio: ratio(long.heapMb, small.heapMb),
      },
    ];
  } finally {
    await browser.close();
    await harness.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const longConversation: Section = { id: '5', title: 'Long conversations', run: measure };
