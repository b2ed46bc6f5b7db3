// A tiny llama-architecture GGUF with seeded random weights that llama.cpp loads and runs:
// 2 layers, 64 wide, a SentencePiece-style ("llama") vocabulary with byte fallback, so any text
// tokenizes. The replies are gibberish; the load/stream/stop path is the real one.
import { writeGguf, type GgufTensor, type GgufValue } from './gguf-writer';

export interface TinyLlamaOptions {
  layers?: number;
  embedding?: number;
  heads?: number;
  feedForward?: number;
  contextLength?: number;
  seed?: number;
  name?: string;
  /** Let the model end its replies by itself (an end-of-text logit like any word's). Default: it never does. */
  endsReplies?: boolean;
}

const WORDS = [
  'the',
  'a',
  'of',
  'and',
  'to',
  'in',
  'is',
  'it',
  'you',
  'that',
  'was',
  'for',
  'on',
  'are',
  'with',
  'as',
  'be',
  'at',
  'one',
  'have',
  'this',
  'from',
  'by',
  'hot',
  'word',
  'but',
  'what',
  'some',
  'we',
  'can',
  'out',
  'other',
  'were',
  'all',
  'there',
  'when',
  'up',
  'use',
  'your',
  'how',
];

/** SentencePiece token types, as llama.cpp reads `tokenizer.ggml.token_type`. */
const NORMAL = 1;
const UNKNOWN = 2;
const CONTROL = 3;
const BYTE = 6;
const EOS = 2;

function vocabulary(): { tokens: string[]; scores: number[]; types: number[] } {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [UNKNOWN, CONTROL, CONTROL];
  for (let b = 0; b < 256; b += 1) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(BYTE);
  }
  const pieces = ['▁', ...'abcdefghijklmnopqrstuvwxyz'.split(''), ...WORDS.map((w) => `▁${w}`)];
  for (const p of pieces) {
    tokens.push(p);
    types.push(NORMAL);
  }
  // Longer pieces score higher, so the tokenizer prefers whole words.
  const scores = tokens.map((t, i) => (types[i] === NORMAL ? -10 + t.length : 0));
  return { tokens, scores, types };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Byte and control tokens get zero logits, so the gibberish is mostly words, rarely broken UTF-8. */
function outputWeights(types: number[], embd: number, rand: (count: number, scale: number) => Float32Array, endsReplies: boolean): Float32Array {
  const out = new Float32Array(embd * types.length);
  types.forEach((type, token) => {
    if (type === NORMAL || (endsReplies && token === EOS)) out.set(rand(embd, 1), token * embd);
  });
  return out;
}

export function writeTinyLlama(path: string, opts: TinyLlamaOptions = {}): { sizeBytes: number; vocabSize: number } {
  const layers = opts.layers ?? 2;
  const embd = opts.embedding ?? 64;
  const heads = opts.heads ?? 4;
  const ff = opts.feedForward ?? 128;
  const ctx = opts.contextLength ?? 512;
  const random = mulberry32(opts.seed ?? 42);
  const { tokens, scores, types } = vocabulary();
  const vocab = tokens.length;

  const rand = (count: number, scale: number) => Float32Array.from({ length: count }, () => (random() * 2 - 1) * scale);
  const ones = (count: number) => new Float32Array(count).fill(1);
  const tensors: GgufTensor[] = [
    { name: 'token_embd.weight', dims: [embd, vocab], data: rand(embd * vocab, 0.5) },
    { name: 'output_norm.weight', dims: [embd], data: ones(embd) },
    { name: 'output.weight', dims: [embd, vocab], data: outputWeights(types, embd, rand, opts.endsReplies ?? false) },
  ];
  for (let i = 0; i < layers; i += 1) {
    const w = (name: string, dims: number[], scale = 0.1): GgufTensor => ({ name: `blk.${i}.${name}.weight`, dims, data: rand(dims[0]! * dims[1]!, scale) });
    tensors.push(
      { name: `blk.${i}.attn_norm.weight`, dims: [embd], data: ones(embd) },
      w('attn_q', [embd, embd]),
      w('attn_k', [embd, embd]),
      w('attn_v', [embd, embd]),
      w('attn_output', [embd, embd]),
      { name: `blk.${i}.ffn_norm.weight`, dims: [embd], data: ones(embd) },
      w('ffn_gate', [embd, ff]),
      w('ffn_up', [embd, ff]),
      w('ffn_down', [ff, embd]),
    );
  }

  const metadata: Record<string, GgufValue> = {
    'general.architecture': { type: 'string', value: 'llama' },
    'general.name': { type: 'string', value: opts.name ?? 'Tiny Test Llama' },
    'general.file_type': { type: 'u32', value: 0 }, // ALL_F32
    'general.alignment': { type: 'u32', value: 32 },
    'llama.context_length': { type: 'u32', value: ctx },
    'llama.embedding_length': { type: 'u32', value: embd },
    'llama.block_count': { type: 'u32', value: layers },
    'llama.feed_forward_length': { type: 'u32', value: ff },
    'llama.attention.head_count': { type: 'u32', value: heads },
    'llama.attention.head_count_kv': { type: 'u32', value: heads },
    'llama.attention.layer_norm_rms_epsilon': { type: 'f32', value: 1e-5 },
    'llama.rope.dimension_count': { type: 'u32', value: embd / heads },
    'llama.vocab_size': { type: 'u32', value: vocab },
    'tokenizer.ggml.model': { type: 'string', value: 'llama' },
    'tokenizer.ggml.tokens': { type: 'string[]', value: tokens },
    'tokenizer.ggml.scores': { type: 'f32[]', value: scores },
    'tokenizer.ggml.token_type': { type: 'i32[]', value: types },
    'tokenizer.ggml.bos_token_id': { type: 'u32', value: 1 },
    'tokenizer.ggml.eos_token_id': { type: 'u32', value: 2 },
    'tokenizer.ggml.unknown_token_id': { type: 'u32', value: 0 },
    'tokenizer.ggml.add_bos_token': { type: 'bool', value: true },
  };
  return { sizeBytes: writeGguf(path, metadata, tensors), vocabSize: vocab };
}
