import { useEffect, useState } from 'react';

/** performance.now(), re-read every `ms` while `active`, so a running clock shows time passing between tokens. */
export function useNow(active: boolean, ms = 250): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now;
}
