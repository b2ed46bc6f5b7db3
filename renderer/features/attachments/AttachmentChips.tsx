import type { Attachment } from '../../../shared/types';
import { formatBytes } from './attachment-rules';
import { FileIcon } from './icons';
import './attachments.css';

interface Props {
  items: Attachment[];
  errors: string[];
  reading: boolean;
  onRemove(id: string): void;
  onDismissErrors(): void;
}

export function AttachmentChips({ items, errors, reading, onRemove, onDismissErrors }: Props) {
  if (items.length === 0 && errors.length === 0 && !reading) return null;
  return (
    <div className="attachments">
      {(items.length > 0 || reading) && (
        <ul className="chips" aria-label="Attachments">
          {items.map((a) => (
            <li key={a.id} className="chip">
              {a.kind === 'image' ? (
                <img className="chip-thumb" src={`data:${a.mimeType};base64,${a.data}`} alt="" />
              ) : (
                <span className="chip-icon">
                  <FileIcon />
                </span>
              )}
              <span className="chip-name" title={a.name}>
                {a.name}
              </span>
              <span className="muted small">{formatBytes(a.size)}</span>
              <button type="button" className="ghost chip-remove" aria-label={`Remove ${a.name}`} onClick={() => onRemove(a.id)}>
                ×
              </button>
            </li>
          ))}
          {reading && (
            <li className="chip muted" role="status">
              Reading…
            </li>
          )}
        </ul>
      )}
      {errors.length > 0 && (
        <div className="attach-errors" role="alert">
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <button type="button" className="ghost" aria-label="Dismiss attachment errors" onClick={onDismissErrors}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
