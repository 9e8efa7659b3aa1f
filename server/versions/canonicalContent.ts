import { createHash } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import { countWords } from '../../shared/text/wordCount.ts';
import { createReplicaDoc } from '../collab/replicaDoc.ts';
import { sanitizeDraftJSON } from '../drafts/sanitizeDraftJSON.ts';

/**
 * The copy of a draft as ProseMirror JSON: the `body` root type only (flags,
 * versions and sign-offs are never part of the copy), cut down to the schema
 * by sanitizeDraftJSON (unsafe links dropped). Reads, never writes: safe on
 * the live document.
 */
export function bodyJSONOfDoc(doc: Y.Doc): JSONContent {
  return sanitizeDraftJSON(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(ROOT_TYPES.body)));
}

/** bodyJSONOfDoc of a stored state (a version's). Throws if `state` is not a Yjs update. */
export function bodyJSONOfState(state: Uint8Array): JSONContent {
  const doc = docOfState(state);
  try {
    return bodyJSONOfDoc(doc);
  } finally {
    doc.destroy();
  }
}

/** A fresh Y.Doc holding `state`; the caller destroys it. */
export function docOfState(state: Uint8Array): Y.Doc {
  const doc = createReplicaDoc();
  Y.applyUpdate(doc, state);
  return doc;
}

/**
 * JSON with every object's keys sorted and no whitespace: the form that is
 * hashed. `sha256(canonicalJSON(exported.content))` of a JSON export equals
 * the sign-off's hash.
 */
export function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJSON(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 hex of the canonical JSON of a draft's copy. */
export const contentHash = (content: JSONContent): string =>
  createHash('sha256').update(canonicalJSON(content)).digest('hex');

/** The copy's plain text, blocks separated by newlines. */
export function plainTextOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainTextOf).join(node.type === 'doc' || !node.content?.some((c) => c.type === 'text') ? '\n' : '');
}

export const wordCountOf = (content: JSONContent): number => countWords(plainTextOf(content));
