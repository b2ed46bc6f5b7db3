// The built-in engine as an AI SDK language model (LanguageModelV4), so a built-in turn runs
// through the same streamTurn as every provider: watchdog, Stop, usage and finish included.
import type { ProviderModel } from '../providers/adapter';
import type { LlamaEngine } from './llama-engine';
import type { HistoryItem } from './worker-protocol';

const LOADING_PING_MS = 1000;

type CallOptions = Parameters<ProviderModel['doStream']>[0];
type StreamPart = Awaited<ReturnType<ProviderModel['doStream']>>['stream'] extends ReadableStream<infer P> ? P : never;

/** Our prompt as llama.cpp chat history: text only (the engine has no vision); files are named. */
export function promptToHistory(prompt: CallOptions['prompt']): HistoryItem[] {
  const history: HistoryItem[] = [];
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        history.push({ type: 'system', text: message.content });
        break;
      case 'user':
        history.push({
          type: 'user',
          text: message.content
            .map((p) => (p.type === 'text' ? p.text : `[attached file${p.filename ? ` ${p.filename}` : ''} omitted: the built-in engine reads text only]`))
            .join('\n'),
        });
        break;
      case 'assistant':
        history.push({ type: 'model', text: message.content.map((p) => (p.type === 'text' ? p.text : '')).join('') });
        break;
      case 'tool':
        break;
    }
  }
  return history;
}

export function createBuiltinLanguageModel(engine: LlamaEngine, modelId: string, path: string): ProviderModel {
  async function doStream(options: CallOptions) {
    const generation = engine.generate({
      path,
      history: promptToHistory(options.prompt),
      ...(options.maxOutputTokens !== undefined ? { maxTokens: options.maxOutputTokens } : {}),
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      ...(options.abortSignal ? { signal: options.abortSignal } : {}),
    });
    const stream = new ReadableStream<StreamPart>({
      async start(controller) {
        controller.enqueue({ type: 'stream-start', warnings: [] });
        let open = false;
        try {
          // Loading a large model from disk can outlast the first-byte timeout: the engine says
          // it is alive (raw parts count as liveness in streamTurn) until the weights are in.
          const ping = setInterval(() => controller.enqueue({ type: 'raw', rawValue: { builtin: 'loading' } }), LOADING_PING_MS);
          try {
            await engine.load(path);
          } finally {
            clearInterval(ping);
          }
          for await (const event of generation) {
            if (event.kind === 'text') {
              if (!open) controller.enqueue({ type: 'text-start', id: 'text' });
              open = true;
              controller.enqueue({ type: 'text-delta', id: 'text', delta: event.text });
              continue;
            }
            if (open) controller.enqueue({ type: 'text-end', id: 'text' });
            controller.enqueue({
              type: 'finish',
              finishReason: { unified: event.reason === 'aborted' ? 'interrupted' : event.reason, raw: event.reason },
              usage: {
                inputTokens: { total: event.usage.inputTokens, noCache: event.usage.inputTokens, cacheRead: undefined, cacheWrite: undefined },
                outputTokens: { total: event.usage.outputTokens, text: event.usage.outputTokens, reasoning: undefined },
              },
            });
          }
        } catch (err) {
          controller.enqueue({ type: 'error', error: err });
        }
        controller.close();
      },
      async cancel() {
        await generation.return(undefined);
      },
    });
    return { stream };
  }

  return {
    specificationVersion: 'v4',
    provider: 'builtin',
    modelId,
    supportedUrls: {},
    doStream,
    async doGenerate() {
      throw new Error('The built-in engine only streams.');
    },
  } as ProviderModel;
}
