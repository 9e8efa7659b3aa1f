import * as Y from 'yjs';

/**
 * A Y.Doc that holds exactly the updates it is given and never changes
 * anything on its own: every document the server builds from stored or
 * received updates is one.
 *
 * After applying an update, Yjs tidies the formatting of the text it touched:
 * where concurrent edits left redundant format markers, it deletes them — a
 * change of the document's own, made in memory. The server stores and relays
 * the bytes clients send, never its document's changes, so such a deletion
 * would exist only in the server's memory: clients that join later would get
 * it in their sync answer, clients already connected and the database never
 * would, and a client's own tidy-up of the same marker would then look
 * redundant and be dropped — the copy would differ between people. Clients
 * tidy up themselves and send the deletions like any edit, so the server
 * leaves it to them.
 */
export function createReplicaDoc(options?: { gc?: boolean }): Y.Doc {
  const doc = new Y.Doc(options);
  doc.on('afterTransaction', skipFormattingCleanup);
  return doc;
}

/**
 * Yjs (13.6) marks a transaction for the tidy-up while calling the changed
 * types' observers and acts on the mark after the 'afterTransaction'
 * handlers have run; clearing it here skips the tidy-up. The replica tests
 * fail if a Yjs release changes that order.
 */
function skipFormattingCleanup(transaction: Y.Transaction): void {
  (transaction as unknown as { _needFormattingCleanup: boolean })._needFormattingCleanup = false;
}
