// The Electron save dialog's side of "Export", without Electron: its calls are passed in.
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { describe, expect, test } from 'vitest';
import { saveDialogChooser } from '../../electron/main/save-dialog';

function fakeDialog(answer: SaveDialogReturnValue) {
  const shown: SaveDialogOptions[] = [];
  const choose = saveDialogChooser({
    showSaveDialog: async (options) => {
      shown.push(options);
      return answer;
    },
    downloadsFolder: () => '/home/ana/Downloads',
  });
  return { shown, choose };
}

describe('the export save dialog', () => {
  test('opens in Downloads with the suggested name, a filter for the format and an overwrite question', async () => {
    const { shown, choose } = fakeDialog({ canceled: false, filePath: '/home/ana/Documents/trip.md' });
    expect(await choose({ suggestedName: 'Trip-to-Lisbon.md', extension: 'md' })).toBe('/home/ana/Documents/trip.md');
    expect(shown[0]).toMatchObject({
      defaultPath: '/home/ana/Downloads/Trip-to-Lisbon.md',
      filters: [{ name: 'Markdown export', extensions: ['md', 'markdown'] }],
    });
    expect(shown[0]!.properties).toContain('showOverwriteConfirmation');
  });

  test('opens in the folder of the last export when there is one', async () => {
    const { shown, choose } = fakeDialog({ canceled: false, filePath: '/mnt/usb/ledger.csv' });
    await choose({ suggestedName: 'enclave-network-ledger-2026-12-02.csv', extension: 'csv', lastFolder: '/mnt/usb' });
    expect(shown[0]).toMatchObject({ defaultPath: '/mnt/usb/enclave-network-ledger-2026-12-02.csv', filters: [{ name: 'CSV export', extensions: ['csv'] }] });
  });

  test('Cancel, or an empty answer, chooses nothing', async () => {
    expect(await fakeDialog({ canceled: true, filePath: '' }).choose({ suggestedName: 'a.html', extension: 'html' })).toBeUndefined();
    expect(await fakeDialog({ canceled: false, filePath: '' }).choose({ suggestedName: 'a.html', extension: 'html' })).toBeUndefined();
  });
});
