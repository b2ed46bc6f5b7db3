import { Star } from 'lucide-react';
import type { ModelOption } from './model-options';
import { formatContext, formatPrice } from './model-options';

interface Props {
  option: ModelOption;
  id: string;
  active: boolean;
  selected: boolean;
  onChoose(): void;
  onHover(): void;
  onStar(): void;
}

export function ModelOptionRow({ option: o, id, active, selected, onChoose, onHover, onStar }: Props) {
  const classes = ['model-option', active && 'active', selected && 'selected', o.disabled && 'disabled'].filter(Boolean).join(' ');
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      aria-disabled={o.disabled || undefined}
      className={classes}
      onMouseMove={onHover}
      // Keep focus in the search box: choosing happens on click, not on focus change.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => !o.disabled && onChoose()}
      title={o.disabledReason ? `Unavailable: ${o.disabledReason}` : undefined}
    >
      <button
        type="button"
        tabIndex={-1}
        className={o.favorite ? 'star on' : 'star'}
        aria-label={o.favorite ? `Remove ${o.label} from favourites` : `Add ${o.label} to favourites`}
        aria-pressed={o.favorite}
        onClick={(e) => {
          e.stopPropagation();
          onStar();
        }}
      >
        <Star size={14} aria-hidden fill={o.favorite ? 'currentColor' : 'none'} />
      </button>
      <span className="model-name">{o.label}</span>
      <span className={o.local ? 'badge local' : 'badge remote'}>{o.local ? 'local' : 'remote'}</span>
      {o.vision && (
        <span className="badge" title="Reads images">
          vision
        </span>
      )}
      <span className="model-facts muted small">
        {o.contextWindow !== undefined && <span>{formatContext(o.contextWindow)}</span>}
        {o.inputPerMTok !== undefined && o.outputPerMTok !== undefined && <span>{formatPrice(o.inputPerMTok, o.outputPerMTok)}</span>}
      </span>
      {o.disabledReason && <span className="model-unavailable small">unavailable: {o.disabledReason}</span>}
    </li>
  );
}
