import * as Y from 'yjs';
import type { DocumentStore } from '../../server/storage/DocumentStore.ts';

/**
 * The draft as the store would load it (snapshot, then every update), as a
 * fresh Y.Doc. Throws when the draft does not exist.
 */
export async function loadStoredDoc(store: DocumentStore, draftId: string): Promise<Y.Doc> {
  const stored = await store.loadDraftState(draftId);
  if (!stored) throw new Error(`no stored draft ${draftId}`);
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** The stored draft's whole state, base64, for byte-for-byte comparison of before and after. */
export async function storedStateBase64(store: DocumentStore, draftId: string): Promise<string> {
  const doc = await loadStoredDoc(store, draftId);
  const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  doc.destroy();
  return state;
}

/** A state vector as a plain sorted object, readable in a failed assertion. */
export function stateVectorOf(doc: Y.Doc): Record<string, number> {
  const entries = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort(([a], [b]) => a - b);
  return Object.fromEntries(entries.map(([client, clock]) => [String(client), clock]));
}
