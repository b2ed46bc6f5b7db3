// The chat header's lock: one click to keep a conversation on this machine, a question before
// letting it reach remote models again.
import { useEffect, useState } from 'react';
import { errorMessage } from '../../bridge/api';
import { useApp } from '../../state/app-store';
import { useConversations } from '../../state/conversations-store';
import { usePreferences } from '../../state/preferences-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { lockToLocal, setLocalOnly } from './lock-actions';
import './privacy.css';

function LockIcon({ open }: { open: boolean }) {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden>
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d={open ? 'M5.5 7V5a2.5 2.5 0 0 1 5-0.5' : 'M5.5 7V5a2.5 2.5 0 0 1 5 0v2'} fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

const NO_LOCAL = 'Locked to local models, but none is set up yet: add Ollama or LM Studio in Connections.';

export function LockToggle() {
  const conversation = useConversations((s) => s.conversation);
  const defaultLocal = usePreferences((s) => s.prefs?.defaultLocalOnly ?? false);
  const offline = useApp((s) => s.info?.offline ?? false);
  const toast = useApp((s) => s.toast);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!usePreferences.getState().prefs) void usePreferences.getState().load();
  }, []);
  // A chat not created yet will get the default when its first message creates it.
  const locked = conversation?.localOnly ?? defaultLocal;

  const run = async (op: () => Promise<void>) => {
    setBusy(true);
    try {
      await op();
    } catch (err) {
      toast(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={locked ? 'lock-toggle locked' : 'lock-toggle'}
        aria-pressed={locked}
        disabled={busy}
        title={
          locked
            ? 'Only local models can be used in this conversation. Click to allow remote models.'
            : offline
              ? 'Offline mode is on, so only local models can be used now. Click to keep this conversation local even when back online.'
              : 'Remote models are allowed. Click to keep this conversation on this machine.'
        }
        onClick={() => {
          if (locked) setAsking(true);
          else
            void run(async () => {
              if (!(await lockToLocal())) toast(NO_LOCAL);
            });
        }}
      >
        <LockIcon open={!locked && !offline} /> {locked ? 'Local only' : offline ? 'Local only while offline' : 'Remote allowed'}
      </button>
      {asking && (
        <ConfirmDialog
          title="Allow remote models in this conversation?"
          confirmLabel="Allow remote models"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void run(() => setLocalOnly(false));
          }}
        >
          <p>
            Messages you send after this may go to providers outside this computer, with the conversation so far as context. Offline mode and the sensitive-data check still apply.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
