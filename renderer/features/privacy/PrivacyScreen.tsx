// The privacy screen: what left the machine (summary and ledger), what never does, and the
// user's privacy settings (local-only default, sensitive-data check).
import { useEffect } from 'react';
import { usePreferences } from '../../state/preferences-store';
import { usePrivacy } from '../../state/privacy-store';
import { HealthSection } from '../failover/HealthSection';
import { LedgerSection } from './LedgerSection';
import { AppLockSettings } from '../lock/AppLockSettings';
import { EncryptedBackup } from '../lock/EncryptedBackup';
import '../lock/lock.css';
import { LockDefaultSetting } from './LockDefaultSetting';
import { NeverLeaves } from './NeverLeaves';
import { AtRest } from './AtRest';
import { PrivacySummary } from './PrivacySummary';
import { SensitiveSettings } from './SensitiveSettings';
import './privacy.css';

export function PrivacyScreen() {
  useEffect(() => {
    void usePrivacy.getState().load();
    void usePreferences.getState().load();
  }, []);
  const loading = usePrivacy((s) => s.ledger.kind === 'loading');

  return (
    <div className="screen privacy">
      <div className="screen-header">
        <h1>Privacy</h1>
        <button type="button" onClick={() => void usePrivacy.getState().load()} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <div className="privacy-top">
        <PrivacySummary />
        <NeverLeaves />
      </div>
      <AtRest />
      <LedgerSection />
      <HealthSection />
      <div className="privacy-settings">
        <AppLockSettings />
        <EncryptedBackup />
        <LockDefaultSetting />
        <SensitiveSettings />
      </div>
    </div>
  );
}
