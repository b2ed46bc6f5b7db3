import { Square } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Message } from '../../../shared/types';
import { pathTo } from '../../../shared/tree';
import { useApp } from '../../state/app-store';
import { modelsListing, useConnections } from '../../state/connections-store';
import { useConversations } from '../../state/conversations-store';
import { usePreferences } from '../../state/preferences-store';
import { useStreams } from '../../state/streams-store';
import { errorMessage } from '../../bridge/api';
import { AttachmentChips } from '../attachments/AttachmentChips';
import { visionVerdict } from '../attachments/attachment-rules';
import { modelVision } from '../attachments/model-vision';
import { useAttachments } from '../attachments/use-attachments';
import { useFileDrop } from '../attachments/use-file-drop';
import { PaperclipIcon } from '../attachments/icons';
import { PresetSelect } from '../settings/PresetSelect';
import { useSendGate } from '../privacy/use-send-gate';
import { activePreset } from '../settings/active-preset';
import { ModelPicker } from './ModelPicker';
import { remoteUnavailable } from './remote-unavailable';

export function Composer({ parentId }: { parentId: string | null }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  /** The user message being rewritten (Up in an empty box); sending answers its parent, making a branch. */
  const [editing, setEditing] = useState<Message>();
  const attachments = useAttachments();
  const send = useConversations((s) => s.send);
  const gate = useSendGate();
  const model = useConversations((s) => s.model);
  const conversation = useConversations((s) => s.conversation);
  const messages = useConversations((s) => s.messages);
  const connections = useConnections((s) => s.connections);
  const models = useConnections((s) => s.models);
  const presets = usePreferences((s) => s.prefs?.presets);
  const toast = useApp((s) => s.toast);
  const offline = useApp((s) => s.info?.offline ?? false);
  const activeStream = useStreams((s) => Object.values(s.byMessage).find((l) => !l.done)?.streamId);
  const ref = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => ref.current?.focus(), [conversation?.id]);
  useEffect(() => setEditing(undefined), [conversation?.id]);

  const addRef = useRef(attachments.add);
  addRef.current = attachments.add;
  const dragging = useFileDrop(useCallback((files: File[]) => void addRef.current(files), []));

  const hasImages = attachments.items.some((a) => a.kind === 'image');
  const verdict = visionVerdict(model?.modelId ?? 'This model', modelVision(connections, models, model), hasImages);
  const preset = activePreset(presets ?? [], conversation?.systemPrompt);
  const modelConn = connections.find((c) => c.id === model?.connectionId);
  const remoteBlocked = modelConn && !modelConn.local ? remoteUnavailable(offline, conversation?.localOnly ?? false) : undefined;
  const path = useMemo(() => pathTo(messages, conversation?.currentLeafId ?? null), [messages, conversation?.currentLeafId]);

  const canSend = (text.trim() !== '' || attachments.items.length > 0) && !sending && !!model && verdict.kind !== 'blocked' && !attachments.reading;

  const submit = async () => {
    const content = text.trim();
    if ((!content && attachments.items.length === 0) || sending) return;
    if (!model) {
      toast(modelsListing({ connections, models }) ? 'Your models are still loading; send again in a moment. Your message is kept.' : 'Choose a model first.');
      return;
    }
    if (verdict.kind === 'blocked') {
      toast(verdict.message);
      return;
    }
    setSending(true);
    try {
      const outgoing = await gate(content);
      if (outgoing === null) return;
      await send(outgoing, editing ? editing.parentId : parentId, {
        ...(attachments.items.length ? { attachments: attachments.items } : {}),
        // The conversation's own temperature (sent by the engine) wins over the preset's.
        ...(conversation?.temperature === undefined && preset?.temperature !== undefined ? { temperature: preset.temperature } : {}),
        ...(preset?.maxTokens !== undefined ? { maxOutputTokens: preset.maxTokens } : {}),
      });
      setText('');
      setEditing(undefined);
      attachments.clear();
      void usePreferences.getState().recordRecent(model);
    } catch (err) {
      toast(errorMessage(err));
    } finally {
      setSending(false);
      ref.current?.focus();
    }
  };

  const editLast = (): boolean => {
    const last = [...path].reverse().find((m) => m.role === 'user');
    if (!last) return false;
    setEditing(last);
    setText(last.content);
    attachments.replace(last.attachments ?? []);
    return true;
  };

  const cancelEdit = () => {
    setEditing(undefined);
    setText('');
    attachments.clear();
  };

  return (
    // Not a <form>: the renderer's sandbox blocks form submission, so keys and clicks act directly.
    <div className="composer">
      {dragging && (
        <div className="drop-overlay" aria-hidden>
          <p>Drop files to attach them</p>
        </div>
      )}
      {editing && (
        <div className="composer-note edit" role="status">
          <span>Editing your message. Sending it starts a new branch; the original stays.</span>
          <button type="button" className="ghost" onClick={cancelEdit}>
            Cancel (Esc)
          </button>
        </div>
      )}
      <AttachmentChips
        items={attachments.items}
        errors={attachments.errors}
        reading={attachments.reading}
        onRemove={attachments.remove}
        onDismissErrors={attachments.dismissErrors}
      />
      {remoteBlocked && (
        <p className="composer-note warn" role="status">
          {model?.modelId} is a remote model and {remoteBlocked}, so Enclave will not send to it. Choose a local model
          {offline ? ' or switch offline mode off' : ''}.
        </p>
      )}
      {verdict.kind !== 'ok' && (
        <p className={verdict.kind === 'blocked' ? 'composer-note block' : 'composer-note warn'} role={verdict.kind === 'blocked' ? 'alert' : 'status'}>
          {verdict.message}
        </p>
      )}
      <textarea
        ref={ref}
        aria-label="Message"
        aria-keyshortcuts="Enter Shift+Enter ArrowUp"
        placeholder="Message… (Enter to send, Shift+Enter for a new line, ↑ to edit your last message)"
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onPaste={(e) => {
          const files = Array.from(e.clipboardData.files);
          if (files.length === 0) return;
          e.preventDefault();
          void attachments.add(files);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void submit();
          } else if (e.key === 'ArrowUp' && text === '' && attachments.items.length === 0 && !e.altKey && !e.ctrlKey && !e.metaKey) {
            if (editLast()) e.preventDefault();
          } else if (e.key === 'Escape' && editing) {
            // Leaving an edit comes before stopping a stream (the global Esc).
            e.preventDefault();
            e.stopPropagation();
            cancelEdit();
          }
        }}
      />
      <div className="composer-bar">
        <div className="composer-tools">
          <input
            ref={fileRef}
            type="file"
            multiple
            hidden
            aria-hidden
            tabIndex={-1}
            data-testid="attach-input"
            onChange={(e) => {
              void attachments.add(Array.from(e.target.files ?? []));
              e.target.value = '';
            }}
          />
          <button
            type="button"
            className="attach-button"
            aria-label="Attach files"
            title="Attach images or text files (or drop or paste them)"
            onClick={() => fileRef.current?.click()}
          >
            <PaperclipIcon />
          </button>
          <ModelPicker />
          <PresetSelect />
        </div>
        {activeStream ? (
          <button type="button" className="danger" aria-keyshortcuts="Escape" onClick={() => void useConversations.getState().stop(activeStream)}>
            <Square size={14} aria-hidden fill="currentColor" /> Stop
          </button>
        ) : (
          <button type="button" className="primary" disabled={!canSend} onClick={() => void submit()}>
            {editing ? 'Send edit' : 'Send'}
          </button>
        )}
      </div>
    </div>
  );
}
