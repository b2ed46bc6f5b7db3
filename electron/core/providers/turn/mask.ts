// Keeps keys out of error details: the request's own key, and anything shaped like a key.

const KEY_SHAPES: RegExp[] = [
  /\bsk-[A-Za-z0-9_*.-]{6,}/g, // OpenAI, Anthropic (sk-ant-…), DeepSeek, OpenRouter (sk-or-…)
  /\bxai-[A-Za-z0-9_-]{10,}/g,
  /\bgsk_[A-Za-z0-9]{10,}/g, // Groq
  /\bAIza[0-9A-Za-z_-]{20,}/g, // Google
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /([?&](?:key|api_key|apikey)=)[^&\s"']+/gi,
];

const MASK = '[redacted]';

export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(MASK);
  }
  for (const shape of KEY_SHAPES) {
    out = out.replace(shape, (match, prefix: unknown) => (typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${MASK}` : MASK));
  }
  return out;
}

export function detailOf(text: string | undefined, secrets: readonly string[] = [], max = 500): string | undefined {
  if (text === undefined) return undefined;
  const clean = maskSecrets(text.replace(/\s+/g, ' ').trim(), secrets);
  if (clean === '') return undefined;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
