// The composer's check before sending: returns the text to send (as typed, or redacted), or null
// when the message should stay in the composer.
import { useCallback } from 'react';
import { call } from '../../bridge/api';
import { redact } from '../../../shared/sensitive/redact';
import { useApp } from '../../state/app-store';
import { useConnections } from '../../state/connections-store';
import { useConversations } from '../../state/conversations-store';
import { findingsBeforeSend } from './gate-check';
import { useGate } from './gate-store';
import { firstBuiltinModel, lockToLocal } from './lock-actions';

export function useSendGate(): (content: string) => Promise<string | null> {
  return useCallback(async (content: string) => {
    const model = useConversations.getState().model;
    const connection = useConnections.getState().connections.find((c) => c.id === model?.connectionId);
    if (connection?.local) return content;
    // Read fresh each time so a change on the privacy screen applies at once; if that fails,
    // check with every category on rather than not at all.
    const prefs = await call('getPreferences', {}).catch(() => undefined);
    const findings = findingsBeforeSend(content, connection, prefs?.sensitive);
    if (findings.length === 0) return content;
    const builtin = firstBuiltinModel();
    const choice = await useGate.getState().ask({ content, findings, connectionName: connection?.name ?? 'a remote model', ...(builtin ? { builtinName: builtin.name } : {}) });
    switch (choice) {
      case 'send':
        return content;
      case 'redact':
        return redact(content, findings);
      case 'local':
        if (!(await lockToLocal())) useApp.getState().toast('Locked to local models, but none is set up yet: add one in Connections.');
        return null;
      case 'builtin':
        // The same words, to the model running inside Enclave: nothing leaves the computer.
        if (!builtin) return null;
        useConversations.getState().setModel(builtin.ref);
        return content;
      case 'cancel':
        return null;
    }
  }, []);
}
