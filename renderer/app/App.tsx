import { startTransition, Suspense, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useApp } from '../state/app-store';
import { useConnections } from '../state/connections-store';
import { createFrameBatcher } from '../state/frame-budget';
import { loadListOnMount } from '../state/first-list';
import { loadRichMarkdown } from '../features/markdown/markdown-processor';
import { receiveStreamEvents } from '../state/stream-events';
import type { StreamEvent } from '../../shared/types';
import { TopBar } from './TopBar';
import { Toasts } from './Toasts';
import { Sidebar } from '../features/sidebar/Sidebar';
import { ChatScreen } from '../features/chat/ChatScreen';
import { OfflineBanner } from '../features/privacy/OfflineBanner';
import { SensitiveGateDialog } from '../features/privacy/SensitiveGateDialog';
import { KeyboardLayer } from '../features/palette/KeyboardLayer';
import { ThemeSync } from '../features/theme/ThemeSync';
import { CompareScreen, ConnectionsScreen, PrivacyScreen, SettingsScreen } from './lazy-screens';

export function App() {
  const screen = useApp((s) => s.screen);
  // The first frame paints the top bar and the conversation list; the screen beside them (the
  // chat with its composer and model picker, most of a mount's work) renders just after, in an
  // interruptible render, so the list a person looks for first does not wait for it.
  const [mainShown, setMainShown] = useState(false);
  useEffect(() => startTransition(() => setMainShown(true)), []);

  useEffect(() => {
    void useApp.getState().loadInfo();
    void useConnections.getState().load();
    // Math and highlighting are not needed for the first paint, but are by the first reply shown:
    // their chunk is fetched once the list is in and the main thread is idle.
    let idle: number | undefined;
    void loadListOnMount().then(() => {
      idle = requestIdleCallback(() => void loadRichMarkdown().catch(() => undefined), { timeout: 2000 });
    });
    // Streamed text reaches the stores at most once per frame, stream by stream within a budget all
    // panes share. Each stream's commit renders at once (flushSync) so the budget sees its cost.
    const frames = createFrameBatcher<StreamEvent>((events) => flushSync(() => receiveStreamEvents(events)), { laneOf: (e) => e.streamId });
    const unsubscribe = window.enclave.onStreamEvents((events) => events.forEach((e) => frames.push(e)));
    return () => {
      if (idle !== undefined) cancelIdleCallback(idle);
      unsubscribe();
    };
  }, []);

  useEffect(() => {
    // Coming back to the window picks up what changed meanwhile: keychain state, new notices.
    const onFocus = () => void useApp.getState().refreshInfo();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  return (
    <div className="app">
      <TopBar />
      <OfflineBanner />
      <div className="body">
        <Sidebar />
        <main className="main" aria-live="polite">
          {mainShown && screen === 'chat' && <ChatScreen />}
          <Suspense fallback={null}>
            {screen === 'compare' && <CompareScreen />}
            {screen === 'connections' && <ConnectionsScreen />}
            {screen === 'privacy' && <PrivacyScreen />}
            {screen === 'settings' && <SettingsScreen />}
          </Suspense>
        </main>
      </div>
      <SensitiveGateDialog />
      <Toasts />
      <ThemeSync />
      <KeyboardLayer />
    </div>
  );
}
