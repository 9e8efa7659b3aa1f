// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clearStashIf, EXIT_STASH_LIMIT_BYTES, readStash, stashOnExit } from '../../../client/editor/collab/exitStash.ts';

const edit = (doc: Y.Doc, text: string): Uint8Array => {
  const before = Y.encodeStateVector(doc);
  doc.getText('copy').insert(doc.getText('copy').length, text);
  return Y.encodeStateAsUpdate(doc, before);
};

const textOf = (update: Uint8Array): string => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('copy').toString();
};

describe('the stash of a leaving page’s last edits', () => {
  beforeEach(() => localStorage.clear());

  it('gathers the batches of successive exits into one, per offline copy', () => {
    const doc = new Y.Doc();
    stashOnExit('copy-a', edit(doc, 'Sailings resume'));
    stashOnExit('copy-a', edit(doc, ' on Monday.'));
    expect(textOf(readStash('copy-a')!)).toBe('Sailings resume on Monday.');
    expect(readStash('copy-b')).toBeNull();
  });

  it('is cleared only while it is still what the writer stashed', () => {
    const doc = new Y.Doc();
    const first = stashOnExit('copy-a', edit(doc, 'Sailings resume'))!;
    stashOnExit('copy-a', edit(doc, ' on Monday.'));
    clearStashIf('copy-a', first);
    expect(textOf(readStash('copy-a')!)).toBe('Sailings resume on Monday.');
    clearStashIf('copy-a', localStorage.getItem('copydesk.exitStash:copy-a')!);
    expect(readStash('copy-a')).toBeNull();
  });

  it('does not take a batch too large for localStorage, nor one that would make it so, and keeps what it holds', () => {
    const doc = new Y.Doc();
    stashOnExit('copy-a', edit(doc, 'Sailings resume'));
    expect(stashOnExit('copy-a', edit(doc, 'x'.repeat(EXIT_STASH_LIMIT_BYTES + 1)))).toBeNull();
    expect(textOf(readStash('copy-a')!)).toBe('Sailings resume');

    const other = new Y.Doc();
    const earlier = 'e'.repeat(1000);
    stashOnExit('copy-b', edit(other, earlier));
    const large = edit(other, 'y'.repeat(EXIT_STASH_LIMIT_BYTES - 500));
    expect(large.length).toBeLessThan(EXIT_STASH_LIMIT_BYTES);
    expect(stashOnExit('copy-b', large)).toBeNull();
    expect(textOf(readStash('copy-b')!)).toBe(earlier);
  });
});
