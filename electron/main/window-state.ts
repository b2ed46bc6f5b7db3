// Remembers the main window's bounds and maximized state in <userData>/window-state.json,
// written when the window closes (atomically: temp file, then rename).
import { screen, type BrowserWindow } from 'electron';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWindowState, restoreBounds, type WindowState } from './window-bounds';

export function loadWindowState(userData: string) {
  let text: string | undefined;
  try {
    text = readFileSync(join(userData, 'window-state.json'), 'utf8');
  } catch {
    text = undefined;
  }
  const saved = parseWindowState(text);
  return {
    bounds: restoreBounds(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    ),
    maximized: saved?.maximized ?? false,
  };
}

export function rememberWindowState(win: BrowserWindow, userData: string, log: (m: string) => void): void {
  win.on('close', () => {
    const b = win.getNormalBounds();
    const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
    const file = join(userData, 'window-state.json');
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(state) + '\n');
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      log(`[enclave] could not save the window position: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
