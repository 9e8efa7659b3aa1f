import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { decodeAnchor, encodeAnchor } from '../../../shared/annotations/anchors.ts';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';

/** What y-prosemirror keeps of the binding between `body` and the editor's document. */
interface SyncBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
}

/** The Collaboration binding of an editor state, or undefined before it is bound (or without Collaboration). */
export function findSyncBinding(state: EditorState): SyncBinding | undefined {
  const binding = (ySyncPluginKey.getState(state) as { binding?: SyncBinding } | undefined)?.binding;
  return binding && binding.mapping && binding.type ? binding : undefined;
}

export interface SelectionAnchors {
  start: string;
  end: string;
  from: number;
  to: number;
  /** The selected text, for the form that asks for the first comment. */
  quote: string;
}

/**
 * The current selection as base64 anchors into `body`, or undefined when the
 * selection is empty or the editor is not bound to the Y.Doc yet.
 */
export function selectionAnchors(state: EditorState): SelectionAnchors | undefined {
  const { from, to, empty } = state.selection;
  if (empty) return undefined;
  const quote = state.doc.textBetween(from, to, ' ', ' ').trim();
  if (quote === '') return undefined;
  const binding = findSyncBinding(state);
  if (!binding) return undefined;
  const start = absolutePositionToRelativePosition(from, binding.type, binding.mapping as never) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, binding.type, binding.mapping as never) as Y.RelativePosition;
  return { start: encodeAnchor(start), end: encodeAnchor(end), from, to, quote };
}

/**
 * Where an anchor is in the document now: a position, or null when it does
 * not decode or points at content that is gone or not in `body`.
 */
export function resolveAnchor(binding: SyncBinding, anchor: string, docSize: number): number | null {
  const relative = decodedAnchor(anchor);
  // Resolving a position that names another root would create that root: only `body` is looked up.
  if (!relative || (relative.tname !== null && relative.tname !== ROOT_TYPES.body)) return null;
  try {
    const pos = relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping as never);
    return pos === null || pos < 0 || pos > docSize ? null : pos;
  } catch {
    return null;
  }
}

/**
 * Anchors never change once a flag is made, and every recompute resolves all
 * of a draft's anchors (after each remote edit and each pause in typing):
 * decoding them once keeps hundreds of base64 decodes and their garbage out
 * of each. Bounded, for a tab that visits many drafts.
 */
const decodedAnchors = new Map<string, Y.RelativePosition | undefined>();
const MAX_DECODED_ANCHORS = 20_000;

function decodedAnchor(anchor: string): Y.RelativePosition | undefined {
  if (decodedAnchors.has(anchor)) return decodedAnchors.get(anchor);
  if (decodedAnchors.size >= MAX_DECODED_ANCHORS) decodedAnchors.clear();
  const relative = decodeAnchor(anchor);
  decodedAnchors.set(anchor, relative);
  return relative;
}
