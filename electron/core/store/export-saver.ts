// Saves exports where they belong. With a save dialog (Electron) the user picks the place and the
// engine checks it; without one (the browser harness, the CLI) files go to the exports folder
// under a name that replaces nothing. Only files saved this session can be shown in their folder,
// so the window cannot point the file manager anywhere else.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { SavedFile } from '../../../shared/contract';
import { UserFacingError } from '../errors/user-facing-error';
import type { SettingsStore } from '../settings/settings-store';
import { writeExportFile } from './export-file';
import { exportTarget } from './export-target';

export interface SaveRequest {
  suggestedName: string;
  /** Without the dot: md, html, json, csv, enclave. */
  extension: string;
  /** The folder of the last export, when it still exists. */
  lastFolder?: string;
}

/** Asks the user where to save (Electron: dialog.showSaveDialog); undefined = cancelled. */
export type ChooseSavePath = (request: SaveRequest) => Promise<string | undefined>;

export interface ExportSaverOptions {
  /** Used when there is no dialog. */
  folder: string;
  choose?: ChooseSavePath;
  /** Electron: shell.showItemInFolder. */
  reveal?: (path: string) => void;
  settings: SettingsStore;
}

export function createExportSaver(opts: ExportSaverOptions) {
  const saved = new Set<string>();

  const toChosenPlace = async (choose: ChooseSavePath, name: string, content: string): Promise<SavedFile> => {
    const extension = extname(name).slice(1);
    const last = opts.settings.get('lastExportFolder');
    const chosen = await choose({ suggestedName: name, extension, ...(last && existsSync(last) ? { lastFolder: last } : {}) });
    if (chosen === undefined) return { saved: false };
    const file = writeExportFile(exportTarget(chosen, extension), content);
    try {
      opts.settings.set('lastExportFolder', dirname(file.path!));
    } catch {
      // The file is saved; only the next dialog's starting folder is lost.
    }
    return file;
  };

  const toFolder = (name: string, content: string): SavedFile => {
    mkdirSync(opts.folder, { recursive: true });
    return writeExportFile(freeName(opts.folder, name), content);
  };

  return {
    async save(name: string, content: string): Promise<SavedFile> {
      const file = opts.choose ? await toChosenPlace(opts.choose, name, content) : toFolder(name, content);
      if (!file.path) return file;
      saved.add(file.path);
      return { ...file, canReveal: !!opts.reveal };
    },

    reveal(path: string): { shown: boolean } {
      if (!saved.has(path)) throw new UserFacingError({ kind: 'bad-request', message: 'Only a file Enclave saved in this session can be shown in its folder.' });
      if (!existsSync(path)) throw new UserFacingError({ kind: 'bad-request', message: `${path} is no longer there: it was moved or deleted.` });
      if (!opts.reveal) return { shown: false };
      opts.reveal(path);
      return { shown: true };
    },
  };
}

/** "notes.md", else "notes (2).md", "notes (3).md"…: a new export never replaces an older one. */
export function freeName(dir: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n += 1) {
    const path = join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!existsSync(path)) return path;
  }
}
