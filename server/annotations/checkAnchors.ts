import * as Y from 'yjs';
import { decodeAnchor } from '../../shared/annotations/anchors.ts';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import { invalidAnchor } from '../appError.ts';
import { positionOf, textOf, type DraftText } from './draftText.ts';

/**
 * Checks a new flag's anchors against the draft and returns its quote.
 * Anchors are untrusted: each must decode, name content the draft has, lie
 * inside `body` (not another root type, not deleted), and start must come
 * before end. Throws 400 `invalid_anchor` naming the anchor and the reason.
 */
export function checkAnchors(text: DraftText, start: string, end: string): { quote: string } {
  checkOne(text, start, 'start');
  checkOne(text, end, 'end');
  const from = positionOf(text, start);
  const to = positionOf(text, end);
  if (from === null || to === null) throw invalidAnchor('the anchors do not resolve to a place in the copy');
  if (from >= to) throw invalidAnchor('start must come before end in the copy');
  return { quote: textOf(text, { from, to }) };
}

function checkOne(text: DraftText, anchor: string, name: string): void {
  const position = decodeAnchor(anchor);
  if (!position) throw invalidAnchor(`${name} is not base64 of an encoded Yjs relative position`);
  // Resolving a position that names a root type creates that root: refuse any but `body` first.
  if (position.tname !== null && position.tname !== ROOT_TYPES.body) {
    throw invalidAnchor(`${name} points into the root type ${JSON.stringify(position.tname.slice(0, 40))}, not body`);
  }
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, text.doc);
  if (!absolute) throw invalidAnchor(`${name} points at content this draft does not have`);
  let type: Y.AbstractType<unknown> = absolute.type;
  while (type._item) {
    if (type._item.deleted) throw invalidAnchor(`${name} points into deleted copy`);
    type = type._item.parent as Y.AbstractType<unknown>;
  }
  if (type !== text.body) throw invalidAnchor(`${name} points outside the copy (body)`);
}
