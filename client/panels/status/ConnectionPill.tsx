import type { ConnectionKind } from '../../editor/collab/ConnectionTracker.ts';
import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { useConnectionState } from '../../editor/collab/useDraftSession.ts';
import { Icon, type IconName } from '../../ui/Icon.tsx';

const LOOK: Record<ConnectionKind, { label: string; icon: IconName }> = {
  connecting: { label: 'Connecting…', icon: 'sync' },
  connected: { label: 'Connected', icon: 'check' },
  reconnecting: { label: 'Reconnecting…', icon: 'sync' },
  offline: { label: 'Offline', icon: 'offline' },
  closed: { label: 'Disconnected', icon: 'alert' },
};

/**
 * The live connection in words and an icon (never colour alone). A polite
 * live region, so a screen reader hears "Offline" or "Connected" when it
 * changes; the reason, when there is one, is in the tooltip and read with it.
 */
export function ConnectionPill({ session }: { session: DraftSession }) {
  const connection = useConnectionState(session);
  const look = LOOK[connection.kind];
  const isSpinning = connection.kind === 'connecting' || connection.kind === 'reconnecting';
  return (
    <div
      className={`pill pill--${connection.kind}`}
      role="status"
      aria-live="polite"
      title={connection.detail ?? undefined}
    >
      <Icon name={look.icon} className={isSpinning ? 'icon--spin' : undefined} />
      <span>{look.label}</span>
      {connection.detail && connection.kind !== 'closed' && <span className="visually-hidden">. {connection.detail}</span>}
    </div>
  );
}
