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
        <span className="logo" aria-hidden>◆</span> Enclave
        {info?.demo && <span className="badge demo" title="Simulated local servers: nothing real is contacted">demo</span>}
      </div>
      <nav className="tabs" aria-label="Screens">
        {TABS.map((t) => (
          <button
            key={t.screen}
            className={screen === t.screen ? 'tab active' : 'tab'}
            aria-current={screen === t.screen ? 'page' : undefined}
            onClick={() => show(t.screen)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <label className={info?.offline ? 'offline-switch on' : 'offline-switch'}>
        <input
          type="checkbox"
          checked={info?.offline ?? false}
          onChange={(e) => void setOffline(e.target.checked)}
        />
        {info?.offline ? 'Offline: local models only' : 'Online'}
      </label>
    </header>
  );
}
