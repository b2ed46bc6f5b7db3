// Renders build/icon.svg to build/icon.png (1024×1024, transparent) with the Chromium the tests
// use, so the committed PNG always matches its SVG source. Run: npm run icon
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('build/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: 'build/icon.png', omitBackground: true });
  console.log('wrote build/icon.png');
} finally {
  await browser.close();
}
