import { buildRenderPage, serveDir, launchChromium, throttle } from '../lib/browser';
import { summarize } from '../lib/stats';
const dir = await buildRenderPage();
const srv = await serveDir(dir);
const b = await launchChromium();
const page = await b.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => console.log('page:', m.text(), m.location().url));
page.on('requestfailed', (r) => console.log('fail', r.url()));
page.on('response', (r) => r.status() >= 400 && console.log('bad', r.url()));
await page.goto(srv.url);
await page.waitForFunction(() => 'bench' in window);
for (const kind of ['memo', 'naive', 'memo']) for (const chars of [1000, 10000, 50000]) {
  const r = await page.evaluate(([k, c]) => (window as any).bench.cost({ kind: k, chars: c, updates: 5, tokensPerUpdate: 16 }), [kind, chars] as const);
  console.log(kind, chars, r.times.map((x: number) => x.toFixed(1)).join(' '));
}
await b.close(); await srv.close();
