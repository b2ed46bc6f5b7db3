// Placeholder: being built.
export function CompareScreen() {
  return <div className="screen"><h1>Compare</h1></div>;
}
