// Placeholder: being built.
export function PrivacyScreen() {
  return <div className="screen"><h1>Privacy</h1></div>;
}
