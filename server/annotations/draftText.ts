import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decodeAnchor } from '../../shared/annotations/anchors.ts';
import { MAX_QUOTE_CHARS } from '../../shared/annotations/kinds.ts';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import { createReplicaDoc } from '../collab/replicaDoc.ts';
import { DRAFT_SCHEMA } from '../drafts/draftSchema.ts';

/**
 * The copy of a draft as ProseMirror sees it, to turn anchors into text.
 *
 * Built from a private copy of the live document, never the live one:
 * y-tiptap deletes any element that breaks the schema while it converts, and
 * on the live draft that would be a change nobody stored or relayed.
 */
export interface DraftText {
  /** The copy the positions refer to. */
  doc: Y.Doc;
  body: Y.XmlFragment;
  pmDoc: ProseMirrorNode;
  mapping: Map<unknown, unknown>;
}

type ChangedType = Y.Transaction['changedParentTypes'] extends Map<infer K, unknown> ? K : never;

/** Per live document: its ProseMirror copy, dropped whenever a transaction touches `body`. */
const copies = new WeakMap<Y.Doc, { text: DraftText | null }>();

/**
 * The draft's copy as ProseMirror sees it. Converting a 5,000-word draft takes
 * tens of milliseconds, and flags are made, listed and checked far more often
 * than the copy changes between them (a flag changes only `annotations`): the
 * copy is kept per live document until a transaction touches `body`. Callers
 * only read it.
 */
export function readDraftText(live: Y.Doc): DraftText {
  let entry = copies.get(live);
  if (!entry) {
    const kept: { text: DraftText | null } = { text: null };
    // The map is typed for generic types; the fragment is one of them.
    const body = live.getXmlFragment(ROOT_TYPES.body) as unknown as ChangedType;
    live.on('afterTransaction', (transaction: Y.Transaction) => {
      // Yjs lists every changed type and its ancestors here by the time afterTransaction fires.
      if (kept.text && transaction.changedParentTypes.has(body)) kept.text = null;
    });
    copies.set(live, kept);
    entry = kept;
  }
  entry.text ??= copyDraftText(live);
  return entry.text;
}

function copyDraftText(live: Y.Doc): DraftText {
  const doc = createReplicaDoc({ gc: false });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  const body = doc.getXmlFragment(ROOT_TYPES.body);
  const { doc: pmDoc, mapping } = initProseMirrorDoc(body, DRAFT_SCHEMA);
  return { doc, body, pmDoc, mapping };
}

export interface Span {
  from: number;
  to: number;
}

/** Where an anchor is in the ProseMirror copy; null when it does not decode or no longer resolves into `body`. */
export function positionOf(text: DraftText, anchor: string): number | null {
  const position = decodeAnchor(anchor);
  if (!position || (position.tname !== null && position.tname !== ROOT_TYPES.body)) return null;
  return relativePositionToAbsolutePosition(text.doc, text.body, position, text.mapping as never);
}

/** The span between two anchors; null when either is gone or nothing is left between them. */
export function spanOf(text: DraftText, start: string, end: string): Span | null {
  const from = positionOf(text, start);
  const to = positionOf(text, end);
  if (from === null || to === null || from >= to) return null;
  return { from, to };
}

/** The text of a span, blocks joined by a space, at most MAX_QUOTE_CHARS; '' for no span. */
export function textOf(text: DraftText, span: Span | null): string {
  if (!span) return '';
  const size = text.pmDoc.content.size;
  return text.pmDoc.textBetween(Math.min(span.from, size), Math.min(span.to, size), ' ').slice(0, MAX_QUOTE_CHARS);
}
