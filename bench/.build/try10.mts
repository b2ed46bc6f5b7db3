import { buildRenderPage, serveDir, launchChromium, throttle } from '../lib/browser';
const dir = await buildRenderPage();
const srv = await serveDir(dir);
const b = await launchChromium();
const page = await b.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(srv.url);
await page.waitForFunction(() => 'bench' in window);
await throttle(page, 4);
await page.evaluate(() => (window as any).bench.startTyping({ kind: 'memo', panes: 4, tokensPerSec: 1000, batchMs: 16 }));
const t0 = Date.now();
for (let i = 0; i < 15; i++) { await page.keyboard.press('a'); console.log('pressed', i, Date.now() - t0); await new Promise(r => setTimeout(r, 50)); }
console.log('stopping');
const r = await page.evaluate(() => (window as any).bench.stopTyping());
console.log(r.latencies.map((x: number) => Math.round(x)), r.frameTimes.length);
await b.close(); await srv.close();
