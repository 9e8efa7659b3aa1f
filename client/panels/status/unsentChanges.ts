import type { OfflineCopyState } from '../../editor/collab/BatchedIndexeddbPersistence.ts';

/**
 * True when changes exist in this tab alone: the server has not stored them,
 * and the device's copy either failed or is still opening. A page leaving
 * while the copy opens stashes them in localStorage (exitStash.ts), but only
 * up to a size and where the browser lets it, so leaving then still asks.
 */
export const areChangesOnlyInThisTab = (offlineCopy: OfflineCopyState, hasUnsavedChanges: boolean): boolean =>
  hasUnsavedChanges && offlineCopy !== 'kept';
