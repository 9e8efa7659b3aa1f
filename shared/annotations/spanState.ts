import * as Y from 'yjs';
import { decodeAnchor } from './anchors.ts';

/**
 * True when a flag's span no longer holds any copy: an anchor does not
 * resolve (unknown or garbage-collected content), sits in a deleted block,
 * or start and end resolve to the same place (or cross) in the same text.
 * Pure Yjs, so the panel can tell "flagged text removed" from the live doc
 * without ProseMirror; the server answers the same `isTextRemoved` in REST.
 */
export function isSpanRemoved(doc: Y.Doc, start: string, end: string): boolean {
  const from = resolveAnchor(doc, start);
  const to = resolveAnchor(doc, end);
  if (!from || !to) return true;
  if (isInDeletedType(from.type) || isInDeletedType(to.type)) return true;
  return from.type === to.type && from.index >= to.index;
}

function resolveAnchor(doc: Y.Doc, anchor: string): Y.AbsolutePosition | null {
  const position = decodeAnchor(anchor);
  // A root named by a relative position would be created by resolving it: only `body` may be named.
  if (!position || (position.tname !== null && position.tname !== 'body')) return null;
  return Y.createAbsolutePositionFromRelativePosition(position, doc);
}

function isInDeletedType(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item; item = (item.parent as Y.AbstractType<unknown>)._item) {
    if (item.deleted) return true;
  }
  return false;
}
