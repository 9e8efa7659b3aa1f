import * as Y from 'yjs';
import type { DocumentStore, StoredDraftState } from '../storage/DocumentStore.ts';
import { createReplicaDoc } from './replicaDoc.ts';

/** Applies a stored draft (snapshot, then the updates after it) to `doc` in one transaction. */
export function applyStoredState(doc: Y.Doc, stored: StoredDraftState, origin: unknown = null): void {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  }, origin);
}

/**
 * Folds a draft's stored updates into a new snapshot, built from the database
 * (not from any live copy, which with several instances may lack updates
 * another instance stored). Resolves false when there was nothing to fold.
 */
export async function compactStoredDraft(store: DocumentStore, draftId: string): Promise<boolean> {
  const stored = await store.loadDraftState(draftId);
  if (!stored || stored.updates.length === 0) return false;
  const doc = createReplicaDoc();
  try {
    applyStoredState(doc, stored);
    await store.compactDraft(draftId, Y.encodeStateAsUpdate(doc), stored.lastSeq);
  } finally {
    doc.destroy();
  }
  return true;
}
