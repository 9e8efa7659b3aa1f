import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PendingRoots } from '../../../server/collab/PendingRoots.ts';
import { gateUpdate } from '../../../server/collab/updateGate.ts';
import { resolveWriteScope } from '../../../server/collab/writeScope.ts';
import { canWriteRootType } from '../../../shared/permissions/permissions.ts';
import {
  SERVER_CLIENT,
  cloneDoc,
  encodeSections,
  id,
  makeServerDoc,
  mulberry32,
  paragraphText,
  peerOf,
  stateVectorOf,
  stringItem,
  updateOf,
  updatesOf,
} from './yjsFixtures.ts';

/** The server's draft with a server-only root type beside the copy. */
function makeDraft(): Y.Doc {
  const doc = makeServerDoc();
  doc.getMap('annotations').set('flag-1', 'legal-risk');
  return doc;
}

function scopeOf(doc: Y.Doc, update: Uint8Array, pending = new PendingRoots()) {
  const verdict = gateUpdate(update, stateVectorOf(doc), 1 << 20);
  if (!verdict.ok) throw new Error(`gate refused: ${verdict.reason}`);
  return resolveWriteScope(verdict.structs, verdict.deleteSet, doc, pending);
}

const rootsOf = (scope: ReturnType<typeof scopeOf>) => (scope.ok ? [...scope.roots].sort() : scope.reason);

/** Slow oracle: apply to a copy and read which root types the transaction changed. */
function changedRoots(doc: Y.Doc, update: Uint8Array): string[] {
  const copy = cloneDoc(doc);
  const roots = new Set<string>();
  copy.on('afterTransaction', (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) {
      let top = type;
      while (top._item) top = top._item.parent as typeof type;
      roots.add(Y.findRootTypeKey(top));
    }
  });
  Y.applyUpdate(copy, update);
  return [...roots].sort();
}

describe('resolveWriteScope: which root types an update writes', () => {
  it('[CS16] typing into a body paragraph writes body only', () => {
    const draft = makeDraft();
    const peer = peerOf(draft, 7);
    const update = updateOf(peer, () => paragraphText(peer, 0).insert(5, ','));
    expect(rootsOf(scopeOf(draft, update))).toEqual(['body']);
  });

  it('[CS16] a new paragraph (nested types given by parent id) writes body only', () => {
    const draft = makeDraft();
    const peer = peerOf(draft, 7);
    const update = updateOf(peer, () => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Added.')]);
      paragraph.setAttribute('data-x', '1');
      peer.getXmlFragment('body').push([paragraph]);
    });
    expect(rootsOf(scopeOf(draft, update))).toEqual(['body']);
  });

  it('[CS16] setting a key of the annotations map writes annotations', () => {
    const draft = makeDraft();
    const peer = peerOf(draft, 7);
    const update = updateOf(peer, () => peer.getMap('annotations').set('flag-2', 'claim'));
    expect(rootsOf(scopeOf(draft, update))).toEqual(['annotations']);
  });

  it('[CS16] writing a root type the draft never had names that new root', () => {
    const draft = makeDraft();
    const peer = peerOf(draft, 7);
    const update = updateOf(peer, () => peer.getText('sneaky').insert(0, 'x'));
    expect(rootsOf(scopeOf(draft, update))).toEqual(['sneaky']);
  });

  it('[CS16] deleting body text writes body; formatting it writes body', () => {
    const draft = makeDraft();
    const peer = peerOf(draft, 7);
    expect(rootsOf(scopeOf(draft, updateOf(peer, () => paragraphText(peer, 1).delete(0, 6))))).toEqual(['body']);
    const peer2 = peerOf(draft, 8);
    expect(rootsOf(scopeOf(draft, updateOf(peer2, () => paragraphText(peer2, 0).format(0, 5, { bold: true }))))).toEqual(['body']);
  });

  it('[CS16] a delete set of items already deleted writes nothing (a reader’s sync step 2)', () => {
    const draft = makeDraft();
    const editor = peerOf(draft, 7);
    const deletion = updateOf(editor, () => paragraphText(editor, 1).delete(0, 6));
    Y.applyUpdate(draft, deletion);
    const reader = cloneDoc(draft);
    // What a provider sends as sync step 2: everything after the server's state, plus the whole delete set.
    const step2 = Y.encodeStateAsUpdate(reader, Y.encodeStateVector(draft));
    const scope = scopeOf(draft, step2);
    expect(scope.ok && scope.roots.length).toBe(0);
    expect(scope.ok && scope.hasEffectiveDeletes).toBe(false);
  });

  it('[CS16] refuses an item whose left and right neighbours sit in different root types', () => {
    const draft = makeDraft();
    const annotationsItem = (draft.getMap('annotations') as unknown as { _map: Map<string, Y.Item> })._map.get('flag-1')!;
    const bodyTextItem = paragraphText(draft, 0)._start!;
    const crafted = encodeSections([
      { client: 9, clock: 0, structs: [stringItem(9, 0, 'x', { origin: bodyTextItem.id, rightOrigin: annotationsItem.id })] },
    ]);
    const scope = scopeOf(draft, crafted);
    expect(scope.ok).toBe(false);
  });

  it('[CS16] fails closed on items whose neighbours refer to each other (a cycle the gate would refuse first)', () => {
    const draft = makeDraft();
    const crafted = encodeSections([
      { client: 9, clock: 0, structs: [stringItem(9, 0, 'x', { origin: id(9, 1) }), stringItem(9, 1, 'y', { origin: id(9, 0) })] },
    ]);
    expect(gateUpdate(crafted, stateVectorOf(draft), 1 << 20).ok).toBe(false);
    const { structs, ds } = Y.decodeUpdate(crafted);
    expect(resolveWriteScope(structs, ds, draft, new PendingRoots())).toMatchObject({ ok: false });
  });

  it('[CS16] resolves references to items of a pending (accepted, not yet applied) update', () => {
    const draft = makeDraft();
    const peer = peerOf(draft, 7);
    const first = updateOf(peer, () => paragraphText(peer, 0).insert(11, '!'));
    const second = updateOf(peer, () => paragraphText(peer, 0).insert(12, '?'));
    const pending = new PendingRoots();
    const firstScope = scopeOf(draft, first, pending);
    if (!firstScope.ok) throw new Error(firstScope.reason);
    // Without the first update's ranges the second cannot be traced (and its clocks are ahead of the draft).
    const known = stateVectorOf(draft);
    for (const r of firstScope.itemRanges) known.set(r.client, r.end);
    const verdict = gateUpdate(second, known, 1 << 20);
    if (!verdict.ok) throw new Error(verdict.reason);
    expect(resolveWriteScope(verdict.structs, verdict.deleteSet, draft, new PendingRoots()).ok).toBe(false);
    pending.add(firstScope.itemRanges);
    const secondScope = resolveWriteScope(verdict.structs, verdict.deleteSet, draft, pending);
    expect(secondScope.ok && [...secondScope.roots]).toEqual(['body']);
  });

  it('typing into a paragraph the server has already garbage-collected writes nothing', () => {
    const draft = makeDraft();
    const typist = peerOf(draft, 7);
    const remover = peerOf(draft, 8);
    Y.applyUpdate(draft, updateOf(remover, () => remover.getXmlFragment('body').delete(0, 1)));
    const late = updateOf(typist, () => paragraphText(typist, 0).insert(3, 'x'));
    const scope = scopeOf(draft, late);
    expect(scope.ok && scope.roots.length).toBe(0);
  });

  it('[CS16] oracle: on random honest edits, the roots found are exactly the roots Yjs changes', () => {
    const seed = 20261126;
    const random = mulberry32(seed);
    const draft = makeDraft();
    let checked = 0;
    for (let round = 0; round < 300; round++) {
      const peer = peerOf(draft, 100 + (round % 5));
      const updates = updatesOf(peer, () => {
        const pick = random();
        const text = paragraphText(peer, 0);
        if (pick < 0.35) text.insert(Math.floor(random() * (text.length + 1)), 'ab');
        else if (pick < 0.5 && text.length > 2) text.delete(Math.floor(random() * (text.length - 1)), 1);
        else if (pick < 0.6) text.format(0, Math.min(3, text.length), { italic: random() < 0.5 ? true : null });
        else if (pick < 0.75) peer.getMap('annotations').set(`k${Math.floor(random() * 5)}`, round);
        else if (pick < 0.85) {
          const p = new Y.XmlElement('paragraph');
          p.insert(0, [new Y.XmlText(`r${round}`)]);
          peer.getXmlFragment('body').push([p]);
        } else if (peer.getXmlFragment('body').length > 3) peer.getXmlFragment('body').delete(2, 1);
        else peer.getArray('versions').push([round]);
      });
      for (const update of updates) {
        const scope = scopeOf(draft, update);
        if (!scope.ok) throw new Error(`seed ${seed} round ${round}: ${scope.reason}`);
        expect([...scope.roots].sort(), `seed ${seed} round ${round}`).toEqual(changedRoots(draft, update));
        Y.applyUpdate(draft, update);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(250);
    expect(draft.clientID).toBe(SERVER_CLIENT);
  });

  it('[CS16] the permission table: editors and chiefs write body only; legal and admin nothing', () => {
    expect(canWriteRootType('editor', 'body')).toBe(true);
    expect(canWriteRootType('chief', 'body')).toBe(true);
    expect(canWriteRootType('editor', 'annotations')).toBe(false);
    expect(canWriteRootType('legal', 'body')).toBe(false);
    expect(canWriteRootType('admin', 'body')).toBe(false);
    expect(canWriteRootType('editor', 'sneaky')).toBe(false);
    expect(id(1, 1).clock).toBe(1);
  });
});
