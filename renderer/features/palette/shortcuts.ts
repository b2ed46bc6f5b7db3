// The app's keyboard shortcuts: one table that the key handler, the shortcuts sheet and the
// settings screen all read, so what is documented is what works. Pure: no DOM.

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** `mod` is Cmd on macOS and Ctrl elsewhere. `shift` undefined = either (for keys like "?" that need Shift on some layouts). */
export interface Combo {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export type ShortcutId = 'palette' | 'new-chat' | 'stop' | 'shortcuts' | 'lock' | 'edit-last' | 'send' | 'newline';

export interface Shortcut {
  id: ShortcutId;
  description: string;
  combos: Combo[];
  /** Handled by the message box itself, not the global key handler. */
  inComposer?: boolean;
  /** Only when no text field has focus (a bare "?" must still type a question mark). */
  notWhileTyping?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'palette', description: 'Open the command palette', combos: [{ key: 'k', mod: true }] },
  { id: 'new-chat', description: 'New chat', combos: [{ key: 'o', mod: true, shift: true }] },
  { id: 'stop', description: 'Stop the reply being written', combos: [{ key: 'Escape' }] },
  { id: 'shortcuts', description: 'Show keyboard shortcuts', combos: [{ key: '/', mod: true }, { key: '?' }] },
  { id: 'lock', description: 'Lock Enclave (when a passphrase is set)', combos: [{ key: 'l', mod: true, shift: true }] },
  { id: 'edit-last', description: 'Edit your last message (in an empty message box)', combos: [{ key: 'ArrowUp' }], inComposer: true },
  { id: 'send', description: 'Send the message', combos: [{ key: 'Enter', shift: false }], inComposer: true },
  { id: 'newline', description: 'New line in the message', combos: [{ key: 'Enter', shift: true }], inComposer: true },
];

export function matchesCombo(e: KeyLike, combo: Combo, isMac: boolean): boolean {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const otherMod = isMac ? e.ctrlKey : e.metaKey;
  if (otherMod || e.altKey) return false;
  if (mod !== (combo.mod ?? false)) return false;
  if (combo.shift !== undefined && e.shiftKey !== combo.shift) return false;
  return e.key.length === 1 ? e.key.toLowerCase() === combo.key.toLowerCase() : e.key === combo.key;
}

/** The global shortcut a key press means, if any. `typing` = focus is in a text field. */
export function shortcutFor(e: KeyLike, isMac: boolean, typing: boolean): ShortcutId | undefined {
  for (const s of SHORTCUTS) {
    if (s.inComposer || (s.notWhileTyping && typing)) continue;
    for (const combo of s.combos) {
      // A bare printable key belongs to the text field that has focus.
      if (typing && !combo.mod && combo.key.length === 1) continue;
      if (matchesCombo(e, combo, isMac)) return s.id;
    }
  }
  return undefined;
}

const KEY_NAMES: Record<string, string> = { Escape: 'Esc', ArrowUp: '↑', Enter: 'Enter' };

/** The keys as printed in the sheet: "Ctrl+Shift+O" or "⌘⇧O". */
export function comboLabel(combo: Combo, isMac: boolean): string {
  const key = KEY_NAMES[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  const parts = [...(combo.mod ? [isMac ? '⌘' : 'Ctrl'] : []), ...(combo.shift ? [isMac ? '⇧' : 'Shift'] : []), key];
  return parts.join(isMac ? '' : '+');
}

export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}
