// Runs turns: checks the conversation's lock, writes the user message and the reply as it
// streams (throttled by the store), and sends batched stream events to the renderer.
import { randomUUID } from 'node:crypto';
import type { CompareResult, SendResult } from '../../../shared/contract';
import type { Attachment, ChatError, Connection, Conversation, Message, ModelRef, StreamEvent, Usage } from '../../../shared/types';
import { costOf } from '../../../shared/cost';
import { lookupModel } from '../../../shared/catalog';
import { stallTimeoutsFor } from '../../../shared/stall-timeouts';
import type { ConnectionsService } from '../connections/connections-service';
import { UserFacingError } from '../ipc/handlers';
import { createLanguageModel } from '../providers/registry';
import { streamTurn } from '../providers/stream-turn';
import type { ConversationStore } from '../store/conversation-store';
import type { Egress } from '../egress/egress';
import { createStreamBatcher } from './stream-batcher';
import { chatErrorFor, writeProblemError } from './turn-failure';
import { CONTINUE_PROMPT, historyFor, type TurnMessage } from './history';

export interface ChatDeps {
  store: ConversationStore;
  connections: ConnectionsService;
  egress: Egress;
  emit(events: StreamEvent[]): void;
  log(message: string): void;
  now?: () => number;
  batchMs?: number;
}

interface TurnPlan {
  conversation: Conversation;
  conn: Connection;
  model: ModelRef;
  history: TurnMessage[];
  assistant: Message;
  /** Text already in the message (continue): new text is appended after it. */
  prefix: string;
  sampling?: { temperature?: number; maxOutputTokens?: number };
}

export function createChatService(deps: ChatDeps) {
  const now = deps.now ?? Date.now;
  const active = new Map<string, AbortController>();
  const batcher = createStreamBatcher(deps.emit, deps.batchMs ?? 16);

  function conversationOf(id: string): { conversation: Conversation; messages: Message[] } {
    const found = deps.store.getConversation(id);
    if (!found) throw new UserFacingError({ kind: 'bad-request', message: 'That conversation does not exist any more.' });
    return found;
  }

  /** The local-only lock, enforced here in the core whatever the UI asked for. */
  function checkLock(conversation: Conversation, conn: Connection) {
    if (conversation.localOnly && !conn.local) {
      deps.log(`[enclave] refused: conversation ${conversation.id} is locked to local models; ${conn.kind} connection ${conn.id} is remote`);
      throw new UserFacingError({
        kind: 'locked-local',
        message: `This conversation is locked to local models, so nothing was sent to ${conn.name}. Unlock it first if you mean to use a remote model.`,
      });
    }
  }

  function startTurn(plan: TurnPlan): string {
    const streamId = randomUUID();
    const controller = new AbortController();
    active.set(streamId, controller);
    batcher.push({ kind: 'start', streamId, messageId: plan.assistant.id, model: plan.model });
    // A turn reports its own failures; anything escaping is a bug that must not end the engine.
    void runTurn(plan, streamId, controller)
      .catch((err: unknown) => deps.log(`[enclave] turn ${streamId} failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => active.delete(streamId));
    return streamId;
  }

  async function runTurn(plan: TurnPlan, streamId: string, controller: AbortController) {
    const { assistant, conn, model } = plan;
    const started = now();
    let firstTokenMs: number | undefined;
    let wrote = plan.prefix.length > 0;
    let usage: Usage | undefined;
    let costUsd: number | undefined;
    const price = lookupModel(conn.kind, model.modelId);
    const fail = (error: ChatError) => {
      try {
        deps.store.finishMessage(assistant.id, { status: wrote ? 'interrupted' : 'error', error, timing: { firstTokenMs, totalMs: now() - started }, ...(usage ? { usage } : {}) });
      } catch (err) {
        // The store keeps the text in memory and retries; the user still hears why it stopped.
        deps.log(`[enclave] reply ${assistant.id} not yet saved: ${chatErrorFor(err).message}`);
      }
      batcher.push({ kind: 'error', streamId, error, partial: wrote });
    };
    // A full disk ends the stream at once: the text so far stays in memory, nothing more piles up.
    const stopForWriteProblem = (): boolean => {
      const error = writeProblemError(deps.store.writeProblem());
      if (!error) return false;
      controller.abort();
      fail(error);
      return true;
    };
    try {
      const apiKey = await deps.connections.apiKeyFor(conn);
      const languageModel = createLanguageModel(conn, model.modelId, {
        fetch: deps.egress.fetchFor({ connectionId: conn.id, model: model.modelId }),
        apiKey,
      });
      for await (const part of streamTurn({
        model: languageModel,
        messages: plan.history,
        system: plan.conversation.systemPrompt,
        ...plan.sampling,
        ...stallTimeoutsFor(conn),
        signal: controller.signal,
      })) {
        switch (part.kind) {
          case 'text-delta':
          case 'reasoning-delta':
            if (part.text === '') break;
            firstTokenMs ??= now() - started;
            wrote = true;
            deps.store.appendToMessage(assistant.id, part.kind === 'text-delta' ? { text: part.text } : { reasoning: part.text });
            batcher.push({ kind: part.kind, streamId, text: part.text });
            if (stopForWriteProblem()) return;
            break;
          case 'usage':
            usage = part.usage;
            costUsd = conn.local ? 0 : price ? costOf(part.usage, price) : undefined;
            batcher.push({ kind: 'usage', streamId, usage: part.usage, ...(costUsd !== undefined ? { costUsd } : {}) });
            break;
          case 'finish': {
            const timing = { firstTokenMs, totalMs: now() - started };
            try {
              deps.store.finishMessage(assistant.id, {
                status: part.reason === 'aborted' ? 'interrupted' : 'complete',
                timing,
                ...(usage ? { usage } : {}),
                ...(costUsd !== undefined ? { costUsd } : {}),
              });
            } catch (err) {
              // The whole reply arrived but the disk refused it: the store keeps it as complete.
              batcher.push({ kind: 'error', streamId, error: chatErrorFor(err), partial: true });
              return;
            }
            batcher.push({ kind: 'finish', streamId, reason: part.reason, timing });
            return;
          }
          case 'error':
            fail(part.error);
            return;
        }
      }
      // The stream ended without a finish part: treat as cut.
      fail({ kind: 'malformed-stream', message: `${conn.name} ended the reply without finishing it.` });
    } catch (err) {
      fail(chatErrorFor(err));
    }
  }

  function prepareModel(conversation: Conversation, ref: ModelRef): Connection {
    const conn = deps.connections.find(ref.connectionId);
    checkLock(conversation, conn);
    return conn;
  }

  function addUserMessage(
    conversation: Conversation,
    messages: Message[],
    input: { parentId: string | null; content: string; attachments?: Attachment[] },
  ): Message {
    if (input.parentId && !messages.some((m) => m.id === input.parentId)) {
      throw new UserFacingError({ kind: 'bad-request', message: 'The message you replied to is not in this conversation.' });
    }
    return deps.store.addMessage({
      conversationId: conversation.id,
      parentId: input.parentId,
      role: 'user',
      content: input.content,
      status: 'complete',
      ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    });
  }

  function assistantFor(conversation: Conversation, parentId: string, conn: Connection, ref: ModelRef): Message {
    return deps.store.addMessage({
      conversationId: conversation.id,
      parentId,
      role: 'assistant',
      content: '',
      status: 'streaming',
      model: { ...ref, connectionName: conn.name, kind: conn.kind },
    });
  }

  return {
    send(input: { conversationId: string; parentId: string | null; content: string; model: ModelRef; attachments?: Attachment[]; temperature?: number; maxOutputTokens?: number }): SendResult {
      const { conversation, messages } = conversationOf(input.conversationId);
      const conn = prepareModel(conversation, input.model);
      const user = addUserMessage(conversation, messages, input);
      const path = deps.store.pathTo(user.id);
      const assistant = assistantFor(conversation, user.id, conn, input.model);
      const sampling = {
        ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
        ...(input.maxOutputTokens !== undefined ? { maxOutputTokens: input.maxOutputTokens } : {}),
      };
      const streamId = startTurn({ conversation, conn, model: input.model, history: historyFor(path), assistant, prefix: '', sampling });
      return { streamId, userMessageId: user.id, assistantMessageId: assistant.id };
    },

    /** One prompt, several models: one user message, one sibling answer per model. */
    sendCompare(input: { conversationId: string; parentId: string | null; content: string; models: ModelRef[]; attachments?: Attachment[] }): CompareResult {
      const { conversation, messages } = conversationOf(input.conversationId);
      const conns = input.models.map((ref) => prepareModel(conversation, ref)); // refuse all before writing anything
      const user = addUserMessage(conversation, messages, input);
      const history = historyFor(deps.store.pathTo(user.id));
      const panes = input.models.map((model, i) => {
        const conn = conns[i]!;
        const assistant = assistantFor(conversation, user.id, conn, model);
        const streamId = startTurn({ conversation, conn, model, history, assistant, prefix: '' });
        return { streamId, assistantMessageId: assistant.id, model };
      });
      deps.store.updateConversation(conversation.id, { currentLeafId: user.id });
      return { userMessageId: user.id, panes };
    },

    /** A new answer beside an existing one (a sibling), or a first answer to a user message. */
    regenerate(input: { messageId: string; model?: ModelRef }): SendResult {
      const target = deps.store.getMessage(input.messageId);
      if (!target) throw new UserFacingError({ kind: 'bad-request', message: 'That message does not exist any more.' });
      const { conversation } = conversationOf(target.conversationId);
      const parentId = target.role === 'assistant' ? target.parentId : target.id;
      if (!parentId) throw new UserFacingError({ kind: 'bad-request', message: 'There is nothing to answer before this message.' });
      const ref = input.model ?? (target.model ? { connectionId: target.model.connectionId, modelId: target.model.modelId } : undefined);
      if (!ref) throw new UserFacingError({ kind: 'bad-request', message: 'Choose a model first.' });
      const conn = prepareModel(conversation, ref);
      const assistant = assistantFor(conversation, parentId, conn, ref);
      const streamId = startTurn({ conversation, conn, model: ref, history: historyFor(deps.store.pathTo(parentId)), assistant, prefix: '' });
      return { streamId, assistantMessageId: assistant.id };
    },

    /** Appends to an interrupted reply, in the same message. */
    continueMessage(input: { messageId: string }): SendResult {
      const target = deps.store.getMessage(input.messageId);
      if (!target || target.role !== 'assistant' || !target.model) {
        throw new UserFacingError({ kind: 'bad-request', message: 'Only a model reply can be continued.' });
      }
      const { conversation } = conversationOf(target.conversationId);
      const ref = { connectionId: target.model.connectionId, modelId: target.model.modelId };
      const conn = prepareModel(conversation, ref);
      deps.store.reopenMessage(target.id);
      const history = [...historyFor(deps.store.pathTo(target.id)), { role: 'user' as const, content: CONTINUE_PROMPT }];
      const streamId = startTurn({ conversation, conn, model: ref, history, assistant: target, prefix: target.content });
      return { streamId, assistantMessageId: target.id };
    },

    stop(streamId: string): boolean {
      const controller = active.get(streamId);
      controller?.abort();
      return !!controller;
    },

    stopAll() {
      for (const c of active.values()) c.abort();
      batcher.flush();
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
