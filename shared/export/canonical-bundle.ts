// Rebuilds a bundle field by field in one fixed order. This both fixes the key order of the
// JSON (so equal data gives equal bytes) and drops anything that is not part of the types,
// whatever a caller's objects happen to carry at runtime.
import type { Attachment, ChatError, Conversation, ConversationBundle, Message, Usage } from '../types';

export function canonicalBundle(bundle: ConversationBundle): ConversationBundle {
  return {
    conversation: canonicalConversation(bundle.conversation),
    messages: bundle.messages.map(canonicalMessage),
  };
}

function canonicalConversation(c: Conversation): Conversation {
  return defined({
    id: c.id,
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    pinned: c.pinned,
    localOnly: c.localOnly,
    systemPrompt: c.systemPrompt,
    temperature: c.temperature,
    currentLeafId: c.currentLeafId,
    deletedAt: c.deletedAt,
  });
}

function canonicalMessage(m: Message): Message {
  return defined({
    id: m.id,
    conversationId: m.conversationId,
    parentId: m.parentId,
    role: m.role,
    content: m.content,
    reasoning: m.reasoning,
    model: m.model
      ? defined({
          connectionId: m.model.connectionId,
          modelId: m.model.modelId,
          connectionName: m.model.connectionName,
          kind: m.model.kind,
        })
      : undefined,
    status: m.status,
    error: m.error ? canonicalError(m.error) : undefined,
    usage: m.usage ? canonicalUsage(m.usage) : undefined,
    costUsd: m.costUsd,
    timing: m.timing ? defined({ firstTokenMs: m.timing.firstTokenMs, totalMs: m.timing.totalMs }) : undefined,
    attachments: m.attachments?.map(canonicalAttachment),
    finish: m.finish ? defined({ reason: m.finish.reason, raw: m.finish.raw, toolCalls: m.finish.toolCalls ? [...m.finish.toolCalls] : undefined }) : undefined,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  });
}

function canonicalError(e: ChatError): ChatError {
  return defined({ kind: e.kind, message: e.message, status: e.status, retryAt: e.retryAt, detail: e.detail });
}

function canonicalUsage(u: Usage): Usage {
  return defined({
    inputTokens: u.inputTokens,
    outputTokens: u.outputTokens,
    reasoningTokens: u.reasoningTokens,
    cachedInputTokens: u.cachedInputTokens,
  });
}

function canonicalAttachment(a: Attachment): Attachment {
  return { id: a.id, name: a.name, mimeType: a.mimeType, size: a.size, data: a.data, kind: a.kind };
}

/** Drops keys whose value is undefined, so an absent optional field stays absent. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
