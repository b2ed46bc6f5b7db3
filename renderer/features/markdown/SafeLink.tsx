// Links from model output: never followed on click; the full address is confirmed first.
import { useCallback, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { LinkConfirm } from './LinkConfirm';
import { linkTarget } from './safe-url';

export interface SafeLinkProps {
  readonly href?: string;
  readonly children?: ReactNode;
  /** Plain text of the link, used to warn when it names a different address. */
  readonly label?: string;
  readonly className?: string;
  /**
   * 'span' renders a link-like span without an href: used for image placeholders, which may
   * sit inside a real link and must not nest anchors or expose the address to the browser.
   */
  readonly as?: 'a' | 'span';
}

export function SafeLink({ href, children, label = '', className, as = 'a' }: SafeLinkProps) {
  const [confirming, setConfirming] = useState(false);
  const close = useCallback(() => setConfirming(false), []);
  const target = linkTarget(href, label);

  if (target.kind === 'anchor' && as === 'a')
    return (
      <a href={target.href} className={className}>
        {children}
      </a>
    );
  if (target.kind !== 'external') {
    return (
      <span className="md-link-blocked" title="Link removed: its address is not allowed">
        {children}
      </span>
    );
  }

  const ask = (event: MouseEvent | KeyboardEvent): void => {
    event.preventDefault();
    event.stopPropagation(); // an image placeholder inside a link asks about itself only
    setConfirming(true);
  };
  const trigger =
    as === 'a' ? (
      <a
        href={target.href}
        className={className}
        rel="noopener noreferrer nofollow"
        referrerPolicy="no-referrer"
        title={target.href}
        onClick={ask}
        onAuxClick={ask}
        draggable={false}
      >
        {children}
      </a>
    ) : (
      <span
        role="link"
        tabIndex={0}
        className={className}
        title={target.href}
        onClick={ask}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') ask(event);
        }}
      >
        {children}
      </span>
    );
  return (
    <span className="md-link-wrap">
      {trigger}
      {confirming && <LinkConfirm href={target.href} notes={target.notes} onClose={close} />}
    </span>
  );
}
