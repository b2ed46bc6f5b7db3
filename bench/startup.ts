// 8. Start-up: harness cold start (spawn → the conversation list painted in Chromium), and the
// import time of the core in a fresh Node process against a bare start of the same runtime.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './lib/browser';
import { startHarness } from './lib/harness';
import { LONG_TITLE, writeConversations } from './long-conversation';
import { median, ratio } from './lib/stats';
import type { Row } from './lib/report';
import type { BenchOptions, Section } from './lib/section';

function processMs(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'pipe' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr.toString()}`);
  return performance.now() - started;
}

async function measure(opts: BenchOptions): Promise<Row[]> {
  const runs = opts.quick ? 1 : 5;
  const dataDir = mkdtempSync(join(tmpdir(), 'enclave-bench-start-'));
  await writeConversations(dataDir, 200);
  const browser = await launchChromium();
  const toList: number[] = [];
  const toUrl: number[] = [];
  const newPage: number[] = [];
  const pageToList: number[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      const harness = await startHarness(dataDir);
      try {
        const opening = performance.now();
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const opened = performance.now();
        await page.goto(harness.url);
        await page.getByText(LONG_TITLE).first().waitFor();
        toList.push(performance.now() - started);
        toUrl.push(harness.readyMs);
        newPage.push(opened - opening);
        pageToList.push(performance.now() - opened);
        await page.close();
      } finally {
        await harness.stop();
      }
    }
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const bare: number[] = [];
  const tsx: number[] = [];
  const core: number[] = [];
  for (let i = 0; i < runs + 2; i += 1) {
    bare.push(processMs(['-e', '0']));
    tsx.push(processMs(['--import', 'tsx', '--input-type=module', '-e', '0']));
    core.push(processMs(['--import', 'tsx', '--input-type=module', '-e', "await import('./electron/core/app.ts')"]));
  }
  return [
    {
      section: '8',
      metric: 'harness cold start → conversation list painted',
      unit: 'ms',
      value: median(toList),
      target: { op: '<=', value: 1000 },
      baseline: median(bare),
      ratio: ratio(median(toList), median(bare)),
      note: `median of ${runs}; engine ready (URL printed) after ${median(toUrl).toFixed(0)} ms; baseline = bare node start`,
    },
    {
      section: '8',
      metric: 'of which: Chromium opens a page (not Enclave)',
      unit: 'ms',
      value: median(newPage),
      note: "browser.newPage() while the engine starts; Electron's window is created at start-up in parallel instead",
    },
    {
      section: '8',
      metric: 'of which: page opened → list painted',
      unit: 'ms',
      value: median(pageToList),
      note: 'navigation, the bundle, the first calls and the first paint',
    },
    {
      section: '8',
      metric: 'import electron/core/app.ts (fresh process)',
      unit: 'ms',
      value: median(core) - median(tsx),
      baseline: median(tsx),
      ratio: ratio(median(core), median(tsx)),
      note: `process ${median(core).toFixed(0)} ms vs ${median(tsx).toFixed(0)} ms for node + tsx alone; bare node ${median(bare).toFixed(0)} ms`,
    },
  ];
}

export const startup: Section = { id: '8', title: 'Start-up', run: measure };
