import * as Y from 'yjs';
import type { PersonRef } from '../../shared/annotations/types.ts';
import { FLAG_STATUSES } from '../../shared/annotations/kinds.ts';
import { checkAnchors } from '../../server/annotations/checkAnchors.ts';
import { readDraftText } from '../../server/annotations/draftText.ts';
import { insertFlag } from '../../server/annotations/flagWrites.ts';
import { newAnnotationId } from '../../server/annotations/newId.ts';
import type { FlagSpec } from '../support/longDraft.ts';

/**
 * A draft state with `flags` added the way the server's createFlag writes
 * them (anchors checked and quoted by checkAnchors, the record stored by
 * insertFlag), without a request per flag: for --quick runs, where making
 * hundreds of flags through the REST API would take most of the run. Throws
 * like checkAnchors for an anchor that does not lie in the copy.
 */
export function withStoredFlags(state: Uint8Array, flags: FlagSpec[], by: PersonRef, at: Date): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  // The copy does not change while flags are added: one reading serves them all.
  const text = readDraftText(doc);
  const now = at.toISOString();
  doc.transact(() => {
    flags.forEach((spec, index) => {
      const { quote } = checkAnchors(text, spec.start, spec.end);
      insertFlag(doc, {
        id: newAnnotationId(),
        kind: spec.kind,
        start: spec.start,
        end: spec.end,
        quote,
        status: FLAG_STATUSES.open,
        createdBy: by,
        createdAt: now,
        ...(spec.kind === 'claim' ? { claim: { verification: 'unverified' as const } } : {}),
        events: [{ at: now, by, action: 'created' }],
        comments: [{ id: newAnnotationId(), author: by, text: `Bench flag ${index + 1}: check this.`, createdAt: now, history: [], deleted: false }],
      });
    });
  });
  const flagged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  text.doc.destroy();
  return flagged;
}
