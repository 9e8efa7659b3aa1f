import type { JSONContent } from '@tiptap/core';
import { DOMParser as ProseMirrorDOMParser, Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { unsupportedMediaType } from '../appError.ts';
import { DRAFT_SCHEMA, draftNodeType } from './draftSchema.ts';
import { readInertDocument } from './inertDocument.ts';
import { sanitizeDraftJSON } from './sanitizeDraftJSON.ts';
import { splitDraftParts } from './splitDraftParts.ts';

const parser = ProseMirrorDOMParser.fromSchema(DRAFT_SCHEMA);
const doc = draftNodeType('doc');
const headline = draftNodeType('headline');
const standfirst = draftNodeType('standfirst');
// Where body blocks start in `headline standfirst block+`.
const BODY_START = doc.contentMatch.matchType(headline)!.matchType(standfirst)!;

/**
 * Untrusted HTML as the JSON of a valid draft (`check()` passes): the headline
 * from the first `<h1>` (empty if none), the standfirst from the first
 * `<p data-type="standfirst">` (empty if none), everything else as body blocks
 * in source order, and at least one body paragraph, so HTML with no copy at all
 * gives an empty draft rather than an error.
 *
 * What survives is what the draft schema's parse rules accept: no scripts,
 * styles, frames or attributes the schema does not declare; links only with
 * an href that passes `isSafeUrl` (their text stays).
 *
 * Throws `unsupported_media_type` for HTML nested so deeply (thousands of
 * levels) that walking it overflows the stack; no real copy is shaped so.
 *
 * This is `generateJSON` from `@tiptap/html/server` taken apart: that function
 * builds a new schema on every call, so its parse options cannot name the node
 * types needed to parse each part into its own slot, and parsing the whole body
 * into `doc` pours the leading paragraphs into the headline.
 */
export function parseDraftHtml(html: string): JSONContent {
  const parsed = readInertDocument(html, (document) => {
    try {
      return parseParts(document);
    } catch (error) {
      // happy-dom's selector engine and ProseMirror's parser both recurse per level of nesting.
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        throw unsupportedMediaType('the HTML is nested too deeply to import');
      }
      throw error;
    }
  });
  // The schema's link rule already refuses unsafe hrefs; this is the second look that
  // does not depend on how that extension happens to be configured.
  const json = sanitizeDraftJSON(parsed.toJSON());
  // The steps above build a valid draft by construction; if this throws it is a bug, and a
  // plain error (a 500) rather than an AppError blaming the upload.
  DRAFT_SCHEMA.nodeFromJSON(json).check();
  return json;
}

function parseParts(document: Document): ProseMirrorNode {
  const parts = splitDraftParts(document);
  const headlineNode = parts.headline
    ? parser.parse(parts.headline, { topNode: headline.create() })
    : headline.create();
  const standfirstNode = parts.standfirst
    ? parser.parse(parts.standfirst, { topNode: standfirst.create() })
    : standfirst.create();
  const bodyNode = parser.parse(parts.body, { topNode: doc.create(), topMatch: BODY_START });
  return doc.create(null, Fragment.from([headlineNode, standfirstNode]).append(bodyNode.content));
}
