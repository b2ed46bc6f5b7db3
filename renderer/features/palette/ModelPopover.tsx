import { TriangleExclamationPoint } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ModelRef } from '../../../shared/types';
import { useApp } from '../../state/app-store';
import { modelsListing, useConnections } from '../../state/connections-store';
import { NO_MODELS, sameModel, usePreferences } from '../../state/preferences-store';
import { modelSections, type ModelOption } from './model-options';
import { ModelOptionRow } from './ModelOptionRow';
import { isMacPlatform } from './shortcuts';
import './model-picker.css';

interface Props {
  current?: ModelRef;
  /** Why remote models cannot be chosen now, if they cannot. */
  remoteUnavailable?: string;
  onChoose(ref: ModelRef): void;
  onClose(): void;
}

const optionId = (key: string) => `model-opt-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

/** The searchable model list: a combobox (the search box) that owns a grouped listbox. */
export function ModelPopover({ current, remoteUnavailable, onChoose, onClose }: Props) {
  const connections = useConnections((s) => s.connections);
  const models = useConnections((s) => s.models);
  const favorites = usePreferences((s) => s.prefs?.favorites ?? NO_MODELS);
  const recent = usePreferences((s) => s.prefs?.recentModels ?? NO_MODELS);
  const toggleFavorite = usePreferences((s) => s.toggleFavorite);
  const [query, setQuery] = useState('');
  const sections = useMemo(
    () => modelSections({ connections, models, favorites, recent, ...(remoteUnavailable ? { remoteUnavailable } : {}), query }),
    [connections, models, favorites, recent, remoteUnavailable, query],
  );
  const enabled = useMemo(() => sections.flatMap((s) => s.options).filter((o) => !o.disabled), [sections]);
  const [activeKey, setActiveKey] = useState<string>();
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const active = enabled.find((o) => o.key === activeKey) ?? enabled.find((o) => current && sameModel(o.ref, current)) ?? enabled[0];

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    if (active) document.getElementById(optionId(active.key))?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);

  const move = (delta: number) => {
    if (enabled.length === 0) return;
    const i = active ? enabled.indexOf(active) : -1;
    setActiveKey(enabled[(i + delta + enabled.length) % enabled.length]!.key);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const mod = isMacPlatform(navigator.platform) ? e.metaKey : e.ctrlKey;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') move(e.key === 'ArrowDown' ? 1 : -1);
    else if (e.key === 'Home' && enabled[0]) setActiveKey(enabled[0].key);
    else if (e.key === 'End' && enabled.at(-1)) setActiveKey(enabled.at(-1)!.key);
    else if (e.key === 'Enter' && active) onChoose(active.ref);
    else if (e.key === 'Escape') onClose();
    else if (mod && e.key.toLowerCase() === 'd' && active) void toggleFavorite(active.ref);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const loading = modelsListing({ connections, models });
  const errors = connections.filter((c) => models[c.id]?.error).map((c) => `${c.name}: ${models[c.id]!.error}`);

  return (
    <div className="model-popover" ref={rootRef} role="dialog" aria-label="Choose a model">
      <input
        ref={inputRef}
        className="model-search"
        role="combobox"
        aria-expanded="true"
        aria-controls="model-listbox"
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(active.key) : undefined}
        aria-label="Search models"
        placeholder="Search models…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActiveKey(undefined);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="model-listbox" role="listbox" aria-label="Models" className="model-listbox">
        {sections.map((s) => (
          <li key={s.id} role="presentation">
            <div className="model-group-label" id={`grp-${s.id}`} aria-hidden>
              {s.label}
            </div>
            <ul role="group" aria-labelledby={`grp-${s.id}`}>
              {s.options.map((o: ModelOption) => (
                <ModelOptionRow
                  key={o.key}
                  id={optionId(o.key)}
                  option={o}
                  active={o.key === active?.key}
                  selected={!!current && sameModel(o.ref, current)}
                  onChoose={() => onChoose(o.ref)}
                  onHover={() => !o.disabled && o.key !== active?.key && setActiveKey(o.key)}
                  onStar={() => void toggleFavorite(o.ref)}
                />
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {sections.length === 0 && (
        <div className="model-empty" role="status">
          {connections.length === 0 ? (
            <>
              <p>No connections yet.</p>
              <button
                type="button"
                onClick={() => {
                  onClose();
                  useApp.getState().showAddConnection();
                }}
              >
                Add a connection
              </button>
            </>
          ) : loading ? (
            <p>Loading models…</p>
          ) : query ? (
            <p>No model matches “{query}”.</p>
          ) : (
            <p>No models found. Check your connections.</p>
          )}
        </div>
      )}
      {errors.map((e) => (
        <p key={e} className="error-text small model-error" role="alert">
          <TriangleExclamationPoint size={14} aria-hidden /> {e}
        </p>
      ))}
      <div className="model-popover-foot muted small" aria-hidden>
        ↑↓ move · Enter choose · {isMacPlatform(navigator.platform) ? '⌘D' : 'Ctrl+D'} favourite · Esc close
      </div>
    </div>
  );
}
