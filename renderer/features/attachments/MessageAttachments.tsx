import type { Attachment } from '../../../shared/types';
import { AttachmentChip } from './AttachmentChip';
import './attachments.css';

/** What a sent message carried: image thumbnails and file names. Read-only. */
export function MessageAttachments({ items }: { items: readonly Attachment[] | undefined }) {
  if (!items?.length) return null;
  return (
    <ul className="chips message-attachments" aria-label="Attached files">
      {items.map((a) => (
        <AttachmentChip key={a.id} attachment={a} imageAlt={a.name} />
      ))}
    </ul>
  );
}
