// What the command palette can do. Each command is a label, optional keys, and an action on the
// stores; the palette only filters and runs them.
import type { Screen } from '../../state/app-store';
import { useApp } from '../../state/app-store';
import { useConversations } from '../../state/conversations-store';
import { usePreferences } from '../../state/preferences-store';
import { useStreams } from '../../state/streams-store';
import { useLock } from '../../state/lock-store';
import { call } from '../../bridge/api';
import { effectiveTheme } from '../theme/apply-theme';
import { SHORTCUTS, comboLabel, type ShortcutId } from './shortcuts';
import { useOverlays } from './ui-store';

export interface Command {
  id: string;
  label: string;
  keys?: string;
  run(): void;
}

const SCREENS: { screen: Screen; label: string }[] = [
  { screen: 'chat', label: 'Chat' },
  { screen: 'compare', label: 'Compare' },
  { screen: 'connections', label: 'Connections' },
  { screen: 'privacy', label: 'Privacy' },
  { screen: 'settings', label: 'Settings' },
];

function keysOf(id: ShortcutId, isMac: boolean): string | undefined {
  const combo = SHORTCUTS.find((s) => s.id === id)?.combos[0];
  return combo ? comboLabel(combo, isMac) : undefined;
}

/** Locks at once when a passphrase is set; otherwise opens the Privacy screen where one is set. */
export async function lockApp(): Promise<void> {
  const lock = useLock.getState();
  if (lock.state?.enabled) lock.set(await call('lockNow', {}));
  else useApp.getState().show('privacy');
}

/** A blank chat; the conversation is created by its first message, so no empty "New chat" piles up. */
export async function startNewChat(): Promise<void> {
  useApp.getState().show('chat');
  await useConversations.getState().open(undefined);
}

/** Focuses the sidebar's search box if it has one, else the conversation list. */
export function focusSearch(): void {
  useApp.getState().show('chat');
  requestAnimationFrame(() => {
    const target =
      document.querySelector<HTMLElement>('.sidebar input[type="search"], .sidebar [role="searchbox"], .sidebar input') ?? document.querySelector<HTMLElement>('.conv-list');
    target?.focus();
  });
}

export function stopActiveStream(): boolean {
  const live = Object.values(useStreams.getState().byMessage).find((l) => !l.done);
  if (!live) return false;
  void useConversations.getState().stop(live.streamId);
  return true;
}

export function buildCommands(isMac: boolean): Command[] {
  const app = useApp.getState();
  const prefs = usePreferences.getState();
  const theme = prefs.prefs?.theme ?? 'system';
  const offline = app.info?.offline ?? false;
  const streaming = Object.values(useStreams.getState().byMessage).some((l) => !l.done);
  const nextTheme = effectiveTheme(theme) === 'dark' ? 'light' : 'dark';
  return [
    { id: 'new-chat', label: 'New chat', keys: keysOf('new-chat', isMac), run: () => void startNewChat() },
    { id: 'search', label: 'Search conversations', run: focusSearch },
    {
      id: 'switch-model',
      label: 'Switch model…',
      run: () => {
        app.show('chat');
        useOverlays.getState().show('picker');
      },
    },
    ...(streaming ? [{ id: 'stop', label: 'Stop the reply', keys: keysOf('stop', isMac), run: () => void stopActiveStream() }] : []),
    ...SCREENS.map((s) => ({ id: `go-${s.screen}`, label: `Go to ${s.label}`, run: () => app.show(s.screen) })),
    { id: 'toggle-theme', label: `Switch to ${nextTheme} theme`, run: () => void prefs.update({ theme: nextTheme }) },
    ...(theme !== 'system' ? [{ id: 'system-theme', label: 'Use the system theme', run: () => void prefs.update({ theme: 'system' }) }] : []),
    { id: 'toggle-offline', label: offline ? 'Go online' : 'Go offline (local models only)', run: () => void app.setOffline(!offline) },
    {
      id: 'lock',
      label: useLock.getState().state?.enabled ? 'Lock Enclave' : 'Set up the app lock…',
      keys: keysOf('lock', isMac),
      run: () => void lockApp(),
    },
    { id: 'shortcuts', label: 'Show keyboard shortcuts', keys: keysOf('shortcuts', isMac), run: () => useOverlays.getState().show('shortcuts') },
  ];
}

export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)));
}
