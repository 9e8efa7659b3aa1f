import type { OfflineCopyState } from '../../editor/collab/BatchedIndexeddbPersistence.ts';

/**
 * True when changes exist in this tab alone: the server has not stored them,
 * and the device's copy either failed or is still opening (the browser
 * writes the whole draft into it once it opens, which a page that has left
 * never gets to).
 */
export const areChangesOnlyInThisTab = (offlineCopy: OfflineCopyState, hasUnsavedChanges: boolean): boolean =>
  hasUnsavedChanges && offlineCopy !== 'kept';
