// Reasoning that arrives inside the answer text, for servers that do not split it into its own
// field: `<think>…</think>` (DeepSeek-R1 distills, Qwen3, QwQ on llama.cpp with
// --reasoning-format none, LM Studio without its parser, Ollama without `think`) and gpt-oss's
// harmony channels (`<|channel|>analysis<|message|>…<|end|><|start|>assistant<|channel|>final
// <|message|>…`) when llama.cpp or vLLM pass them through raw. The AI SDK's middleware buffers
// a tag split across chunks until it knows whether it is one. See docs/wire-formats.md.
import { extractReasoningMiddleware, type LanguageModelMiddleware } from 'ai';

export const HARMONY_ANALYSIS = '<|channel|>analysis<|message|>';
export const HARMONY_TO_FINAL = '<|end|><|start|>assistant<|channel|>final<|message|>';

export const INLINE_REASONING: LanguageModelMiddleware[] = [
  extractReasoningMiddleware({ tagName: 'think' }),
  extractReasoningMiddleware({ tagName: { opening: HARMONY_ANALYSIS, closing: HARMONY_TO_FINAL }, separator: '' }),
];
