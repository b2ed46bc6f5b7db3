import { useEffect, useState } from 'react';
import { useApp } from '../../state/app-store';
import { useCompare } from '../../state/compare-store';
import { useConnections } from '../../state/connections-store';
import { usePreferences } from '../../state/preferences-store';

/** Saved compare sets ("my usual four"): load one, save the current choice, delete one (with undo). */
export function CompareSets() {
  const prefs = usePreferences((s) => s.prefs);
  const update = usePreferences((s) => s.update);
  const chosen = useCompare((s) => s.models);
  const setModels = useCompare((s) => s.setModels);
  const connections = useConnections((s) => s.connections);
  const toast = useApp((s) => s.toast);
  const [selected, setSelected] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const sets = prefs?.compareSets ?? [];

  useEffect(() => {
    if (!usePreferences.getState().prefs) void usePreferences.getState().load();
  }, []);

  const load = (id: string) => {
    setSelected(id);
    const set = sets.find((s) => s.id === id);
    if (!set) return;
    const usable = set.models.filter((m) => connections.some((c) => c.id === m.connectionId));
    setModels(usable);
    if (usable.length < set.models.length) toast(`${set.models.length - usable.length} model(s) of "${set.name}" belong to a connection that was removed.`);
  };

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const id = crypto.randomUUID();
    if (await update({ compareSets: [...sets, { id, name: trimmed, models: chosen }] })) {
      setSelected(id);
      setNaming(false);
      setName('');
    }
  };

  const remove = async () => {
    const removed = sets.find((s) => s.id === selected);
    if (!removed) return;
    if (await update({ compareSets: sets.filter((s) => s.id !== selected) })) {
      setSelected('');
      toast(`Deleted the set "${removed.name}".`, {
        label: 'Undo',
        run: () => void update({ compareSets: [...(usePreferences.getState().prefs?.compareSets ?? []), removed] }),
      });
    }
  };

  if (naming) {
    return (
      // Not a <form>: the renderer's sandbox blocks form submission, so keys and clicks act directly.
      <div className="cmp-sets" role="group" aria-label="Save compare set">
        <input
          autoFocus
          aria-label="Set name"
          placeholder="My usual four"
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setNaming(false);
            else if (e.key === 'Enter' && !e.nativeEvent.isComposing) void save();
          }}
        />
        <button type="button" className="primary" disabled={!name.trim()} onClick={() => void save()}>
          Save
        </button>
        <button type="button" className="ghost" onClick={() => setNaming(false)}>
          Cancel
        </button>
      </div>
    );
  }

  return (
    <div className="cmp-sets">
      <select aria-label="Saved compare sets" value={selected} onChange={(e) => load(e.target.value)} disabled={!prefs}>
        <option value="">{!prefs ? 'Loading sets…' : sets.length === 0 ? 'No saved sets' : 'Load a saved set…'}</option>
        {sets.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.models.length})
          </option>
        ))}
      </select>
      <button className="ghost" disabled={chosen.length === 0} onClick={() => setNaming(true)} title="Save the chosen models as a set">
        Save set…
      </button>
      <button className="ghost danger" disabled={!selected} onClick={() => void remove()} aria-label="Delete the selected set">
        Delete set
      </button>
    </div>
  );
}
