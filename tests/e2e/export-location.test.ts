// Exporting: in browser mode the dialog says where the file goes before and after, the file is
// there with the conversation in it, and a second export never replaces the first. The desktop
// flow (save dialog, Show in folder, a folder gone) runs with a scripted stand-in for the dialog.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { screenshot, startHarness } from './harness';
import { openWithOllama, useLocalOllama, useOllamaPage } from './local-ollama-fixture';

const setup = useLocalOllama({ tokens: ['Take', ' tram', ' 28', '.'], tokenDelayMs: 20 });
const opened = useOllamaPage(setup, 'export-location-failure');

async function exportMarkdown(shot?: string): Promise<string> {
  await opened.page.getByRole('button', { name: 'Export…' }).click();
  const dialog = opened.page.getByRole('dialog', { name: 'Export conversation' });
  await dialog.getByText('The file stays on this computer, in Enclave’s exports folder.').waitFor();
  await dialog.getByLabel(/^Markdown/).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const note = dialog.getByRole('status').filter({ hasText: 'Saved' });
  await note.getByText('Browser mode: the file is in Enclave’s exports folder on this computer').waitFor();
  expect(await dialog.getByRole('button', { name: 'Show in folder' }).count()).toBe(0);
  const path = (await note.locator('.saved-path').innerText()).trim();
  if (shot) await screenshot(opened.page, shot);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  return path;
}

test('an export says where it was saved, the file holds the conversation, and the next one does not replace it', async () => {
  await opened.page.getByLabel('Message', { exact: true }).fill('Getting around Lisbon: tips?');
  await opened.page.getByLabel('Message', { exact: true }).press('Enter');
  await expect.poll(() => opened.page.locator('article.message.assistant').last().getAttribute('data-status'), { timeout: 10_000 }).toBe('complete');

  const first = await exportMarkdown('export-saved-light');
  expect(first).toBe(join(setup.harness.dataDir, 'exports', 'Getting-around-Lisbon-tips.md'));
  const text = readFileSync(first, 'utf8');
  expect(text).toContain('Getting around Lisbon: tips?');
  expect(text).toContain('Take tram 28.');

  await opened.page.emulateMedia({ colorScheme: 'dark' });
  const second = await exportMarkdown('export-saved-dark');
  await opened.page.emulateMedia({ colorScheme: 'light' });
  expect(second).toBe(join(setup.harness.dataDir, 'exports', 'Getting-around-Lisbon-tips (2).md'));
  expect(readFileSync(first, 'utf8')).toBe(text);
});

test('desktop flow: Save as… writes where the dialog chose, Show in folder reveals it, a vanished folder is a clear message', async () => {
  const chosen = mkdtempSync(join(tmpdir(), 'enclave-e2e-chosen-'));
  const desktop = await startHarness({ env: { ENCLAVE_TEST_SAVE_AS_DIR: chosen } });
  const tab = await openWithOllama(setup, desktop);
  try {
    await tab.getByLabel('Message', { exact: true }).fill('Porto in two days');
    await tab.getByLabel('Message', { exact: true }).press('Enter');
    await expect.poll(() => tab.locator('article.message.assistant').last().getAttribute('data-status'), { timeout: 10_000 }).toBe('complete');

    await tab.getByRole('button', { name: 'Export…' }).click();
    const dialog = tab.getByRole('dialog', { name: 'Export conversation' });
    await dialog.getByText('you choose the folder and name next').waitFor();
    await dialog.getByLabel(/^HTML/).check();
    await dialog.getByRole('button', { name: 'Save as…' }).click();
    const path = join(chosen, 'Porto-in-two-days.html');
    await dialog.locator('.saved-path').getByText(path).waitFor();
    expect(readFileSync(path, 'utf8')).toContain('Porto in two days');
    await dialog.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => desktop.output()).toContain(`[harness] show in folder: ${path}`);
    await screenshot(tab, 'export-desktop-saved-light');

    rmSync(chosen, { recursive: true });
    await dialog.getByRole('button', { name: 'Export again' }).click();
    await dialog.getByRole('alert').getByText(`The folder ${chosen} no longer exists. Choose another folder. Nothing was saved.`).waitFor();
    expect(existsSync(chosen)).toBe(false);
    await tab.emulateMedia({ colorScheme: 'dark' });
    await screenshot(tab, 'export-desktop-error-dark');
  } finally {
    await tab.close();
    await desktop.stop();
  }
}, 120_000);
