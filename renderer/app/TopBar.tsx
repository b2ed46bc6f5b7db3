import { Diamond } from 'lucide-react';
import { useApp, type Screen } from '../state/app-store';

const TABS: { screen: Screen; label: string }[] = [
  { screen: 'chat', label: 'Chat' },
  { screen: 'compare', label: 'Compare' },
  { screen: 'connections', label: 'Connections' },
  { screen: 'privacy', label: 'Privacy' },
  { screen: 'settings', label: 'Settings' },
];

export function TopBar() {
  const info = useApp((s) => s.info);
  const screen = useApp((s) => s.screen);
  const show = useApp((s) => s.show);
  const setOffline = useApp((s) => s.setOffline);
  return (
    <header className="topbar">
      <div className="brand">
        <Diamond className="logo" size={16} fill="currentColor" aria-hidden /> Enclave
        {info?.demo && (
          <span className="badge demo" title="Simulated local servers: nothing real is contacted">
            demo
          </span>
        )}
      </div>
      <nav className="tabs" aria-label="Screens">
        {TABS.map((t) => (
          <button key={t.screen} className={screen === t.screen ? 'tab active' : 'tab'} aria-current={screen === t.screen ? 'page' : undefined} onClick={() => show(t.screen)}>
            {t.label}
          </button>
        ))}
      </nav>
      <button
        type="button"
        role="switch"
        aria-checked={info?.offline ?? false}
        aria-label="Offline mode"
        className={info?.offline ? 'offline-switch on' : 'offline-switch'}
        disabled={!info}
        title={
          info?.offline
            ? 'On: Enclave contacts nothing but this machine. Click to allow remote models again.'
            : 'Off: remote models can be used. Click to contact nothing but this machine.'
        }
        onClick={() => void setOffline(!info?.offline)}
      >
        <span className="switch-track" aria-hidden>
          <span className="switch-thumb" />
        </span>
        <span>Offline mode: {info?.offline ? 'on' : 'off'}</span>
      </button>
    </header>
  );
}
