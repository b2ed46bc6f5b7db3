import { buildRenderPage, serveDir, launchChromium } from '../lib/browser';
import { percentile } from '../lib/stats';
const dir = await buildRenderPage();
const srv = await serveDir(dir);
const b = await launchChromium();
const page = await b.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(srv.url);
await page.waitForFunction(() => 'bench' in window);
const run = (kind: string, chars: number, updates: number) => page.evaluate(([k, c, u]) => (window as any).bench.cost({ kind: k, chars: c, updates: u, tokensPerUpdate: 16 }), [kind, chars, updates] as const);
await run('memo', 10000, 20);
for (const c of [1000, 10000, 50000, 200000]) {
  const r = await run('memo', c, 40);
  console.log(c, 'total p50', percentile(r.times, 50).toFixed(1), 'p95', percentile(r.times, 95).toFixed(1), 'commit p50', percentile(r.commits, 50).toFixed(1), 'p95', percentile(r.commits, 95).toFixed(1));
}
await b.close(); await srv.close();
