import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { DraftDocument, Headline, PullQuote, Standfirst } from './nodes.ts';
import { isSafeUrl } from './safeUrl.ts';

/**
 * The headless extensions that define a draft's schema. The browser editor adds
 * its interactive extensions (collaboration, carets, placeholders) on top; the
 * server uses exactly these to import and export copy, so both sides agree on
 * what a draft may contain.
 */
export function draftSchemaExtensions(): Extensions {
  return [
    StarterKit.configure({
      document: false,
      // Collaboration brings its own undo manager that only undoes local changes.
      undoRedo: false,
      heading: { levels: [2, 3, 4] },
      codeBlock: false,
      code: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        // No custom schemes for autolinking (mailto: is built in): linkify keeps them globally, so a
        // second editor on the page (the version viewer) re-registered them with a warning, and
        // closing it reset them for the first. tel: links can still be made with the link dialog.
        isAllowedUri: (url) => isSafeUrl(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    DraftDocument,
    Headline,
    Standfirst,
    PullQuote,
  ];
}
