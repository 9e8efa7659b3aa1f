import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import { DRAFT_SCHEMA } from './draftSchema.ts';
import { parseDraftHtml } from './parseDraftHtml.ts';

export interface DraftFromHtml {
  /** A Yjs update holding the whole draft in the `body` root type; apply it to an empty Y.Doc. */
  state: Uint8Array;
  /** The headline's plain text; '' when the source had none. */
  headline: string;
  /** The draft as ProseMirror JSON, valid for the draft schema. */
  json: JSONContent;
}

/** Untrusted HTML as a new draft's state; see `parseDraftHtml` for what survives. */
export function htmlToDraftState(html: string): DraftFromHtml {
  const json = parseDraftHtml(html);
  return { state: draftJSONToState(json), headline: draftHeadlineText(json), json };
}

/**
 * Valid draft JSON as a Yjs update. Each call makes a fresh Y.Doc, so two
 * drafts made from the same copy share no client id or history and never
 * merge into each other. Only for a draft's first state: replacing a live
 * draft's content this way would discard its history.
 */
export function draftJSONToState(json: JSONContent): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(DRAFT_SCHEMA, json, ROOT_TYPES.body);
  try {
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/**
 * The headline's text with runs of whitespace made single spaces and the ends
 * trimmed, as a draft's title when the user gives none. Returns '' when the
 * headline is empty or the JSON has none; the caller picks a fallback title and
 * applies the title length limit.
 */
export function draftHeadlineText(json: JSONContent): string {
  const headline = json.content?.find((node) => node.type === 'headline');
  return headline ? textOf(headline).replace(/\s+/g, ' ').trim() : '';
}

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(textOf).join('');
}
