import { useEffect } from 'react';
import { holdPage } from '../../app/leaveGuard.ts';
import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { areChangesOnlyInThisTab } from './unsentChanges.ts';

export const UNSENT_CHANGES_MESSAGE =
  'Some of your changes have not reached the server, and this browser is not keeping them on this device. Leave this page and lose them?';

/**
 * Holds the page (see leaveGuard) while this tab has changes that exist
 * nowhere else: not yet stored on the server, and not in the offline copy
 * because the browser refused it or has not opened it yet. With the offline copy, leaving is safe:
 * the changes are sent the next time the draft opens here.
 */
export function useHoldUnsentChanges(session: DraftSession | null): void {
  useEffect(() => {
    if (!session) return;
    let release: (() => void) | null = null;
    const update = () => {
      const isAtRisk = areChangesOnlyInThisTab(session.offlineCopy.get(), session.saves.state.get().hasUnsavedChanges);
      if (isAtRisk && !release) {
        release = holdPage(UNSENT_CHANGES_MESSAGE);
      } else if (!isAtRisk && release) {
        release();
        release = null;
      }
    };
    update();
    const stopWatchingCopy = session.offlineCopy.subscribe(update);
    const stopWatchingSaves = session.saves.state.subscribe(update);
    return () => {
      stopWatchingCopy();
      stopWatchingSaves();
      release?.();
    };
  }, [session]);
}
