// Shows the app only while it is unlocked. Locked, the app is unmounted and the conversation
// stores are emptied, so the window holds nothing of the conversations; unlocking mounts it again
// and it reloads from the engine. Activity is reported so the engine's idle timer sees it.
import { useEffect, type ReactNode } from 'react';
import { call } from '../../bridge/api';
import { useConversations } from '../../state/conversations-store';
import { lockStateOnMount } from '../../state/first-list';
import { useLock } from '../../state/lock-store';
import { useSearch } from '../../state/search-store';
import { useStreams } from '../../state/streams-store';
import { LockScreen } from './LockScreen';

const POLL_MS = 10_000;
const ACTIVITY_EVERY_MS = 20_000;

function forgetConversations() {
  useConversations.setState({ list: [], listLoaded: false, conversation: undefined, activeId: undefined, messages: [] });
  useStreams.getState().reset();
  useSearch.setState(useSearch.getInitialState());
}

export function LockGate({ children }: { children: ReactNode }) {
  const state = useLock((s) => s.state);
  const locked = state?.locked ?? false;

  useEffect(() => {
    let lastReport = 0;
    const poll = (activity = false) =>
      call('getLockState', activity ? { activity } : {}).then(
        (s) => useLock.getState().set(s),
        () => undefined,
      );
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport < ACTIVITY_EVERY_MS) return;
      lastReport = now;
      void poll(true);
    };
    // The bundle asked for the lock state as it started (first-list.ts): not asked twice.
    void lockStateOnMount(() => poll());
    const timer = setInterval(() => void poll(), POLL_MS);
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, []);

  useEffect(() => {
    if (locked) forgetConversations();
  }, [locked]);

  if (state === undefined) return null;
  return locked ? <LockScreen /> : <>{children}</>;
}
