import { useState } from 'react';
import { useApp } from '../../state/app-store';
import { usePreferences } from '../../state/preferences-store';
import { PresetForm } from './PresetForm';
import { PresetTransfer } from './PresetTransfer';
import type { Preset } from './presets';

export function PresetsSection({ presets }: { presets: Preset[] }) {
  const update = usePreferences((s) => s.update);
  const toast = useApp((s) => s.toast);
  const [editing, setEditing] = useState<string | 'new'>();

  const save = async (id: string | 'new', data: Omit<Preset, 'id'>) => {
    const next = id === 'new' ? [...presets, { id: crypto.randomUUID(), ...data }] : presets.map((p) => (p.id === id ? { id, ...data } : p));
    if (await update({ presets: next })) setEditing(undefined);
  };

  const remove = async (preset: Preset) => {
    if (!(await update({ presets: presets.filter((p) => p.id !== preset.id) }))) return;
    toast(`Deleted preset “${preset.name}”.`, {
      label: 'Undo',
      run: () => void update({ presets: [...(usePreferences.getState().prefs?.presets ?? []), preset] }),
    });
  };

  return (
    <section className="settings-section" aria-labelledby="presets-title">
      <div className="row spread">
        <h2 id="presets-title">System prompt presets</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')} disabled={editing === 'new'}>
          + New preset
        </button>
      </div>
      <p className="muted small">A preset sets a conversation’s system prompt, and its temperature and length limit when you send. Choose one beside the model picker.</p>
      {editing === 'new' && <PresetForm onSave={(d) => void save('new', d)} onCancel={() => setEditing(undefined)} />}
      {presets.length === 0 && editing !== 'new' && <p className="empty small">No presets yet. Create one, or import a JSON file.</p>}
      <ul className="preset-list">
        {presets.map((p) =>
          editing === p.id ? (
            <li key={p.id}>
              <PresetForm initial={p} onSave={(d) => void save(p.id, d)} onCancel={() => setEditing(undefined)} />
            </li>
          ) : (
            <li key={p.id} className="preset-row card">
              <div className="preset-text">
                <strong>{p.name}</strong>
                <span className="muted small preset-prompt">{p.systemPrompt || 'No system prompt'}</span>
                <span className="muted small">
                  {p.temperature !== undefined ? `temperature ${p.temperature}` : 'default temperature'}
                  {p.maxTokens !== undefined ? ` · max ${p.maxTokens} tokens` : ''}
                </span>
              </div>
              <div className="row">
                <button type="button" onClick={() => setEditing(p.id)} aria-label={`Edit preset ${p.name}`}>
                  Edit
                </button>
                <button type="button" className="danger" onClick={() => void remove(p)} aria-label={`Delete preset ${p.name}`}>
                  Delete
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      <PresetTransfer presets={presets} />
    </section>
  );
}
