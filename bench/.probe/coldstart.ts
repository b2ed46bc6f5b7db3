import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../lib/browser';
import { startHarness } from '../lib/harness';
import { LONG_TITLE, writeConversations } from '../long-conversation';

const dataDir = mkdtempSync(join(tmpdir(), 'probe-start-'));
writeConversations(dataDir, 200);
const browser = await launchChromium();
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const h = await startHarness(dataDir);
  const tReady = performance.now() - t0;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const reqs: string[] = [];
  page.on('requestfinished', (r) => { const t = r.timing(); reqs.push(`${(performance.now() - t0).toFixed(0)} ${r.url().replace(/\?.*/, '').slice(-60)} resp=${t.responseEnd.toFixed(0)}`); });
  await page.goto(h.url);
  const tNav = performance.now() - t0;
  await page.getByText(LONG_TITLE).first().waitFor();
  const tList = performance.now() - t0;
  const nav = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation').map((e: any) => ({ dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd })).concat(performance.getEntriesByType('resource').map((e: any) => ({ n: e.name.slice(-50), s: Math.round(e.startTime), d: Math.round(e.duration) }))) ));
  console.log(`run ${i}: ready ${tReady.toFixed(0)} goto ${tNav.toFixed(0)} list ${tList.toFixed(0)} now(page)=${await page.evaluate(() => performance.now().toFixed(0))}`);
  console.log(nav); console.log(reqs.join('\n'));
  await page.close(); await h.stop();
}
await browser.close(); rmSync(dataDir, { recursive: true, force: true });
