import { describe, expect, it } from 'vitest';
import { SHORTCUTS, comboLabel, shortcutFor, type KeyLike } from '../../renderer/features/palette/shortcuts';

const key = (k: string, mods: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('global shortcuts on Windows and Linux', () => {
  it('opens the palette with Ctrl+K, also when typing', () => {
    expect(shortcutFor(key('k', { ctrlKey: true }), false, false)).toBe('palette');
    expect(shortcutFor(key('K', { ctrlKey: true }), false, true)).toBe('palette');
  });

  it('starts a new chat with Ctrl+Shift+O but not with Ctrl+O', () => {
    expect(shortcutFor(key('O', { ctrlKey: true, shiftKey: true }), false, true)).toBe('new-chat');
    expect(shortcutFor(key('o', { ctrlKey: true }), false, false)).toBeUndefined();
  });

  it('ignores Cmd on Windows and extra Alt', () => {
    expect(shortcutFor(key('k', { metaKey: true }), false, false)).toBeUndefined();
    expect(shortcutFor(key('k', { ctrlKey: true, altKey: true }), false, false)).toBeUndefined();
  });

  it('shows the shortcuts with Ctrl+/ anywhere, and with ? only outside text fields', () => {
    expect(shortcutFor(key('/', { ctrlKey: true }), false, true)).toBe('shortcuts');
    expect(shortcutFor(key('?', { shiftKey: true }), false, false)).toBe('shortcuts');
    expect(shortcutFor(key('?', { shiftKey: true }), false, true)).toBeUndefined();
  });

  it('stops with Esc even from the message box', () => {
    expect(shortcutFor(key('Escape'), false, true)).toBe('stop');
  });

  it('leaves Enter and ArrowUp to the message box', () => {
    expect(shortcutFor(key('Enter'), false, true)).toBeUndefined();
    expect(shortcutFor(key('ArrowUp'), false, true)).toBeUndefined();
  });
});

describe('global shortcuts on macOS', () => {
  it('uses Cmd, not Ctrl', () => {
    expect(shortcutFor(key('k', { metaKey: true }), true, false)).toBe('palette');
    expect(shortcutFor(key('k', { ctrlKey: true }), true, false)).toBeUndefined();
    expect(shortcutFor(key('o', { metaKey: true, shiftKey: true }), true, false)).toBe('new-chat');
  });
});

describe('the printed keys', () => {
  it('reads naturally on each platform', () => {
    const newChat = SHORTCUTS.find((s) => s.id === 'new-chat')!.combos[0]!;
    expect(comboLabel(newChat, false)).toBe('Ctrl+Shift+O');
    expect(comboLabel(newChat, true)).toBe('⌘⇧O');
    expect(comboLabel({ key: 'Escape' }, false)).toBe('Esc');
  });

  it('documents every shortcut with a description and at least one key', () => {
    for (const s of SHORTCUTS) {
      expect(s.description.length).toBeGreaterThan(3);
      expect(s.combos.length).toBeGreaterThan(0);
    }
  });
});
