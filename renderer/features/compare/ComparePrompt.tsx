import { Square } from 'lucide-react';
import { useRef, useState } from 'react';
import { MIN_MODELS, useCompare } from '../../state/compare-store';
import { useStreams } from '../../state/streams-store';
import { isSendKey, modLabel } from './compare-keys';

/** One prompt box for every chosen model. */
export function ComparePrompt({ blockedReason }: { blockedReason?: string }) {
  const [text, setText] = useState('');
  const count = useCompare((s) => s.models.length);
  const sending = useCompare((s) => s.sending);
  const send = useCompare((s) => s.send);
  const stopAll = useCompare((s) => s.stopAll);
  const panes = useCompare((s) => s.run?.panes);
  const anyStreaming = useStreams((s) => (panes ?? []).some((p) => s.byMessage[p.messageId] && !s.byMessage[p.messageId]!.done));
  const ref = useRef<HTMLTextAreaElement>(null);

  const reason = blockedReason ?? (count < MIN_MODELS ? `Pick at least ${MIN_MODELS} models (${count} chosen).` : undefined);
  const canSend = !reason && !!text.trim() && !sending;
  const sendKeys = `${modLabel('Ctrl+')}Enter`;

  const submit = async () => {
    if (!canSend) return;
    if (await send(text)) setText('');
    ref.current?.focus();
  };

  return (
    // Not a <form>: the renderer's sandbox blocks form submission, so keys and clicks act directly.
    <div className="cmp-prompt" role="group" aria-label="Prompt for all models">
      <textarea
        ref={ref}
        aria-label="Prompt"
        aria-keyshortcuts="Control+Enter Meta+Enter"
        placeholder={`Ask every chosen model at once… (${sendKeys} sends to all)`}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (isSendKey(e)) {
            e.preventDefault();
            void submit();
          } else if (e.key === 'Escape' && anyStreaming) {
            e.preventDefault();
            void stopAll();
          }
        }}
      />
      <div className="cmp-prompt-bar">
        <span className={reason ? 'small warn-text' : 'small muted'} role={reason ? 'status' : undefined}>
          {reason ?? `Same history for all: the prompt continues the open conversation. ${sendKeys} to send.`}
        </span>
        {anyStreaming && (
          <button type="button" className="danger" onClick={() => void stopAll()} title="Stop every answer still being written (Esc)">
            <Square size={14} aria-hidden fill="currentColor" /> Stop all
          </button>
        )}
        <button type="button" className="primary" disabled={!canSend} onClick={() => void submit()} title={`Send to all (${sendKeys})`}>
          {sending ? 'Sending…' : `Send to ${count >= MIN_MODELS ? count : 'all'}`}
        </button>
      </div>
    </div>
  );
}
