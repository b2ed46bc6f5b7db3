// What a person types as a temperature: empty means the provider's default.
export const TEMPERATURE_HINT = '0 = focused, 2 = most varied; empty = the provider’s default';
/** What providers do with it (docs/wire-formats.md, Temperature). */
export const TEMPERATURE_LIMITS = 'Anthropic models take at most 1; reasoning models (OpenAI o-series and GPT-5, Claude Opus 4.7 and later) ignore it.';

export type ParsedTemperature = { kind: 'default' } | { kind: 'value'; value: number } | { kind: 'invalid'; message: string };

export function parseTemperature(input: string): ParsedTemperature {
  const text = input.trim().replace(',', '.');
  if (text === '') return { kind: 'default' };
  const value = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !Number.isFinite(value) || value > 2) {
    return { kind: 'invalid', message: 'Temperature is a number from 0 to 2, like 0.7.' };
  }
  return { kind: 'value', value: Math.round(value * 100) / 100 };
}
