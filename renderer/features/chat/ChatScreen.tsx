import { useMemo } from 'react';
import { pathTo } from '../../../shared/tree';
import { useConnections } from '../../state/connections-store';
import { useConversations } from '../../state/conversations-store';
import { Onboarding } from '../onboarding/Onboarding';
import { LockToggle } from '../privacy/LockToggle';
import { ExportButton } from '../history/ExportButton';
import { FallbackChainButton } from '../failover/FallbackChainButton';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { SystemPromptBar } from './SystemPromptBar';

export function ChatScreen() {
  const connections = useConnections((s) => s.connections);
  const loaded = useConnections((s) => s.loaded);
  const conversation = useConversations((s) => s.conversation);
  const messages = useConversations((s) => s.messages);
  const path = useMemo(() => pathTo(messages, conversation?.currentLeafId ?? null), [messages, conversation?.currentLeafId]);

  if (loaded && connections.length === 0) return <Onboarding />;

  return (
    <div className="chat">
      <div className="chat-header">
        <h1 className="chat-title">{conversation?.title || 'New chat'}</h1>
        <LockToggle />
        <FallbackChainButton />
        <ExportButton />
      </div>
      <SystemPromptBar />
      {path.length === 0 ? (
        <div className="empty-chat">
          <p className="muted">Pick a model below and say hello. Your words go only to the model you choose.</p>
        </div>
      ) : (
        <MessageList key={conversation?.id} path={path} allMessages={messages} />
      )}
      <Composer parentId={path.at(-1)?.id ?? null} />
    </div>
  );
}
