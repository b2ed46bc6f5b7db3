import { useState } from 'react';
import { usePreferences } from '../../state/preferences-store';
import { parsePresets, presetsToJson, type Preset } from './presets';

/** Import presets from a JSON file; export them as JSON to copy (the app has no downloads). */
export function PresetTransfer({ presets }: { presets: Preset[] }) {
  const update = usePreferences((s) => s.update);
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [showJson, setShowJson] = useState(false);
  const [copied, setCopied] = useState(false);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 2 * 1024 * 1024) return setResult({ ok: false, text: 'That file is larger than 2 MB; a presets file is much smaller.' });
    const parsed = parsePresets(await file.text(), presets, () => crypto.randomUUID());
    if (!parsed.ok) return setResult({ ok: false, text: parsed.message });
    const saved = await update({ presets: [...presets, ...parsed.presets].slice(0, 200) });
    if (saved) setResult({ ok: true, text: `Imported ${parsed.presets.length} preset${parsed.presets.length === 1 ? '' : 's'}.` });
  };

  return (
    <div className="preset-transfer">
      <div className="row">
        <label className="file-button">
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            onChange={(e) => {
              void importFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <span aria-hidden>Import JSON…</span>
          <span className="visually-hidden">Import presets from a JSON file</span>
        </label>
        <button type="button" aria-expanded={showJson} onClick={() => setShowJson((v) => !v)} disabled={presets.length === 0}>
          {showJson ? 'Hide export' : 'Export as JSON'}
        </button>
      </div>
      {result && (
        <p className={result.ok ? 'ok-text small' : 'error-text small'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
      {showJson && (
        <div className="export-box">
          <textarea readOnly aria-label="Presets as JSON" value={presetsToJson(presets)} rows={8} onFocus={(e) => e.target.select()} />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(presetsToJson(presets)).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
    </div>
  );
}
