import type { JSONContent } from '@tiptap/core';
import { DOMSerializer, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { DRAFT_SCHEMA } from './draftSchema.ts';
import { withInertWindow } from './inertDocument.ts';

const serializer = DOMSerializer.fromSchema(DRAFT_SCHEMA);

/**
 * Draft JSON (valid for the draft schema) as HTML, by the schema's own
 * serializer in an inert window. `@tiptap/html/server`'s `generateHTML` does
 * the same, but importing that package loads happy-dom at boot, which only
 * HTML import and export need (see inertDocument.ts).
 */
export function draftJSONToHtml(json: JSONContent): string {
  const doc = ProseMirrorNode.fromJSON(DRAFT_SCHEMA, json);
  return withInertWindow((window) => {
    const wrap = window.document.createElement('div');
    serializer.serializeFragment(doc.content, { document: window.document as unknown as Document }, wrap as unknown as HTMLElement);
    return wrap.innerHTML;
  });
}
