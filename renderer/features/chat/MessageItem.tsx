import { ArrowRight, ChevronLeft, ChevronRight, Copy, Pencil, RotateCcw, Square } from 'lucide-react';
import { memo } from 'react';
import type { Message } from '../../../shared/types';
import { useConversations } from '../../state/conversations-store';
import { shownMessage, useStreams } from '../../state/streams-store';
import { MessageMarkdown } from '../markdown/MessageMarkdown';
import { useMessageEdit } from './edit-store';
import { MessageEditor } from './MessageEditor';
import { MessageAttachments } from '../attachments/MessageAttachments';
import { ErrorNotice } from './ErrorNotice';
import { FinishNotice } from './FinishNotice';
import { Reasoning } from './Reasoning';
import { FailoverNote } from '../failover/FailoverNote';
import '../failover/failover.css';
import { UsageLine } from './UsageLine';
import { FirstTokenWait } from './FirstTokenWait';
import { replyStats } from './reply-stats';

export const MessageItem = memo(function MessageItem({ message, siblings }: { message: Message; siblings: Message[] }) {
  const live = useStreams((s) => s.byMessage[message.id]);
  const showBranch = useConversations((s) => s.showBranch);
  const regenerate = useConversations((s) => s.regenerate);
  const continueReply = useConversations((s) => s.continueReply);
  const stop = useConversations((s) => s.stop);
  const editing = useMessageEdit((s) => s.editingId === message.id);
  const startEdit = useMessageEdit((s) => s.start);

  const streaming = !!live && !live.done;
  const { text, reasoning } = shownMessage(message, live);
  const stats = streaming ? undefined : replyStats(message);
  const error = live?.error ?? message.error;
  const model = live?.model ?? message.model;
  const index = siblings.findIndex((m) => m.id === message.id);
  const interrupted = !streaming && (message.status === 'interrupted' || message.status === 'error' || !!live?.error);

  return (
    <article className={`message ${message.role}`} aria-label={message.role === 'user' ? 'You' : 'Assistant'} data-status={streaming ? 'streaming' : message.status}>
      <header className="message-meta">
        <span className="who">{message.role === 'user' ? 'You' : (model?.modelId ?? 'Assistant')}</span>
        {model?.connectionName && <span className="muted small">via {model.connectionName}</span>}
        {siblings.length > 1 && (
          <span className="branch-nav" aria-label="Versions">
            <button className="ghost" aria-label="Previous version" disabled={index <= 0} onClick={() => void showBranch(siblings[index - 1]!.id)}>
              <ChevronLeft size={14} aria-hidden />
            </button>
            <span className="small">
              {index + 1}/{siblings.length}
            </span>
            <button className="ghost" aria-label="Next version" disabled={index >= siblings.length - 1} onClick={() => void showBranch(siblings[index + 1]!.id)}>
              <ChevronRight size={14} aria-hidden />
            </button>
          </span>
        )}
        {message.status === 'interrupted' && !streaming && <span className="badge warn">{message.error ? 'interrupted' : 'stopped'}</span>}
        {message.role === 'user' && !editing && (
          <button className="ghost small user-edit" aria-label="Edit message" title="Edit (sends a new version)" onClick={() => startEdit(message.id)}>
            <Pencil size={14} aria-hidden /> Edit
          </button>
        )}
      </header>
      {model?.failedFirst?.length ? <FailoverNote failed={model.failedFirst} answeredBy={model} /> : null}
      {reasoning && <Reasoning text={reasoning} streaming={streaming && !live?.text} />}
      <div className="message-body">
        {editing ? <MessageEditor message={message} /> : message.role === 'assistant' ? <MessageMarkdown text={text} streaming={streaming} /> : <p className="user-text">{text}</p>}
        {!editing && <MessageAttachments items={message.attachments} />}
        {streaming && text === '' && !reasoning && live && <FirstTokenWait since={live.startedAt} />}
      </div>
      {error && <ErrorNotice error={error} />}
      {!streaming && !error && <FinishNotice finish={message.finish} onContinue={() => void continueReply(message.id)} />}
      {message.role === 'assistant' && (
        <footer className="message-actions">
          {streaming && live && (
            <button onClick={() => void stop(live.streamId)} aria-label="Stop">
              <Square size={14} aria-hidden fill="currentColor" /> Stop
            </button>
          )}
          {!streaming && (
            <>
              <button className="ghost" onClick={() => void regenerate(message.id)}>
                <RotateCcw size={14} aria-hidden /> Retry
              </button>
              {interrupted && text !== '' && (
                <button className="ghost" onClick={() => void continueReply(message.id)}>
                  <ArrowRight size={14} aria-hidden /> Continue
                </button>
              )}
              <button className="ghost" onClick={() => void navigator.clipboard.writeText(text)}>
                <Copy size={14} aria-hidden /> Copy
              </button>
              {stats && (
                <span className="reply-stats muted small" title="Output tokens, generation speed and total time, measured on this computer">
                  {stats}
                </span>
              )}
              <UsageLine usage={message.usage} costUsd={message.costUsd} />
            </>
          )}
        </footer>
      )}
    </article>
  );
});
