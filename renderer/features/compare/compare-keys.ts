// The compare view's keys: Ctrl/Cmd+Enter sends to all (in the prompt box), Alt+N focuses
// answer N, Alt+Shift+N uses answer N. Digits are read from `code`, because Shift turns the
// key into "!" or "@" on most layouts.

export const paneDomId = (index: number) => `compare-pane-${index + 1}`;

export type CompareKey = { kind: 'focus'; index: number } | { kind: 'pick'; index: number };

export interface KeyLike {
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export function compareKeyFor(e: KeyLike, paneCount: number): CompareKey | undefined {
  if (!e.altKey || e.ctrlKey || e.metaKey) return undefined;
  const digit = /^Digit([1-6])$/.exec(e.code)?.[1];
  if (!digit) return undefined;
  const index = Number(digit) - 1;
  if (index >= paneCount) return undefined;
  return e.shiftKey ? { kind: 'pick', index } : { kind: 'focus', index };
}

export function isSendKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; nativeEvent?: { isComposing?: boolean } }): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent?.isComposing;
}

const isMac = typeof navigator !== 'undefined' && /mac|iphone|ipad/i.test(navigator.platform);

/** "Alt+Shift+" as this platform prints it ("⌥⇧" on macOS). */
export function modLabel(label: 'Alt+' | 'Alt+Shift+' | 'Ctrl+'): string {
  if (!isMac) return label;
  return label.replace('Ctrl+', '⌘').replace('Alt+', '⌥').replace('Shift+', '⇧');
}
