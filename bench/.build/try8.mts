import { buildRenderPage, serveDir, launchChromium, throttle } from '../lib/browser';
const dir = await buildRenderPage();
const srv = await serveDir(dir);
const b = await launchChromium();
const page = await b.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.log('pageerror:', e));
await page.goto(srv.url);
await page.waitForFunction(() => 'bench' in window);
await throttle(page, 4); console.log('start');
await page.evaluate(() => (window as any).bench.startTyping({ kind: 'memo', panes: 4, tokensPerSec: 1000, batchMs: 16 }));
console.log('started');
for (let i = 0; i < 5; i++) { await page.keyboard.press(i % 2 ? 'Space' : 'a'); console.log('pressed', i); }
const r = await page.evaluate(() => (window as any).bench.stopTyping());
console.log(r.latencies);
await b.close(); await srv.close();
