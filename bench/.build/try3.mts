import { buildRenderPage, serveDir, launchChromium, throttle } from '../lib/browser';
import { summarize } from '../lib/stats';
const dir = await buildRenderPage();
const srv = await serveDir(dir);
const b = await launchChromium();
const page = await b.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => console.log('page:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e));
await page.goto(srv.url);
await page.waitForFunction(() => 'bench' in window);
await throttle(page, 4);
for (const kind of ['memo', 'naive']) {
  const r = await page.evaluate((k) => (window as any).bench.stream({ kind: k, panes: 4, tokensPerSec: 1000, durationMs: 3000, batchMs: 16 }), kind);
  console.log(kind, 'lat', summarize(r.latencies), 'frames', summarize(r.frameTimes), 'long', r.longTasks.length, 'chars', r.chars);
}
await page.screenshot({ path: 'bench/.build/render.png' });
await b.close(); await srv.close();
