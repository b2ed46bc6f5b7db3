// Conversations: listing and loading (loads and search run on the read worker), editing, deleting,
// restoring, and each conversation's fallback chain.
import type { ConnectionsService } from '../connections/connections-service';
import { UserFacingError } from '../errors/user-facing-error';
import type { DomainHandlers } from '../ipc/handlers';
import type { SettingsStore } from '../settings/settings-store';
import type { ConversationStore } from '../store/conversation-store';
import type { ReadWorker } from '../store/read-worker';

export interface ConversationHandlerDeps {
  store: ConversationStore;
  reader: ReadWorker;
  settings: SettingsStore;
  conns: ConnectionsService;
}

const gone = () => new UserFacingError({ kind: 'bad-request', message: 'That conversation does not exist any more.' });

export function conversationHandlers({ store, reader, settings, conns }: ConversationHandlerDeps): DomainHandlers<'conversations'> {
  return {
    listConversations: async () => store.listConversations(),
    getConversation: async (req) => {
      store.prepareRead();
      const found = await reader.getConversation(req.id, req.limit);
      if (!found) throw gone();
      return { ...found, messages: store.withUnsaved(found.messages) };
    },
    createConversation: async (req) => store.createConversation({ ...req, localOnly: req.localOnly ?? settings.get('defaultLocalOnly') }),
    updateConversation: async ({ id, ...patch }) => store.updateConversation(id, patch),
    deleteConversation: async (req) => {
      store.deleteConversation(req.id);
      return { deleted: true };
    },
    restoreConversation: async (req) => {
      store.restoreConversation(req.id);
      const found = store.getConversation(req.id);
      if (!found) throw gone();
      return found.conversation;
    },
    searchMessages: async (req) => {
      store.prepareRead();
      return reader.search(req);
    },
    getFallbackChain: async (req) => store.fallbackChain(req.conversationId),
    setFallbackChain: async (req) => {
      for (const ref of req.chain) conns.find(ref.connectionId); // an unknown connection is refused here
      return store.setFallbackChain(req.conversationId, req.chain);
    },
  };
}
