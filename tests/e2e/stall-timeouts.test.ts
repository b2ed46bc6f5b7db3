// A connection's own waiting limits: typed in seconds in its edit form, kept across a reload,
// out-of-range values refused with a clear message, and an emptied field back to the default.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConnectionView } from '../../shared/types';
import { screenshot } from './harness';
import { addOllamaThroughForm, useLocalOllama } from './local-ollama-fixture';

const setup = useLocalOllama({});

async function connection(p: Page, name: string): Promise<ConnectionView | undefined> {
  return p.evaluate(async (n) => {
    const r = await window.enclave.listConnections({});
    if (!r.ok) throw new Error(r.error.message);
    return r.value.find((c) => c.name === n);
  }, name);
}

async function openEdit(p: Page) {
  await p.getByRole('button', { name: 'Connections', exact: true }).click();
  const card = p.getByRole('listitem', { name: 'Home Ollama', exact: true });
  await card.getByRole('button', { name: 'Edit' }).click();
  return card.getByRole('form', { name: 'Edit Home Ollama' });
}

test("sets a connection's waiting limits in seconds, keeps them across a reload, and refuses nonsense", async () => {
  const { ollama, harness, browser } = setup;
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(harness.url);
  await addOllamaThroughForm(page, 'Home Ollama', ollama.origin);

  let form = await openEdit(page);
  const firstByte = form.getByLabel('Wait for the first token');
  const stall = form.getByLabel('Wait when a reply pauses');
  // A local server: the longer local defaults show through the empty fields.
  expect(await firstByte.getAttribute('placeholder')).toBe('180');
  expect(await stall.getAttribute('placeholder')).toBe('60');
  expect(await firstByte.inputValue()).toBe('');

  await firstByte.fill('0.5');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.getByRole('alert').getByText('Wait for the first token must be between 1 and 1800 seconds (30 minutes), or empty for the default.').waitFor();
  expect((await connection(page, 'Home Ollama'))?.firstByteTimeoutMs).toBeUndefined();

  await firstByte.fill('600');
  await stall.fill('90');
  await screenshot(page, 'connection-stall-timeouts');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.waitFor({ state: 'detached' });

  await page.reload();
  form = await openEdit(page);
  expect(await form.getByLabel('Wait for the first token').inputValue()).toBe('600');
  expect(await form.getByLabel('Wait when a reply pauses').inputValue()).toBe('90');
  const saved = await connection(page, 'Home Ollama');
  expect([saved?.firstByteTimeoutMs, saved?.stallTimeoutMs]).toEqual([600_000, 90_000]);

  // Emptied: back to the default, and the stored value is gone rather than copied.
  await form.getByLabel('Wait when a reply pauses').fill('');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.waitFor({ state: 'detached' });
  await expect.poll(async () => (await connection(page, 'Home Ollama'))?.stallTimeoutMs).toBeUndefined();
  expect((await connection(page, 'Home Ollama'))?.firstByteTimeoutMs).toBe(600_000);
});
