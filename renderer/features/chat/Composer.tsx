import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../state/app-store';
import { useConversations } from '../../state/conversations-store';
import { useStreams } from '../../state/streams-store';
import { errorMessage } from '../../app/api';
import { ModelPicker } from './ModelPicker';

export function Composer({ parentId }: { parentId: string | null }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const send = useConversations((s) => s.send);
  const stop = useConversations((s) => s.stop);
  const model = useConversations((s) => s.model);
  const toast = useApp((s) => s.toast);
  const activeStream = useStreams((s) => Object.values(s.byMessage).find((l) => !l.done)?.streamId);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => ref.current?.focus(), []);

  const submit = async () => {
    const content = text.trim();
    if (!content || sending) return;
    if (!model) {
      toast('Choose a model first.');
      return;
    }
    setSending(true);
    try {
      await send(content, parentId);
      setText('');
    } catch (err) {
      toast(errorMessage(err));
    } finally {
      setSending(false);
      ref.current?.focus();
    }
  };

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <textarea
        ref={ref}
        aria-label="Message"
        placeholder="Message… (Enter to send, Shift+Enter for a new line)"
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void submit();
          } else if (e.key === 'Escape' && activeStream) {
            e.preventDefault();
            void stop(activeStream);
          }
        }}
      />
      <div className="composer-bar">
        <ModelPicker />
        {activeStream ? (
          <button type="button" className="danger" onClick={() => void stop(activeStream)}>
            ■ Stop
          </button>
        ) : (
          <button type="submit" className="primary" disabled={!text.trim() || sending || !model}>
            Send
          </button>
        )}
      </div>
    </form>
  );
}
