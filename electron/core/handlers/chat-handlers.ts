// Chat turns: each call starts (or stops) a stream; the reply arrives as stream events.
import type { ChatService } from '../chat/chat-service';
import type { DomainHandlers } from '../ipc/handlers';

export function chatHandlers(chat: ChatService): DomainHandlers<'chat'> {
  return {
    sendMessage: async (req) => chat.send(req),
    regenerate: async (req) => chat.regenerate(req),
    continueMessage: async (req) => chat.continueMessage(req),
    stopStream: async (req) => ({ stopped: chat.stop(req.streamId) }),
    sendCompare: async (req) => chat.sendCompare(req),
  };
}
