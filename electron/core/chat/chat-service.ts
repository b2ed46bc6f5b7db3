// Runs turns: checks the conversation's lock, writes the user message and the reply as it
// streams (throttled by the store), and sends batched stream events to the renderer. The events
// carry the rows the turn wrote (at its start and end), so the renderer never re-reads the
// conversation for a turn (docs/chat-turn.md).
import { randomUUID } from 'node:crypto';
import type { CompareResult, SendResult } from '../../../shared/contract';
import type { AnsweringModel, Attachment, ChatError, Connection, Conversation, FailedAttempt, Message, ModelRef, StreamEvent, Usage } from '../../../shared/types';
import { candidatesFor, refusalFor, shouldFailOver, withChainSummary, type ChainRules } from './failover';
import { costOfTurn } from '../../../shared/turn-cost';
import { stallTimeoutsFor } from '../../../shared/stall-timeouts';
import type { ConnectionsService } from '../connections/connections-service';
import { UserFacingError } from '../errors/user-facing-error';
import type { BuiltinRuntime } from '../builtin/builtin-runtime';
import { createLanguageModel } from '../providers/registry';
import { streamTurn } from '../providers/turn/stream-turn';
import type { ConversationStore } from '../store/conversation-store';
import type { Egress } from '../egress/egress';
import { StoreError } from '../store/store-error';
import { createStreamBatcher } from './stream-batcher';
import { chatErrorFor, writeProblemError } from './turn-failure';
import { CONTINUE_PROMPT, historyFor, type TurnMessage } from './history';
import { createTurnExtras } from './turn-extras';
import { savedLengthNotice } from './saved-length';

export interface ChatDeps {
  store: ConversationStore;
  connections: ConnectionsService;
  egress: Egress;
  /** The built-in engine, for turns on a built-in model. */
  builtin?: BuiltinRuntime;
  emit(events: StreamEvent[]): void;
  /** Offline mode: a fallback chain never moves a turn to a remote model then. */
  isOffline(): boolean;
  log(message: string): void;
  /** Something the user must hear about outside the reply itself (a reply saved shorter than it arrived). */
  notice?(text: string): void;
  now?: () => number;
  batchMs?: number;
}

type TurnOutcome =
  | { kind: 'done' }
  | {
      kind: 'failed';
      error: ChatError;
      wrote: boolean;
      usage: Usage | undefined;
      /** A failed or refused turn was still billed: its tokens and cost are kept. */
      costUsd: number | undefined;
      firstTokenMs: number | undefined;
      /** Files the model generated before it failed. */
      extras: { attachments?: Attachment[] };
    };

interface TurnPlan {
  conversation: Conversation;
  /** Tried in order after `model` fails before its first token (send and regenerate only). */
  fallbacks: ModelRef[];
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

  function conversationOf(id: string): Conversation {
    const found = deps.store.conversationRow(id);
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

  /** `rows`: what the turn wrote before it starts (the user message, the reply row), sent with its start. */
  function startTurn(plan: TurnPlan, rows: Message[]): string {
    const streamId = randomUUID();
    const controller = new AbortController();
    active.set(streamId, controller);
    const conversation = deps.store.conversationRow(plan.conversation.id) ?? plan.conversation;
    batcher.push({ kind: 'start', streamId, messageId: plan.assistant.id, model: plan.model, rows: { conversation, messages: rows } });
    // A turn reports its own failures; anything escaping is a bug that must not end the engine.
    void runTurn(plan, streamId, controller)
      .catch((err: unknown) => deps.log(`[enclave] turn ${streamId} failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => active.delete(streamId));
    return streamId;
  }

  async function runTurn(plan: TurnPlan, streamId: string, controller: AbortController) {
    const { assistant } = plan;
    const started = now();
    // Text kept across failover attempts and Continue's prefix: what the saved reply must hold.
    const text = { chars: plan.prefix.length };
    const failedFirst: FailedAttempt[] = [];
    const candidates = candidatesFor(plan.model, plan.fallbacks);
    const rules = { localOnly: plan.conversation.localOnly, offline: deps.isOffline() };
    const skipped: string[] = [];
    let lastFailure: Extract<TurnOutcome, { kind: 'failed' }> | undefined;
    for (const [i, ref] of candidates.entries()) {
      let conn = plan.conn;
      if (i > 0) {
        const next = nextInChain(ref, rules);
        if ('refused' in next) {
          skipped.push(next.refused.message);
          continue;
        }
        conn = next.conn;
        const answering: AnsweringModel = { ...ref, connectionName: conn.name, kind: conn.kind, failedFirst: [...failedFirst] };
        deps.store.setMessageModel(assistant.id, answering);
        batcher.push({ kind: 'failover', streamId, failed: failedFirst.at(-1)!, next: answering });
      }
      const outcome = await attempt(plan, conn, ref, { streamId, attemptId: `${streamId}:${i}`, controller, started, text });
      if (outcome.kind === 'done') return;
      lastFailure = outcome;
      failedFirst.push({ model: { ...ref, connectionName: conn.name }, error: { kind: outcome.error.kind, message: outcome.error.message } });
      if (!shouldFailOver(outcome.error, outcome.wrote) || controller.signal.aborted) break;
    }
    // The first candidate is always tried, so there is a failure here.
    const failure = lastFailure!;
    const error = withChainSummary(failure.error, failedFirst.slice(0, -1), skipped);
    let saved: Message | undefined;
    try {
      saved = deps.store.finishMessage(assistant.id, {
        status: failure.wrote ? 'interrupted' : 'error',
        error,
        timing: { firstTokenMs: failure.firstTokenMs, totalMs: now() - started },
        ...(failure.usage ? { usage: failure.usage } : {}),
        ...(failure.costUsd !== undefined ? { costUsd: failure.costUsd } : {}),
        ...failure.extras,
      });
    } catch (err) {
      // The store keeps the text in memory and retries; the user still hears why it stopped.
      deps.log(`[enclave] reply ${assistant.id} not yet saved: ${chatErrorFor(err).message}`);
    }
    batcher.push({ kind: 'error', streamId, error, partial: failure.wrote, ...(saved ? { message: saved } : {}) });
  }

  function nextInChain(ref: ModelRef, rules: ChainRules): { conn: Connection } | { refused: ChatError } {
    let conn: Connection;
    try {
      conn = deps.connections.find(ref.connectionId);
    } catch {
      return { refused: { kind: 'bad-request', message: `Skipped ${ref.modelId}: its connection was removed.` } };
    }
    const refused = refusalFor(conn, rules);
    return refused ? { refused } : { conn };
  }

  /** One model's try at the turn. Text it streams is kept; a failure before any text is returned, not written. */
  async function attempt(
    plan: TurnPlan,
    conn: Connection,
    model: ModelRef,
    run: { streamId: string; attemptId: string; controller: AbortController; started: number; text: { chars: number } },
  ): Promise<TurnOutcome> {
    const { assistant } = plan;
    const { streamId } = run;
    const attemptStarted = now();
    let firstTokenMs: number | undefined;
    let attemptFirstTokenMs: number | undefined;
    let wrote = plan.prefix.length > 0;
    let usage: Usage | undefined;
    let costUsd: number | undefined;
    const extras = createTurnExtras(now);
    /** The first token of the turn (text, reasoning or a file): stamped once, on the turn's clock. */
    const markFirstToken = () => {
      attemptFirstTokenMs ??= now() - attemptStarted;
      if (firstTokenMs !== undefined) return;
      firstTokenMs = now() - run.started;
      batcher.push({ kind: 'first-token', streamId, firstTokenMs });
    };
    const failed = (error: ChatError): TurnOutcome => ({ kind: 'failed', error, wrote, usage, costUsd, firstTokenMs, extras: extras.attachments() });
    // A full disk ends the stream at once: the text so far stays in memory, nothing more piles up.
    const writeProblem = (): ChatError | undefined => {
      const error = writeProblemError(deps.store.writeProblem());
      if (error) run.controller.abort();
      return error;
    };
    try {
      const apiKey = await deps.connections.apiKeyFor(conn);
      const languageModel = await createLanguageModel(conn, model.modelId, {
        fetch: deps.egress.fetchFor({ connectionId: conn.id, model: model.modelId, turnId: run.attemptId }),
        apiKey,
        ...(deps.builtin ? { builtin: deps.builtin } : {}),
      });
      for await (const part of streamTurn({
        model: languageModel,
        messages: plan.history,
        system: plan.conversation.systemPrompt,
        // The conversation's own temperature for every turn (compare, retry, continue too); a send may override it.
        ...(plan.conversation.temperature !== undefined ? { temperature: plan.conversation.temperature } : {}),
        ...plan.sampling,
        ...stallTimeoutsFor(conn),
        signal: run.controller.signal,
      })) {
        switch (part.kind) {
          case 'text-delta':
          case 'reasoning-delta':
            if (part.text === '') break;
            markFirstToken();
            wrote = true;
            deps.store.appendToMessage(assistant.id, part.kind === 'text-delta' ? { text: part.text } : { reasoning: part.text });
            if (part.kind === 'text-delta') run.text.chars += part.text.length;
            batcher.push({ kind: part.kind, streamId, text: part.text, atMs: now() - run.started });
            {
              const stopped = writeProblem();
              if (stopped) return failed(stopped);
            }
            break;
          case 'usage':
            usage = part.usage;
            costUsd = costOfTurn(conn.kind, model.modelId, part.usage, { local: conn.local, ...(conn.baseUrl ? { baseUrl: conn.baseUrl } : {}), at: new Date(run.started) });
            batcher.push({ kind: 'usage', streamId, usage: part.usage, ...(costUsd !== undefined ? { costUsd } : {}) });
            break;
          case 'tool-call':
          case 'file':
            markFirstToken();
            wrote = true;
            extras.add(part);
            break;
          case 'finish': {
            const timing = { firstTokenMs, totalMs: now() - run.started };
            let saved: Message;
            try {
              saved = deps.store.finishMessage(assistant.id, {
                status: part.reason === 'aborted' ? 'interrupted' : 'complete',
                timing,
                ...(usage ? { usage } : {}),
                ...(costUsd !== undefined ? { costUsd } : {}),
                finish: extras.finish(part.reason, part.raw),
                ...extras.attachments(),
              });
              const short = savedLengthNotice({ streamedChars: run.text.chars, savedChars: saved.content.length, conversationTitle: plan.conversation.title });
              if (short) {
                deps.log(`[enclave] reply ${assistant.id}: ${short}`);
                deps.notice?.(short);
              }
            } catch (err) {
              // The whole reply arrived but the disk refused it: the store keeps it as complete.
              batcher.push({ kind: 'error', streamId, error: chatErrorFor(err), partial: true });
              return { kind: 'done' };
            }
            deps.store.annotateTurn(run.attemptId, {
              ...(attemptFirstTokenMs !== undefined ? { ttftMs: attemptFirstTokenMs, generationMs: now() - attemptStarted - attemptFirstTokenMs } : {}),
              ...(usage?.outputTokens !== undefined ? { outputTokens: usage.outputTokens } : {}),
            });
            batcher.push({ kind: 'finish', streamId, reason: part.reason, timing, message: saved });
            return { kind: 'done' };
          }
          case 'error':
            return failed(part.error);
        }
      }
      // The stream ended without a finish part: treat as cut.
      return failed({ kind: 'malformed-stream', message: `${conn.name} ended the reply without finishing it.` });
    } catch (err) {
      return failed(chatErrorFor(err));
    }
  }

  function prepareModel(conversation: Conversation, ref: ModelRef): Connection {
    const conn = deps.connections.find(ref.connectionId);
    checkLock(conversation, conn);
    return conn;
  }

  /** The store checks the parent is in this conversation; its refusal becomes words here. */
  function addUserMessage(conversation: Conversation, input: { parentId: string | null; content: string; attachments?: Attachment[] }): Message {
    try {
      return deps.store.addMessage({
        conversationId: conversation.id,
        parentId: input.parentId,
        role: 'user',
        content: input.content,
        status: 'complete',
        ...(input.attachments?.length ? { attachments: input.attachments } : {}),
      });
    } catch (err) {
      if (err instanceof StoreError && err.problem.kind === 'not-found' && err.problem.entity === 'message') {
        throw new UserFacingError({ kind: 'bad-request', message: 'The message you replied to is not in this conversation.' });
      }
      throw err;
    }
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
    send(input: {
      conversationId: string;
      parentId: string | null;
      content: string;
      model: ModelRef;
      attachments?: Attachment[];
      temperature?: number;
      maxOutputTokens?: number;
    }): SendResult {
      const conversation = conversationOf(input.conversationId);
      const conn = prepareModel(conversation, input.model);
      const user = addUserMessage(conversation, input);
      const path = deps.store.pathTo(user.id);
      const assistant = assistantFor(conversation, user.id, conn, input.model);
      const sampling = {
        ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
        ...(input.maxOutputTokens !== undefined ? { maxOutputTokens: input.maxOutputTokens } : {}),
      };
      const fallbacks = deps.store.fallbackChain(conversation.id);
      const streamId = startTurn({ conversation, conn, model: input.model, fallbacks, history: historyFor(path), assistant, prefix: '', sampling }, [user, assistant]);
      return { streamId, userMessageId: user.id, assistantMessageId: assistant.id };
    },

    /** One prompt, several models: one user message, one sibling answer per model. */
    sendCompare(input: { conversationId: string; parentId: string | null; content: string; models: ModelRef[]; attachments?: Attachment[] }): CompareResult {
      const conversation = conversationOf(input.conversationId);
      const conns = input.models.map((ref) => prepareModel(conversation, ref)); // refuse all before writing anything
      const user = addUserMessage(conversation, input);
      const history = historyFor(deps.store.pathTo(user.id));
      const answers = conns.map((conn, i) => assistantFor(conversation, user.id, conn, input.models[i]!));
      // Nobody has picked an answer yet: the question is what the conversation shows.
      deps.store.updateConversation(conversation.id, { currentLeafId: user.id });
      const panes = answers.map((assistant, i) => {
        const model = input.models[i]!;
        const streamId = startTurn({ conversation, conn: conns[i]!, model, fallbacks: [], history, assistant, prefix: '' }, [user, assistant]);
        return { streamId, assistantMessageId: assistant.id, model };
      });
      return { userMessageId: user.id, panes };
    },

    /** A new answer beside an existing one (a sibling), or a first answer to a user message. */
    regenerate(input: { messageId: string; model?: ModelRef }): SendResult {
      const target = deps.store.getMessage(input.messageId);
      if (!target) throw new UserFacingError({ kind: 'bad-request', message: 'That message does not exist any more.' });
      const conversation = conversationOf(target.conversationId);
      const parentId = target.role === 'assistant' ? target.parentId : target.id;
      if (!parentId) throw new UserFacingError({ kind: 'bad-request', message: 'There is nothing to answer before this message.' });
      const ref = input.model ?? (target.model ? { connectionId: target.model.connectionId, modelId: target.model.modelId } : undefined);
      if (!ref) throw new UserFacingError({ kind: 'bad-request', message: 'Choose a model first.' });
      const conn = prepareModel(conversation, ref);
      const assistant = assistantFor(conversation, parentId, conn, ref);
      // An explicit model is the user's choice for this answer: no chain then.
      const fallbacks = input.model ? [] : deps.store.fallbackChain(conversation.id);
      const streamId = startTurn({ conversation, conn, model: ref, fallbacks, history: historyFor(deps.store.pathTo(parentId)), assistant, prefix: '' }, [assistant]);
      return { streamId, assistantMessageId: assistant.id };
    },

    /** Appends to an interrupted reply, in the same message. */
    continueMessage(input: { messageId: string }): SendResult {
      const target = deps.store.getMessage(input.messageId);
      if (!target || target.role !== 'assistant' || !target.model) {
        throw new UserFacingError({ kind: 'bad-request', message: 'Only a model reply can be continued.' });
      }
      const conversation = conversationOf(target.conversationId);
      const ref = { connectionId: target.model.connectionId, modelId: target.model.modelId };
      const conn = prepareModel(conversation, ref);
      deps.store.reopenMessage(target.id);
      const path = deps.store.pathTo(target.id);
      const reopened = path.at(-1) ?? target;
      const history = [...historyFor(path), { role: 'user' as const, content: CONTINUE_PROMPT }];
      const streamId = startTurn({ conversation, conn, model: ref, fallbacks: [], history, assistant: target, prefix: target.content }, [reopened]);
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
