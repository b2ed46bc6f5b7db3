// Synchronised scrolling: when one pane scrolls, the others follow to the same proportion of
// their own length (answers differ in length, so pixel offsets would not line up).
import { useCallback, useMemo, useRef } from 'react';

export interface ScrollSync {
  register(key: string, el: HTMLElement | null): void;
  onScroll(key: string): void;
}

export function useScrollSync(enabled: boolean): ScrollSync {
  const elements = useRef(new Map<string, HTMLElement>());
  const following = useRef<string | undefined>(undefined);
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;

  const register = useCallback((key: string, el: HTMLElement | null) => {
    if (el) elements.current.set(key, el);
    else elements.current.delete(key);
  }, []);

  const onScroll = useCallback((key: string) => {
    // Scroll events from panes we moved ourselves must not move the others back.
    if (!enabledRef.current || (following.current !== undefined && following.current !== key)) return;
    const source = elements.current.get(key);
    if (!source) return;
    const ratio = source.scrollTop / Math.max(1, source.scrollHeight - source.clientHeight);
    following.current = key;
    for (const [other, el] of elements.current) {
      if (other !== key) el.scrollTop = ratio * (el.scrollHeight - el.clientHeight);
    }
    requestAnimationFrame(() => requestAnimationFrame(() => (following.current = undefined)));
  }, []);

  return useMemo(() => ({ register, onScroll }), [register, onScroll]);
}
