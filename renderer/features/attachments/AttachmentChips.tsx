import type { Attachment } from '../../../shared/types';
import { AttachmentChip } from './AttachmentChip';
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
            // The name follows the thumbnail, so the image itself needs no text.
            <AttachmentChip key={a.id} attachment={a} imageAlt="">
              <button type="button" className="ghost chip-remove" aria-label={`Remove ${a.name}`} onClick={() => onRemove(a.id)}>
                ×
              </button>
            </AttachmentChip>
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
