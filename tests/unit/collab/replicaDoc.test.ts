import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createReplicaDoc } from '../../../server/collab/replicaDoc.ts';
import { deletedIdsOf } from '../../support/storedDraft.ts';

/**
 * Two writers bold the opening words at the same time, each on their own copy:
 * together their updates hold two sets of format markers for one range, which
 * Yjs tidies up (deletes the redundant ones) in any document that receives
 * the second as a remote change.
 */
function concurrentBoldUpdates(): Uint8Array[] {
  const base = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  base.getXmlFragment('body').insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText('The minister resigned on Tuesday.')]);
  const baseState = Y.encodeStateAsUpdate(base);
  const updates = [baseState];
  for (const _writer of [1, 2]) {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, baseState);
    copy.on('update', (update: Uint8Array) => updates.push(update));
    const text = (copy.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 12, { bold: {} });
  }
  return updates;
}

describe('a replica document (what the server builds from stored and received updates)', () => {
  it('holds exactly the deletions of the updates it applied, where a plain Y.Doc tidies formatting on its own', () => {
    const updates = concurrentBoldUpdates();
    const sent = deletedIdsOf(Y.mergeUpdates(updates));

    // The scenario does make Yjs tidy up: a plain document deletes markers nobody sent a deletion for.
    const plain = new Y.Doc();
    for (const update of updates) Y.applyUpdate(plain, update);
    expect(deletedIdsOf(plain).length).toBeGreaterThan(sent.length);

    const replica = createReplicaDoc();
    const ownChanges: Uint8Array[] = [];
    replica.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'applied') ownChanges.push(update);
    });
    for (const update of updates) Y.applyUpdate(replica, update, 'applied');
    expect(deletedIdsOf(replica)).toEqual(sent);
    expect(ownChanges).toEqual([]);
  });

  it('reads the same copy as the writers see it: the tidy-up only removes redundant markers', () => {
    const updates = concurrentBoldUpdates();
    const plain = new Y.Doc();
    const replica = createReplicaDoc({ gc: true });
    for (const update of updates) {
      Y.applyUpdate(plain, update);
      Y.applyUpdate(replica, update);
    }
    expect(replica.getXmlFragment('body').toString()).toBe(plain.getXmlFragment('body').toString());
    expect(replica.getXmlFragment('body').toString()).toContain('<bold>The minister</bold>');
  });
});
