// Placeholder: being built.
export function SettingsScreen() {
  return <div className="screen"><h1>Settings</h1></div>;
}
