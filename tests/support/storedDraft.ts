import * as Y from 'yjs';
import { createReplicaDoc } from '../../server/collab/replicaDoc.ts';
import type { DocumentStore } from '../../server/storage/DocumentStore.ts';

/**
 * The draft as the store would load it (snapshot, then every update), as a
 * fresh Y.Doc holding exactly what is stored (a replica: no formatting
 * tidy-up of its own). Throws when the draft does not exist.
 */
export async function loadStoredDoc(store: DocumentStore, draftId: string): Promise<Y.Doc> {
  const stored = await store.loadDraftState(draftId);
  if (!stored) throw new Error(`no stored draft ${draftId}`);
  const doc = createReplicaDoc();
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

/** Every deleted id of a document or an update as "client:clock", sorted: readable where two delete sets differ. */
export function deletedIdsOf(docOrUpdate: Y.Doc | Uint8Array): string[] {
  const update = docOrUpdate instanceof Y.Doc ? Y.encodeStateAsUpdate(docOrUpdate) : docOrUpdate;
  const ds = Y.decodeUpdate(update).ds as unknown as { clients: Map<number, Array<{ clock: number; len: number }>> };
  const ids: string[] = [];
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) for (let at = clock; at < clock + len; at++) ids.push(`${client}:${at}`);
  }
  return ids.sort();
}
