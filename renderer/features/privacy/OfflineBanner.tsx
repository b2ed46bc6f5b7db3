// Shown under the top bar for as long as offline mode is on.
import { WifiOff } from 'lucide-react';
import { useApp } from '../../state/app-store';
import './privacy.css';

export function OfflineBanner() {
  const offline = useApp((s) => s.info?.offline ?? false);
  const setOffline = useApp((s) => s.setOffline);
  if (!offline) return null;
  return (
    <div className="offline-banner" role="status" aria-label="Offline mode">
      <WifiOff size={16} aria-hidden />
      <span>
        <strong>Offline mode is on.</strong> Remote models are off: Enclave contacts nothing but this machine. To use them again, switch “Offline mode” off in the top bar, or
      </span>
      <button type="button" onClick={() => void setOffline(false)}>
        Go online
      </button>
    </div>
  );
}
