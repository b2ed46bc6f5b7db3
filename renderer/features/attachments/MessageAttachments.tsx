import type { Attachment } from '../../../shared/types';
import { formatBytes } from './attachment-rules';
import { FileIcon } from './icons';
import './attachments.css';

/** What a sent message carried: image thumbnails and file names. Read-only. */
export function MessageAttachments({ items }: { items: readonly Attachment[] | undefined }) {
  if (!items?.length) return null;
  return (
    <ul className="chips message-attachments" aria-label="Attached files">
      {items.map((a) => (
        <li key={a.id} className="chip">
          {a.kind === 'image' ? (
            <img className="chip-thumb" src={`data:${a.mimeType};base64,${a.data}`} alt={a.name} />
          ) : (
            <span className="chip-icon">
              <FileIcon />
            </span>
          )}
          <span className="chip-name" title={a.name}>
            {a.name}
          </span>
          <span className="muted small">{formatBytes(a.size)}</span>
        </li>
      ))}
    </ul>
  );
}
