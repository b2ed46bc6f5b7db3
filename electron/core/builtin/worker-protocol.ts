// Messages between the core and the llama.cpp worker thread. Plain data only (structured clone).

export type HistoryItem = { type: 'system'; text: string } | { type: 'user'; text: string } | { type: 'model'; text: string };

export interface GgufFacts {
  architecture: string;
  /** The model's own name from general.name, when it has one. */
  name?: string;
  /** Quantisation as llama.cpp names it (Q4_K_M, F16, ...). */
  quantisation: string;
  contextLength?: number;
  parameters: number;
  sizeBytes: number;
  /** RAM llama.cpp will need for the weights plus a context of `contextSize` tokens. */
  ramNeededBytes: number;
  contextSize: number;
  supported: boolean;
}

export type WorkerRequest =
  | { op: 'inspect'; id: number; path: string; contextSize: number }
  | { op: 'load'; id: number; path: string; contextSize: number }
  | { op: 'generate'; id: number; history: HistoryItem[]; maxTokens?: number; temperature?: number }
  | { op: 'stop'; id: number; target: number }
  | { op: 'unload'; id: number };

export interface GenerationUsage {
  inputTokens: number;
  outputTokens: number;
}

export type WorkerReply =
  | { op: 'inspected'; id: number; facts: GgufFacts }
  | { op: 'loaded'; id: number; ms: number }
  | { op: 'chunk'; id: number; text: string }
  | { op: 'done'; id: number; reason: 'stop' | 'length' | 'aborted'; usage: GenerationUsage }
  | { op: 'unloaded'; id: number }
  | { op: 'failed'; id: number; message: string };
