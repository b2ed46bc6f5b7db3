export function Reasoning({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <details className="reasoning">
      <summary>{streaming ? 'Thinking…' : 'Reasoning'}</summary>
      <div className="reasoning-text">{text.trim()}</div>
    </details>
  );
}
