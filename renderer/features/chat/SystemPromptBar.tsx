// The conversation's instructions, visible under its title: the active system prompt (and the
// preset it comes from) and the temperature, each editable in place.
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../bridge/api';
import { useApp } from '../../state/app-store';
import { useConversations } from '../../state/conversations-store';
import { NO_PRESETS, usePreferences } from '../../state/preferences-store';
import { activePreset } from '../settings/active-preset';
import { TemperatureControl } from './TemperatureControl';

export function SystemPromptBar() {
  const conversation = useConversations((s) => s.conversation);
  const presets = usePreferences((s) => s.prefs?.presets ?? NO_PRESETS);
  const show = useApp((s) => s.show);
  const toast = useApp((s) => s.toast);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const prompt = conversation?.systemPrompt ?? '';
  const preset = activePreset(presets, prompt);
  useEffect(() => setEditing(false), [conversation?.id]);

  const save = async () => {
    try {
      const store = useConversations.getState();
      const id = store.activeId ?? (await store.newConversation()).id;
      await call('updateConversation', { id, systemPrompt: draft.trim() });
      await store.refresh();
      setEditing(false);
    } catch (err) {
      toast(`Could not save the system prompt: ${errorMessage(err)}`);
    }
  };

  if (editing) {
    return (
      <div className="system-prompt-bar editing">
        <label htmlFor="system-prompt-edit" className="small">
          System prompt for this conversation
        </label>
        <textarea
          id="system-prompt-edit"
          rows={3}
          value={draft}
          placeholder="For example: Answer briefly, in plain English."
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
        />
        <div className="row">
          <button type="button" className="primary" onClick={() => void save()}>
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="system-prompt-bar" role="group" aria-label="System prompt">
      <span className="muted small">System prompt:</span>
      <span className="system-prompt-text small" title={prompt || undefined}>
        {prompt || <em className="muted">none</em>}
      </span>
      {preset && <span className="muted small">from preset “{preset.name}”</span>}
      <button
        type="button"
        className="ghost small"
        onClick={() => {
          setDraft(prompt);
          setEditing(true);
        }}
      >
        {prompt ? 'Edit' : 'Add'}
      </button>
      <TemperatureControl presetTemperature={preset?.temperature} />
      <button type="button" className="ghost small" onClick={() => show('settings')} title="Presets set a system prompt and a temperature">
        Presets…
      </button>
    </div>
  );
}
