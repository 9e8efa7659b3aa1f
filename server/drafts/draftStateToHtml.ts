import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import { draftJSONToHtml } from './draftJSONToHtml.ts';
import { sanitizeDraftJSON } from './sanitizeDraftJSON.ts';

/**
 * A draft's copy (its `body` root type) as HTML, safe to show or export.
 *
 * The state is untrusted: clients write the body fragment directly, skipping
 * the editor's parse rules. So the copy goes through `sanitizeDraftJSON` first
 * (unknown nodes, marks and attributes dropped, links re-checked with
 * `isSafeUrl`) and only then through the schema's serializer. A draft with an
 * empty body gives ''. A structurally invalid body still renders, as far as its
 * nodes are known.
 *
 * Throws if `state` is not a Yjs update, or if the body fragment holds
 * something other than XML elements and text, which only a hostile client can
 * write.
 */
export function draftStateToHtml(state: Uint8Array): string {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    const json = sanitizeDraftJSON(yDocToProsemirrorJSON(ydoc, ROOT_TYPES.body));
    return draftJSONToHtml(json);
  } finally {
    ydoc.destroy();
  }
}
