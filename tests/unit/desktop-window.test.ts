// Desktop expectations that need no Electron binary: the menu's standard roles (copy/paste and
// zoom work only through them), window bounds restored only where a display still shows them,
// and the start-up failure page (escaped, script-free).
import { describe, expect, test } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { failurePageHtml, failureText } from '../../electron/core/startup/failure-page';
import { appMenuTemplate } from '../../electron/main/menu-template';
import { DEFAULT_SIZE, parseWindowState, restoreBounds } from '../../electron/main/window-bounds';

const roles = (items: MenuItemConstructorOptions[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

describe('application menu', () => {
  test.each(['linux', 'win32', 'darwin'] as const)('on %s has the standard edit, zoom and window roles', (platform) => {
    const all = roles(appMenuTemplate(platform, { packaged: true, openDataFolder: () => undefined }));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'help']) {
      expect(all).toContain(role);
    }
    expect(all).not.toContain('toggleDevTools');
    if (platform === 'darwin') expect(all[0]).toBe('appMenu');
    else expect(all).toContain('quit');
  });

  test('development builds add reload and devtools; packaged ones do not', () => {
    expect(roles(appMenuTemplate('linux', { packaged: false, openDataFolder: () => undefined }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('window bounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  test('reopens where it was closed', () => {
    const saved = parseWindowState('{"x":100,"y":80,"width":1000,"height":700,"maximized":false}');
    expect(restoreBounds(saved, screen)).toEqual({ x: 100, y: 80, width: 1000, height: 700 });
  });

  test('a window last seen on a monitor that is gone opens at the default size instead of off screen', () => {
    const saved = parseWindowState('{"x":2500,"y":100,"width":1000,"height":700}');
    expect(restoreBounds(saved, screen)).toEqual({ width: 1000, height: 700 });
  });

  test('a window bigger than the display now is shrunk to it', () => {
    const saved = parseWindowState('{"x":0,"y":0,"width":3000,"height":2000}');
    expect(restoreBounds(saved, [{ x: 0, y: 0, width: 1366, height: 740 }])).toEqual({ x: 0, y: 0, width: 1366, height: 740 });
  });

  test.each(['', 'not json', '{"x":"a"}', '{"x":1,"y":1,"width":-5,"height":10}', 'null'])('a damaged state file (%j) falls back to the default size', (text) => {
    expect(restoreBounds(parseWindowState(text), screen)).toEqual(DEFAULT_SIZE);
  });
});

describe('start-up failure page', () => {
  const problem = {
    kind: 'data-dir' as const,
    blocking: true,
    title: 'Enclave cannot write to its data folder',
    detail: '/home/<script>alert(1)</script>: EACCES',
    fix: 'Make the folder writable.',
  };

  test('says what is wrong and what to do, with paths escaped and no script', () => {
    const html = failurePageHtml([problem]);
    expect(html).toContain('Enclave could not start');
    expect(html).toContain('Enclave cannot write to its data folder');
    expect(html).toContain('/home/&lt;script&gt;alert(1)&lt;/script&gt;: EACCES');
    expect(html).toContain('Make the folder writable.');
    expect(html).not.toMatch(/<script/i);
  });

  test('the terminal text carries the same facts', () => {
    expect(failureText([problem])).toBe(`Error: ${problem.title}\n  ${problem.detail}\n  What to do: ${problem.fix}`);
  });
});
