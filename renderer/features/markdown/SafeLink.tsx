// Links from model output: never followed on click; the full address is confirmed first.
import { useCallback, useState, type MouseEvent, type ReactNode } from 'react';
import { LinkConfirm } from './LinkConfirm';
import { linkTarget } from './safe-url';

export interface SafeLinkProps {
  readonly href?: string;
  readonly children?: ReactNode;
  /** Plain text of the link, used to warn when it names a different address. */
  readonly label?: string;
  readonly className?: string;
}

export function SafeLink({ href, children, label = '', className }: SafeLinkProps) {
  const [confirming, setConfirming] = useState(false);
  const close = useCallback(() => setConfirming(false), []);
  const target = linkTarget(href, label);

  if (target.kind === 'blocked') {
    return <span className="md-link-blocked" title="Link removed: its address is not allowed">{children}</span>;
  }
  if (target.kind === 'anchor') return <a href={target.href} className={className}>{children}</a>;

  const ask = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    setConfirming(true);
  };
  return (
    <span className="md-link-wrap">
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
      {confirming && <LinkConfirm href={target.href} notes={target.notes} onClose={close} />}
    </span>
  );
}
