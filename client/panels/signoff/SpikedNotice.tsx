import { Icon } from '../../ui/Icon.tsx';

/**
 * Over the copy of a spiked draft: someone who opens it from an old link or
 * the inbox, or is in it when it is spiked, learns the story will not run
 * before writing more of it.
 */
export function SpikedNotice({ canBringBack }: { canBringBack: boolean }) {
  return (
    <p className="note note--banner" role="status">
      <Icon name="spike" />
      <span>
        This draft is spiked: it will not run, and the drafts list leaves it out. It is kept as it was
        {canBringBack ? '; move it to another state to bring it back.' : '.'}
      </span>
    </p>
  );
}
