// The export's "Save as" and "Show in folder" in Electron: the OS save dialog opens in the last
// export's folder (else Downloads) with the suggested name and a filter for the format, and asks
// before replacing a file on every platform. Electron's calls are passed in, so this runs in tests.
import { join } from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { ChooseSavePath } from '../core/store/export-saver';
import { fileFilter } from '../core/store/export-target';

export interface SaveDialogDeps {
  /** dialog.showSaveDialog, bound to the app window when there is one. */
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  /** app.getPath('downloads'). */
  downloadsFolder(): string;
}

export function saveDialogChooser(deps: SaveDialogDeps): ChooseSavePath {
  return async ({ suggestedName, extension, lastFolder }) => {
    const { canceled, filePath } = await deps.showSaveDialog({
      title: 'Export',
      buttonLabel: 'Save',
      defaultPath: join(lastFolder ?? deps.downloadsFolder(), suggestedName),
      filters: [fileFilter(extension)],
      // Linux's GTK dialog replaces a file silently without this; macOS and Windows always ask.
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    return canceled || !filePath ? undefined : filePath;
  };
}
