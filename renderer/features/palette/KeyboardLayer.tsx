import { useEffect } from 'react';
import { CommandPalette } from './CommandPalette';
import { lockApp, startNewChat, stopActiveStream } from './commands';
import { ShortcutsSheet } from './ShortcutsSheet';
import { isMacPlatform, shortcutFor } from './shortcuts';
import { useOverlays } from './ui-store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type))
  );
}

/** The global shortcuts, and the overlays they open. */
export function KeyboardLayer() {
  const open = useOverlays((s) => s.open);

  useEffect(() => {
    const isMac = isMacPlatform(navigator.platform);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const id = shortcutFor(e, isMac, isTyping(e.target));
      const overlays = useOverlays.getState();
      switch (id) {
        case 'palette':
          if (overlays.open === 'palette') overlays.close('palette');
          else overlays.show('palette');
          break;
        case 'shortcuts':
          overlays.show('shortcuts');
          break;
        case 'new-chat':
          overlays.close();
          void startNewChat();
          break;
        case 'lock':
          overlays.close();
          void lockApp();
          break;
        case 'stop':
          // Esc first closes whatever overlay is open; only then does it stop a reply.
          if (overlays.open) overlays.close();
          else if (!stopActiveStream()) return;
          break;
        case 'edit-last':
        case 'send':
        case 'newline':
        case undefined:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      {open === 'palette' && <CommandPalette />}
      {open === 'shortcuts' && <ShortcutsSheet />}
    </>
  );
}
