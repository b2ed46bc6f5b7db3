import { useEffect } from 'react';
import { useApp } from '../state/app-store';
import { useConnections } from '../state/connections-store';
import { useConversations } from '../state/conversations-store';
import { createFrameBatcher } from '../state/frame-budget';
import { receiveStreamEvents } from '../state/stream-events';
import type { StreamEvent } from '../../shared/types';
import { TopBar } from './TopBar';
import { Toasts } from './Toasts';
import { Sidebar } from '../features/sidebar/Sidebar';
import { ChatScreen } from '../features/chat/ChatScreen';
import { ConnectionsScreen } from '../features/connections/ConnectionsScreen';
import { CompareScreen } from '../features/compare/CompareScreen';
import { PrivacyScreen } from '../features/privacy/PrivacyScreen';
import { OfflineBanner } from '../features/privacy/OfflineBanner';
import { SensitiveGateDialog } from '../features/privacy/SensitiveGateDialog';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { KeyboardLayer } from '../features/palette/KeyboardLayer';
import { ThemeSync } from '../features/theme/ThemeSync';

export function App() {
  const screen = useApp((s) => s.screen);

  useEffect(() => {
    void useApp.getState().loadInfo();
    void useConnections.getState().load();
    void useConversations.getState().loadList();
    // Streamed text reaches the stores at most once per frame, within a budget all panes share.
    const frames = createFrameBatcher<StreamEvent[]>((batches) => void receiveStreamEvents(batches.flat()));
    return window.enclave.onStreamEvents((events) => frames.push(events));
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
          {screen === 'chat' && <ChatScreen />}
          {screen === 'compare' && <CompareScreen />}
          {screen === 'connections' && <ConnectionsScreen />}
          {screen === 'privacy' && <PrivacyScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </main>
      </div>
      <SensitiveGateDialog />
      <Toasts />
      <ThemeSync />
      <KeyboardLayer />
    </div>
  );
}
