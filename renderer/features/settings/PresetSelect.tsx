import { call, errorMessage } from '../../bridge/api';
import { useApp } from '../../state/app-store';
import { useConversations } from '../../state/conversations-store';
import { NO_PRESETS, usePreferences } from '../../state/preferences-store';
import { activePreset } from './active-preset';
import './settings.css';

/** Chooses the conversation's preset, which sets its system prompt. */
export function PresetSelect() {
  const presets = usePreferences((s) => s.prefs?.presets ?? NO_PRESETS);
  const conversation = useConversations((s) => s.conversation);
  const toast = useApp((s) => s.toast);
  const show = useApp((s) => s.show);
  const current = activePreset(presets, conversation?.systemPrompt);
  const custom = !!conversation?.systemPrompt && !current;

  const choose = async (value: string) => {
    if (value === '__manage') {
      show('settings');
      return;
    }
    const preset = presets.find((p) => p.id === value);
    try {
      const store = useConversations.getState();
      const id = store.activeId ?? (await store.newConversation()).id;
      await call('updateConversation', { id, systemPrompt: preset?.systemPrompt ?? '' });
      await store.refresh();
    } catch (err) {
      toast(`Could not set the preset: ${errorMessage(err)}`);
    }
  };

  return (
    <select
      className="preset-select"
      aria-label="Preset"
      title={conversation?.systemPrompt ? `System prompt: ${conversation.systemPrompt.slice(0, 300)}` : 'No system prompt'}
      value={current?.id ?? (custom ? '__custom' : '')}
      onChange={(e) => void choose(e.target.value)}
    >
      <option value="">No preset</option>
      {custom && (
        <option value="__custom" disabled>
          Custom prompt
        </option>
      )}
      {presets.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
      <option value="__manage">Manage presets…</option>
    </select>
  );
}
