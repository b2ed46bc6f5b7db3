import type { ReactNode } from 'react';
import type { Attachment } from '../../../shared/types';
import { formatBytes } from './attachment-rules';
import { FileIcon } from './icons';
import './attachments.css';

/** One attachment as a chip: a thumbnail (images) or a file icon, its name and size, then `children` (actions). */
export function AttachmentChip({ attachment: a, imageAlt, children }: { attachment: Attachment; imageAlt: string; children?: ReactNode }) {
  return (
    <li className="chip">
      {a.kind === 'image' ? (
        <img className="chip-thumb" src={`data:${a.mimeType};base64,${a.data}`} alt={imageAlt} />
      ) : (
        <span className="chip-icon">
          <FileIcon />
        </span>
      )}
      <span className="chip-name" title={a.name}>
        {a.name}
      </span>
      <span className="muted small">{formatBytes(a.size)}</span>
      {children}
    </li>
  );
}
