import { useState } from 'react';
import type { Preset } from './presets';

interface Props {
  initial?: Preset;
  onSave(preset: Omit<Preset, 'id'>): void;
  onCancel(): void;
}

/** Reads an optional number field: '' = not set; anything else must parse and fit. */
function optionalNumber(raw: string, min: number, max: number, integer: boolean): number | undefined | 'invalid' {
  if (raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) return 'invalid';
  return n;
}

export function PresetForm({ initial, onSave, onCancel }: Props) {
  const [name, setName] = useState(initial?.name ?? '');
  const [systemPrompt, setSystemPrompt] = useState(initial?.systemPrompt ?? '');
  const [temperature, setTemperature] = useState(initial?.temperature?.toString() ?? '');
  const [maxTokens, setMaxTokens] = useState(initial?.maxTokens?.toString() ?? '');
  const [problem, setProblem] = useState<string>();

  const save = () => {
    const t = optionalNumber(temperature, 0, 2, false);
    const m = optionalNumber(maxTokens, 1, 1_000_000, true);
    if (name.trim() === '') return setProblem('Give the preset a name.');
    if (t === 'invalid') return setProblem('Temperature is a number from 0 to 2, or empty for the model’s default.');
    if (m === 'invalid') return setProblem('Max tokens is a whole number from 1 to 1,000,000, or empty.');
    onSave({ name: name.trim(), systemPrompt, ...(t !== undefined ? { temperature: t } : {}), ...(m !== undefined ? { maxTokens: m } : {}) });
  };

  return (
    // Not a <form>: the renderer's sandbox blocks form submission, so Enter and clicks act directly.
    <div
      className="preset-form card"
      role="form"
      aria-label={initial ? `Edit preset ${initial.name}` : 'New preset'}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
          e.preventDefault();
          save();
        } else if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label>
        Name
        <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <label>
        System prompt
        <textarea value={systemPrompt} rows={5} maxLength={20000} onChange={(e) => setSystemPrompt(e.target.value)} placeholder="You are a concise assistant…" />
      </label>
      <div className="row">
        <label>
          Temperature <span className="muted small">(0–2, optional)</span>
          <input inputMode="decimal" value={temperature} onChange={(e) => setTemperature(e.target.value)} placeholder="default" />
        </label>
        <label>
          Max tokens <span className="muted small">(optional)</span>
          <input inputMode="numeric" value={maxTokens} onChange={(e) => setMaxTokens(e.target.value)} placeholder="default" />
        </label>
      </div>
      {problem && (
        <p className="error-text small" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={save}>
          Save preset
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
