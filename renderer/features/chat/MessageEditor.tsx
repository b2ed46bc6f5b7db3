import { useState } from 'react';
import type { Message } from '../../../shared/types';
import { errorMessage } from '../../bridge/api';
import { useApp } from '../../state/app-store';
import { useConversations } from '../../state/conversations-store';
import { useMessageEdit } from './edit-store';
import '../history/history.css';

/**
 * Edits a sent message without losing the original: saving sends the new text as a sibling
 * (same parent), so both versions stay in the tree and ‹ 1/2 › switches between them.
 */
export function MessageEditor({ message }: { message: Message }) {
  const [text, setText] = useState(message.content);
  const [sending, setSending] = useState(false);
  const cancel = useMessageEdit((s) => s.cancel);
  const changed = text.trim() !== '' && text.trim() !== message.content.trim();

  const save = async () => {
    if (!changed || sending) return;
    setSending(true);
    try {
      const extra = message.attachments?.length ? { attachments: message.attachments } : {};
      await useConversations.getState().send(text.trim(), message.parentId, extra);
      cancel();
    } catch (err) {
      useApp.getState().toast(errorMessage(err));
      setSending(false);
    }
  };

  return (
    <div className="message-editor" role="group" aria-label="Edit message">
      <textarea
        autoFocus
        aria-label="Edited message"
        value={text}
        rows={Math.min(12, Math.max(2, text.split('\n').length))}
        disabled={sending}
        onFocus={(e) => e.target.setSelectionRange(e.target.value.length, e.target.value.length)}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            cancel();
          } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <div className="message-editor-bar">
        <span className="muted small">Sends as a new version; the original stays. Esc cancels.</span>
        <button type="button" onClick={cancel} disabled={sending}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!changed || sending} onClick={() => void save()}>
          {sending ? 'Sending…' : 'Save and send'}
        </button>
      </div>
    </div>
  );
}
