// Deterministic, realistic-looking chat text for seeding databases: sentences drawn from a
// vocabulary with a Zipf-like skew (a few words everywhere, most words rare), technical terms,
// and occasional code, the way real conversations with models read.

const COMMON =
  'the a to of and in is it that for you this with on be can are as your if or not use by from at an have will more one all when what which how there so about would do then but some get each also'.split(
    ' ',
  );
const TOPIC = `stream token model reply provider server request response latency parser buffer socket
frame chunk render paint layout message conversation search index query database schema migration
transaction vault keychain egress ledger connection timeout retry error status prompt context window
markdown table list code block function variable compile build test bench profile memory heap thread
worker event loop promise async await fetch header body json encoding decoder unicode emoji sentence
paragraph summary answer question explain example compare option setting preference theme sidebar
cache batch queue limit budget cost price usage input output reasoning temperature sampling local
remote network offline privacy security certificate loopback address port proxy route host`.split(/\s+/);
const RARE = `kubernetes terraform postgres sqlite fts5 bm25 webgpu wasm rustacean haskell monad
zustand virtualizer tanstack electron chromium playwright vitest esbuild rollup vite typescript
quaternion eigenvalue fourier laplace bayesian gaussian markov entropy gradient tensor embedding
sourdough espresso marathon cycling hiking photography watercolor origami calligraphy astronomy`.split(/\s+/);

export const MODELS = ['gpt-4o-mini', 'claude-sonnet-4', 'gemini-2.5-flash', 'llama3.2:3b', 'mistral-large', 'deepseek-chat'];

/** A small, fast, seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(list: readonly T[], r: () => number, skew = 1): T {
  return list[Math.floor(Math.pow(r(), skew) * list.length)]!;
}

function sentence(r: () => number): string {
  const n = 6 + Math.floor(r() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const x = r();
    words.push(x < 0.5 ? pick(COMMON, r, 2) : x < 0.97 ? pick(TOPIC, r, 1.6) : pick(RARE, r));
  }
  const first = words[0] ?? 'the';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}${r() < 0.1 ? '?' : '.'}`;
}

/** A user message (short) or an assistant message (longer, sometimes with code). */
export function messageText(r: () => number, role: 'user' | 'assistant'): string {
  const sentences = role === 'user' ? 1 + Math.floor(r() * 2) : 2 + Math.floor(r() * 6);
  const parts: string[] = [];
  for (let i = 0; i < sentences; i += 1) parts.push(sentence(r));
  if (role === 'assistant' && r() < 0.15) parts.push(`\n\n\`\`\`ts\nconst ${pick(TOPIC, r)} = await ${pick(TOPIC, r)}(${pick(TOPIC, r)});\n\`\`\``);
  return parts.join(' ');
}
