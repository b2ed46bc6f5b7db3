// Exports saved where the user chose in the save dialog, checked by the engine before a byte is
// written: a folder that vanished, one Enclave may not write in, a wrong extension, a full disk
// each give a clear message and leave nothing behind; "Show in folder" reveals only what was saved.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { SaveRequest } from '../../electron/core/store/export-saver';
import { startCore, type CoreFixture } from '../support/core-fixture';

let fixture: CoreFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

interface Setup {
  /** What the "dialog" answers next; undefined = the user pressed Cancel. */
  answer: string | undefined;
  asked: SaveRequest[];
  revealed: string[];
}

async function coreWithDialog(withReveal = true) {
  const setup: Setup = { answer: undefined, asked: [], revealed: [] };
  fixture = await startCore({
    chooseSavePath: async (request) => {
      setup.asked.push(request);
      return setup.answer;
    },
    ...(withReveal ? { showItemInFolder: (path: string) => void setup.revealed.push(path) } : {}),
  });
  const conv = await fixture.call('createConversation', { title: 'Trip: Lisbon / Porto?' });
  return { setup, conv, f: fixture };
}

async function exportMarkdown(f: CoreFixture, id: string) {
  return dispatch(f.core.handlers, 'exportConversations', { ids: [id], format: 'markdown', branches: 'current' }, () => undefined);
}

const folder = () => mkdtempSync(join(tmpdir(), 'enclave-save-as-'));

describe('export to a place chosen in the save dialog', () => {
  test('suggests the sanitised title with the format’s extension, writes the file there and remembers the folder', async () => {
    const { setup, conv, f } = await coreWithDialog();
    const dir = folder();
    setup.answer = join(dir, 'lisbon.md');
    const result = await exportMarkdown(f, conv.id);
    expect(result).toMatchObject({ ok: true, value: { saved: true, path: join(dir, 'lisbon.md'), canReveal: true } });
    expect(setup.asked[0]).toEqual({ suggestedName: 'Trip-Lisbon-Porto.md', extension: 'md' });
    expect(readFileSync(join(dir, 'lisbon.md'), 'utf8')).toContain('Trip: Lisbon / Porto?');

    await exportMarkdown(f, conv.id);
    expect(setup.asked[1]).toMatchObject({ lastFolder: dir });
  });

  test('Cancel in the dialog writes nothing and says so', async () => {
    const { conv, f } = await coreWithDialog();
    const result = await exportMarkdown(f, conv.id);
    expect(result).toEqual({ ok: true, value: { saved: false } });
  });

  test('a name typed without an extension gets the format’s, but never replaces a file the dialog did not show', async () => {
    const { setup, conv, f } = await coreWithDialog();
    const dir = folder();
    setup.answer = join(dir, 'notes');
    expect(await exportMarkdown(f, conv.id)).toMatchObject({ ok: true, value: { path: join(dir, 'notes.md') } });
    writeFileSync(join(dir, 'notes.md'), 'my own notes');
    const again = await exportMarkdown(f, conv.id);
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringMatching(/“notes\.md” already exists.*Nothing was saved/) } });
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('my own notes');
  });

  test('a file the user chose to replace in the dialog is replaced', async () => {
    const { setup, conv, f } = await coreWithDialog();
    const dir = folder();
    writeFileSync(join(dir, 'old.md'), 'old');
    setup.answer = join(dir, 'old.md');
    expect(await exportMarkdown(f, conv.id)).toMatchObject({ ok: true, value: { saved: true } });
    expect(readFileSync(join(dir, 'old.md'), 'utf8')).toContain('Trip: Lisbon');
  });

  test('a wrong extension is refused with the right one named', async () => {
    const { setup, conv, f } = await coreWithDialog();
    const dir = folder();
    setup.answer = join(dir, 'trip.txt');
    const result = await exportMarkdown(f, conv.id);
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'A Markdown export ends in .md or .markdown, not .txt: other apps would not open “trip.txt” as one. Choose the name again. Nothing was saved.' },
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a folder removed while the dialog was open is a clear message, and nothing is written', async () => {
    const { setup, conv, f } = await coreWithDialog();
    const dir = folder();
    rmSync(dir, { recursive: true });
    setup.answer = join(dir, 'trip.md');
    const result = await exportMarkdown(f, conv.id);
    expect(result).toMatchObject({ ok: false, error: { message: `The folder ${dir} no longer exists. Choose another folder. Nothing was saved.` } });
    expect(existsSync(dir)).toBe(false);
  });

  test('a folder Enclave may not write in says permission denied and leaves no partial file', async () => {
    const { setup, conv, f } = await coreWithDialog();
    // Root ignores mode bits; sysfs refuses new files even to root. Else a read-only folder does.
    let dir = '/sys';
    if (process.getuid?.() !== 0) {
      dir = folder();
      chmodSync(dir, 0o555);
    }
    setup.answer = join(dir, 'trip.md');
    const result = await exportMarkdown(f, conv.id);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Enclave may not write in .+ \(permission denied\)\..*Nothing was saved/) } });
    expect(existsSync(join(dir, 'trip.md'))).toBe(false);
    expect(existsSync(join(dir, 'trip.md.partial'))).toBe(false);
  });

  test('a relative path (never from a dialog) is refused', async () => {
    const { setup, conv, f } = await coreWithDialog();
    setup.answer = 'trip.md';
    expect(await exportMarkdown(f, conv.id)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a full path/) } });
  });

  test('an encrypted backup and the ledger go through the same dialog with their own extensions', async () => {
    const { setup, conv, f } = await coreWithDialog();
    const dir = folder();
    setup.answer = join(dir, 'backup.enclave');
    expect(await dispatch(f.core.handlers, 'exportConversations', { ids: [conv.id], format: 'json', branches: 'all', passphrase: 'correct horse' }, () => undefined)).toMatchObject(
      { ok: true },
    );
    setup.answer = join(dir, 'ledger.csv');
    expect(await dispatch(f.core.handlers, 'exportLedger', { format: 'csv' }, () => undefined)).toMatchObject({ ok: true });
    expect(setup.asked.map((a) => a.extension)).toEqual(['enclave', 'csv']);
    expect(readdirSync(dir).sort()).toEqual(['backup.enclave', 'ledger.csv']);
  });
});

describe('Show in folder', () => {
  test('reveals a file saved in this session, and nothing else', async () => {
    const { setup, conv, f } = await coreWithDialog();
    const dir = folder();
    setup.answer = join(dir, 'trip.md');
    await exportMarkdown(f, conv.id);
    expect(await f.call('showInFolder', { path: join(dir, 'trip.md') })).toEqual({ shown: true });
    expect(setup.revealed).toEqual([join(dir, 'trip.md')]);

    const other = await dispatch(f.core.handlers, 'showInFolder', { path: '/etc/passwd' }, () => undefined);
    expect(other).toMatchObject({ ok: false, error: { message: /Only a file Enclave saved/ } });
    expect(setup.revealed).toHaveLength(1);
  });

  test('a saved file moved away since is said plainly', async () => {
    const { setup, conv, f } = await coreWithDialog();
    const dir = folder();
    setup.answer = join(dir, 'trip.md');
    await exportMarkdown(f, conv.id);
    rmSync(join(dir, 'trip.md'));
    const result = await dispatch(f.core.handlers, 'showInFolder', { path: join(dir, 'trip.md') }, () => undefined);
    expect(result).toMatchObject({ ok: false, error: { message: `${join(dir, 'trip.md')} is no longer there: it was moved or deleted.` } });
  });
});

describe('without a save dialog (browser harness, CLI)', () => {
  test('exports go to the exports folder and a second export never replaces the first', async () => {
    fixture = await startCore();
    const conv = await fixture.call('createConversation', { title: 'Same title' });
    const first = await fixture.call('exportConversations', { ids: [conv.id], format: 'html', branches: 'current' });
    const second = await fixture.call('exportConversations', { ids: [conv.id], format: 'html', branches: 'current' });
    expect(first).toMatchObject({ saved: true, path: join(fixture.dataDir, 'exports', 'Same-title.html'), canReveal: false });
    expect(second.path).toBe(join(fixture.dataDir, 'exports', 'Same-title (2).html'));
    expect(readdirSync(join(fixture.dataDir, 'exports')).sort()).toEqual(['Same-title (2).html', 'Same-title.html']);
  });
});
