// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BatchedIndexeddbPersistence } from '../../../client/editor/collab/BatchedIndexeddbPersistence.ts';
import { readStash } from '../../../client/editor/collab/exitStash.ts';

/**
 * The offline copy's stash while the copy is still opening (here it never
 * opens: the browser's IndexedDB never answers), when the draft is left in
 * the app and when its copy is discarded.
 */
describe('the offline copy while it opens', () => {
  const copies: BatchedIndexeddbPersistence[] = [];
  const open = (name: string) => {
    const doc = new Y.Doc();
    const copy = new BatchedIndexeddbPersistence(name, doc);
    copies.push(copy);
    return { doc, copy };
  };
  beforeEach(() => {
    localStorage.clear();
    vi.stubGlobal('indexedDB', { open: () => ({}) });
  });
  afterEach(() => {
    // Not awaited: closing waits for an open that never comes.
    for (const copy of copies.splice(0)) void copy.destroy();
    vi.unstubAllGlobals();
  });

  it('stashes the edits made so far when the draft is left before it has opened, and puts them back next time', async () => {
    const first = open('copydesk:acc:draft-1');
    expect(first.copy.state.get()).toBe('opening');
    first.doc.getText('copy').insert(0, 'Sailings resume on Monday.');
    void first.copy.destroy();
    expect(readStash('copydesk:acc:draft-1')).not.toBeNull();

    const second = open('copydesk:acc:draft-1');
    expect(second.doc.getText('copy').toString()).toBe('Sailings resume on Monday.');
  });

  it('keeps nothing of a copy that is discarded', async () => {
    const { doc, copy } = open('copydesk:acc:draft-2');
    doc.getText('copy').insert(0, 'Refused by the server.');
    void copy.clearData();
    expect(readStash('copydesk:acc:draft-2')).toBeNull();
  });
});
