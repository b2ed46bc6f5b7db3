import { useEffect, useState } from 'react';

/** "waiting for first token — 12 s", ticking, so the user can judge when to press Stop. */
export function FirstTokenWait({ since }: { since: number }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return (
    <span role="status" aria-label="Waiting for the first token">
      <span className="typing">●●●</span> <span className="muted small">waiting for first token — {seconds} s</span>
    </span>
  );
}
