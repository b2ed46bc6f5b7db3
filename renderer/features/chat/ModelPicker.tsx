import { ChevronDown } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ModelRef } from '../../../shared/types';
import { useApp } from '../../state/app-store';
import { modelsListing, useConnections } from '../../state/connections-store';
import { confirmRemote, lastUsedModel, remoteSwitchNeedsConfirm } from '../../state/conversation-model';
import { useConversations } from '../../state/conversations-store';
import { usePreferences } from '../../state/preferences-store';
import { ModelPopover } from '../palette/ModelPopover';
import { useOverlays } from '../palette/ui-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { remoteUnavailable } from './remote-unavailable';

/** The composer's model button; opens the searchable list (also from the palette). */
export function ModelPicker() {
  const connections = useConnections((s) => s.connections);
  const models = useConnections((s) => s.models);
  const model = useConversations((s) => s.model);
  const setModel = useConversations((s) => s.setModel);
  const localOnly = useConversations((s) => s.conversation?.localOnly ?? false);
  const offline = useApp((s) => s.info?.offline ?? false);
  const [asking, setAsking] = useState<ModelRef>();
  const recent = usePreferences((s) => s.prefs?.recentModels);
  const open = useOverlays((s) => s.open === 'picker');
  const triggerRef = useRef<HTMLButtonElement>(null);

  // Pick a model when none is chosen yet: the most recent one still available, else the first.
  useEffect(() => {
    if (model) return;
    const allowed = (ref: ModelRef) => {
      const c = connections.find((x) => x.id === ref.connectionId);
      return !!c && (!remoteUnavailable(offline, localOnly) || c.local) && !!models[c.id]?.models.some((m) => m.id === ref.modelId);
    };
    const firsts = connections.flatMap((c) => (models[c.id]?.models[0] ? [{ connectionId: c.id, modelId: models[c.id]!.models[0]!.id }] : []));
    const pick = [...(recent ?? []), ...firsts].find(allowed);
    if (pick) setModel(pick);
  }, [connections, models, model, setModel, localOnly, offline, recent]);

  const close = useCallback(() => {
    useOverlays.getState().close('picker');
    triggerRef.current?.focus();
  }, []);

  const choose = (ref: ModelRef) => {
    close();
    const { activeId, messages, conversation } = useConversations.getState();
    const lastUsed = lastUsedModel(messages, conversation?.currentLeafId ?? null);
    if (remoteSwitchNeedsConfirm({ conversationId: activeId, lastUsed, next: ref, connections })) setAsking(ref);
    else setModel(ref);
  };

  const conn = connections.find((c) => c.id === model?.connectionId);
  const askingConn = connections.find((c) => c.id === asking?.connectionId);
  const lastUsedName = asking ? lastUsedModel(useConversations.getState().messages, useConversations.getState().conversation?.currentLeafId ?? null)?.modelId : undefined;
  const listing = modelsListing({ connections, models });
  const label = model ? model.modelId : listing ? 'Loading models…' : 'Choose a model…';
  return (
    <div className="model-picker-anchor">
      <button
        ref={triggerRef}
        type="button"
        className="model-trigger"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={model ? `Model: ${model.modelId}${conn ? ` via ${conn.name}` : ''}` : listing ? 'Model: loading models' : 'Model: none chosen'}
        onClick={() => (open ? close() : useOverlays.getState().show('picker'))}
      >
        <span className="model-trigger-name">{label}</span>
        {conn && <span className={conn.local ? 'badge local' : 'badge remote'}>{conn.local ? 'local' : 'remote'}</span>}
        <ChevronDown className="muted" size={14} aria-hidden />
      </button>
      {open && <ModelPopover current={model} remoteUnavailable={remoteUnavailable(offline, localOnly)} onClose={close} onChoose={choose} />}
      {asking && (
        <ConfirmDialog
          title="Send this conversation to a remote model?"
          confirmLabel={`Use ${asking.modelId}`}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            const id = useConversations.getState().activeId;
            if (id) confirmRemote(id);
            setModel(asking);
            setAsking(undefined);
          }}
        >
          <p>
            This conversation has been using {lastUsedName ?? 'a model'} on this computer. From your next message, the conversation so far goes to{' '}
            {askingConn?.name ?? 'a remote provider'}
            {askingConn?.baseUrl ? ` (${hostOf(askingConn.baseUrl)})` : ''} as context.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
