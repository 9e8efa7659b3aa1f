import type { JSONContent } from '@tiptap/core';
import type { ImportFormat } from '../../shared/api/drafts.ts';
import { emptyImport } from '../appError.ts';
import { copyToHtml } from './copyToHtml.ts';
import { decodeImportText } from './decodeImportText.ts';
import { detectImportFormat } from './detectImportFormat.ts';
import { draftJSONToState, htmlToDraftState } from './htmlToDraftState.ts';

export interface ImportDraftInput {
  /** The uploaded file or pasted copy, as sent. */
  bytes: Uint8Array;
  /** The format the user chose; without it the filename, then the content, decide. */
  format?: ImportFormat | undefined;
  filename?: string | undefined;
}

export interface ImportedDraft {
  /** The new draft's first state: a Yjs update for an empty Y.Doc, copy in the `body` root type. */
  state: Uint8Array;
  /** The headline's plain text, '' when the copy had none (the route picks a title then). */
  headline: string;
  /** The format the copy was read as. */
  format: ImportFormat;
}

/**
 * Uploaded copy as a new draft. Pure and synchronous; the caller bounds the
 * size first (parsing is linear but not free).
 *
 * Throws `unsupported_media_type` for bytes that are not UTF-8 text, and
 * `empty_import` for copy that is blank or has no text left once markup the
 * draft cannot hold is gone (an HTML file of only scripts and images, say).
 */
export function importDraft(input: ImportDraftInput): ImportedDraft {
  const text = decodeImportText(input.bytes);
  const format = detectImportFormat(text, { format: input.format, filename: input.filename });
  const draft = htmlToDraftState(copyToHtml(text, format));
  if (!hasText(draft.json)) throw emptyImport(`the ${format} file has no copy a draft can hold`);
  return { state: draft.state, headline: draft.headline, format };
}

/** A blank draft's first state: empty headline, empty standfirst, one empty paragraph. */
export function emptyDraftState(): Uint8Array {
  return draftJSONToState({
    type: 'doc',
    content: [{ type: 'headline' }, { type: 'standfirst' }, { type: 'paragraph' }],
  });
}

function hasText(node: JSONContent): boolean {
  if (node.type === 'text') return /\S/.test(node.text ?? '');
  return (node.content ?? []).some(hasText);
}
