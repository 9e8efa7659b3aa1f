import type { DocumentStore } from '../storage/DocumentStore.ts';
import type { LoadedDraft } from './Room.ts';
import { createReplicaDoc } from './replicaDoc.ts';
import { applyStoredState } from './storedState.ts';

/** The stored draft could not be turned into a document. It is never replaced by an empty one. */
export class DraftLoadError extends Error {
  constructor(draftId: string, cause: unknown) {
    super(`draft ${draftId} could not be loaded`, { cause });
    this.name = 'DraftLoadError';
  }
}

/**
 * Builds a draft's live document from its snapshot and the updates after it.
 * Returns undefined when the draft does not exist; throws DraftLoadError when
 * the stored state does not apply whole.
 */
export async function loadDraft(store: DocumentStore, draftId: string): Promise<LoadedDraft | undefined> {
  const stored = await store.loadDraftState(draftId);
  if (!stored) return undefined;
  const doc = createReplicaDoc({ gc: true });
  try {
    applyStoredState(doc, stored);
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      throw new Error('stored updates have missing dependencies');
    }
  } catch (error) {
    doc.destroy();
    throw new DraftLoadError(draftId, error);
  }
  return {
    doc,
    lastSeq: stored.lastSeq,
    updatesSinceSnapshot: stored.updates.length,
    ...(stored.snapshot && stored.updates.length === 0 ? { snapshot: stored.snapshot } : {}),
  };
}
