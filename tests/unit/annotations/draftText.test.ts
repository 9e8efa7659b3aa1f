import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDraftText, textOf } from '../../../server/annotations/draftText.ts';
import { importDraft } from '../../../server/drafts/importDraft.ts';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';
import { appendParagraph, typeInto } from '../../support/collabClient.ts';

const wholeCopy = (live: Y.Doc) => {
  const text = readDraftText(live);
  return textOf(text, { from: 0, to: text.pmDoc.content.size });
};

function liveDraft(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, importDraft({ bytes: new TextEncoder().encode('# Council budget\n\nThe council met on Monday.\n'), filename: 'copy.md' }).state);
  return doc;
}

describe('the ProseMirror copy of a draft that flags are read against', () => {
  it('is converted once and reused while the copy does not change, flags or not', () => {
    const live = liveDraft();
    const first = readDraftText(live);
    expect(readDraftText(live)).toBe(first);
    live.getMap(ROOT_TYPES.annotations).set('a-flag', new Y.Map());
    expect(readDraftText(live)).toBe(first);
  });

  it('is converted again after any change to the copy: a new block, typing inside one, a deletion', () => {
    const live = liveDraft();
    const first = readDraftText(live);
    appendParagraph(live, 'A late paragraph.');
    const second = readDraftText(live);
    expect(second).not.toBe(first);
    expect(wholeCopy(live)).toContain('A late paragraph.');

    typeInto(live, ' Typed.');
    expect(readDraftText(live)).not.toBe(second);
    expect(wholeCopy(live)).toContain('Typed.');

    const third = readDraftText(live);
    const body = live.getXmlFragment(ROOT_TYPES.body);
    body.delete(body.length - 1, 1);
    expect(readDraftText(live)).not.toBe(third);
    expect(wholeCopy(live)).not.toContain('A late paragraph.');
  });
});
