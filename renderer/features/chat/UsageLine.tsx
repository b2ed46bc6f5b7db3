import { formatUsd } from '../../../shared/cost';
import type { Usage } from '../../../shared/types';

const count = (n: number) => n.toLocaleString('en-US');

/** Tokens and cost of one reply; "price unknown" when no price is known, never a made-up $0. */
export function UsageLine({ usage, costUsd }: { usage: Usage | undefined; costUsd: number | undefined }) {
  if (!usage) return null;
  const parts = [
    usage.inputTokens !== undefined ? `${count(usage.inputTokens)} in` : undefined,
    usage.outputTokens !== undefined ? `${count(usage.outputTokens)} out` : undefined,
    usage.reasoningTokens ? `${count(usage.reasoningTokens)} reasoning` : undefined,
  ].filter((p): p is string => p !== undefined);
  return (
    <span className="usage-line muted small" data-testid="usage-line">
      {parts.join(' · ')}
      {parts.length > 0 && ' · '}
      <span title={costUsd === undefined ? 'No price is known for this model' : 'From the provider token counts and a published price'}>
        {costUsd === undefined ? 'price unknown' : formatUsd(costUsd)}
      </span>
    </span>
  );
}
