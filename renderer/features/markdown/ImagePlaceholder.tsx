// Images in model output never load by themselves (a remote image is a tracking beacon):
// they show as a labelled link the user may open on purpose.
import { SafeLink } from './SafeLink';

export interface ImagePlaceholderProps {
  readonly src?: string;
  readonly alt?: string;
}

export function ImagePlaceholder({ src, alt }: ImagePlaceholderProps) {
  const name = alt && alt.trim() !== '' ? alt : 'untitled';
  if (!src) {
    return (
      <span className="md-image md-link-blocked" title="Image address not allowed">
        🖼 image: {name} (blocked address)
      </span>
    );
  }
  return (
    <SafeLink href={src} className="md-image" as="span">
      🖼 image: {name} ({src})
    </SafeLink>
  );
}
