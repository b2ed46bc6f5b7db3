// The conversation's temperature, beside its system prompt: shown when one is active (its own, or
// the preset's), set or cleared in place. Stored with the conversation; every turn sends it.
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../bridge/api';
import { useApp } from '../../state/app-store';
import { useConversations } from '../../state/conversations-store';
import { parseTemperature, TEMPERATURE_HINT, TEMPERATURE_LIMITS } from './temperature';

export function TemperatureControl({ presetTemperature }: { presetTemperature?: number | undefined }) {
  const conversation = useConversations((s) => s.conversation);
  const toast = useApp((s) => s.toast);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string>();
  useEffect(() => setEditing(false), [conversation?.id]);
  const own = conversation?.temperature;

  const save = async (value: number | null) => {
    try {
      const store = useConversations.getState();
      const id = store.activeId ?? (await store.newConversation()).id;
      await call('updateConversation', { id, temperature: value });
      await store.refresh();
      setEditing(false);
    } catch (err) {
      toast(`Could not save the temperature: ${errorMessage(err)}`);
    }
  };

  const submit = () => {
    const parsed = parseTemperature(draft);
    if (parsed.kind === 'invalid') return setProblem(parsed.message);
    void save(parsed.kind === 'default' ? null : parsed.value);
  };

  const label = own !== undefined ? `Temperature ${own}` : presetTemperature !== undefined ? `Temperature ${presetTemperature} (preset)` : 'Temperature: default';
  return (
    <span className="temperature-control">
      <button
        type="button"
        className={own !== undefined || presetTemperature !== undefined ? 'temperature-chip active small' : 'temperature-chip small'}
        title="Sent with every reply in this conversation. Lower is more focused, higher more varied."
        aria-expanded={editing}
        onClick={() => {
          setDraft(own?.toString() ?? presetTemperature?.toString() ?? '');
          setProblem(undefined);
          setEditing(!editing);
        }}
      >
        {label}
      </button>
      {editing && (
        <form
          className="temperature-edit"
          aria-label="Temperature"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <span className="temperature-title small">Temperature for this conversation</span>
          <input
            id="temperature-range"
            type="range"
            min={0}
            max={2}
            step={0.1}
            aria-label="Temperature slider"
            value={draft === '' ? 1 : Number(draft) || 0}
            onChange={(e) => {
              setDraft(e.target.value);
              setProblem(undefined);
            }}
          />
          <input
            className="temperature-number"
            inputMode="decimal"
            aria-label="Temperature value"
            placeholder="default"
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setProblem(undefined);
            }}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
          <button type="submit" className="primary small">
            Save
          </button>
          <button type="button" className="small" onClick={() => void save(null)} title="Let the provider choose">
            Use default
          </button>
          <button type="button" className="ghost small" onClick={() => setEditing(false)}>
            Cancel
          </button>
          <span className={problem ? 'error-text small' : 'muted small'} role={problem ? 'alert' : undefined}>
            {problem ?? TEMPERATURE_HINT}
          </span>
          <span className="muted small">{TEMPERATURE_LIMITS}</span>
        </form>
      )}
    </span>
  );
}
